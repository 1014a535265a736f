"""Imports of the connectivity files: real ARCEP extracts, every kind, detection, editions,
codes, dates, duplicates, refusals (nothing written)."""

import shutil
from datetime import date

import pytest

from sun.connectivite.importation.services import importer_fichier
from sun.connectivite.models import (
    CalendrierCuivre,
    CommuneFtth,
    CouvertureMobile,
    DebitFilaireCommune,
    DeploiementFtth,
    Edition,
    Genre,
    MeilleureTechnoCommune,
    TechnoCommune,
)
from sun.core.imports import ImportImpossible
from tests.connectivite import outils_import as o

pytestmark = pytest.mark.django_db


def _raisons(rapport) -> str:
    return " | ".join(r.raison for r in rapport.rejets)


@pytest.mark.parametrize(("fichier", "genre", "modele"), [
    (o.MEILLEURE, Genre.MCI_MEILLEURE_TECHNO, MeilleureTechnoCommune),
    (o.DEBIT, Genre.MCI_DEBIT_FILAIRE, DebitFilaireCommune),
    (o.TECHNO, Genre.MCI_TECHNO, TechnoCommune),
])  # fmt: skip
def test_fichiers_reels_de_l_arcep(fichier, genre, modele):
    rapport = importer_fichier(fichier, tous=True)
    assert (rapport.lues, rapport.nouveaux, rapport.refusees) == (6, 6, 0)
    edition = Edition.objects.get(genre=genre)
    assert edition.date_edition == date(2026, 3, 31) and edition.perimetre == ""
    codes = set(modele.objects.values_list("code_insee", flat=True))
    assert codes == {"75056", "2A004", "97611", "83042", "29019", "40101"}
    # Re-importing the same edition changes nothing.
    deuxieme = importer_fichier(fichier, tous=True)
    assert (deuxieme.nouveaux, deuxieme.modifies, deuxieme.inchanges) == (0, 0, 6)


def test_valeurs_lues_en_texte_et_en_nombre():
    importer_fichier(o.MEILLEURE, tous=True)
    ajaccio = MeilleureTechnoCommune.objects.get(code_insee="2A004")
    assert (ajaccio.nbr, ajaccio.elig_ftth, ajaccio.elig_4gf) == (46329, 45327, 1002)


def test_filtre_au_departement_ou_toute_la_france(settings):
    settings.SUN_DEPARTEMENT = "2A"
    rapport = importer_fichier(o.MEILLEURE)
    assert rapport.nouveaux == 1 and rapport.autres["hors_perimetre"] == 5
    assert Edition.objects.get().perimetre == "2A"
    rapport = importer_fichier(o.MEILLEURE, tous=True)
    assert (rapport.nouveaux, rapport.inchanges) == (5, 1)
    assert Edition.objects.get().perimetre == ""


def test_aucune_commune_du_departement_refuse(settings):
    settings.SUN_DEPARTEMENT = "11"
    with pytest.raises(ImportImpossible, match="Aucune ligne retenue"):
        importer_fichier(o.MEILLEURE)
    assert not Edition.objects.exists()


def test_deux_editions_coexistent(tmp_path):
    importer_fichier(o.meilleure(tmp_path, [o.ligne_meilleure("11069", ftth=50, jour="2025-12-31")],
                                 nom="a.csv"))  # fmt: skip
    importer_fichier(o.meilleure(tmp_path, [o.ligne_meilleure("11069", ftth=70)], nom="b.csv"))
    assert sorted(Edition.objects.values_list("date_edition", flat=True)) == [
        date(2025, 12, 31), date(2026, 3, 31)]  # fmt: skip
    assert sorted(MeilleureTechnoCommune.objects.values_list("elig_ftth", flat=True)) == [50, 70]


def test_reimport_remplace_l_edition_et_retire_les_absents(tmp_path):
    importer_fichier(
        o.meilleure(tmp_path, [o.ligne_meilleure("11069"), o.ligne_meilleure("11001")])
    )
    rapport = importer_fichier(o.meilleure(tmp_path, [o.ligne_meilleure("11069", ftth=90)]),
                               confirmer=True)  # fmt: skip
    assert (rapport.modifies, rapport.disparus) == (1, 1)
    assert list(MeilleureTechnoCommune.objects.values_list("code_insee", "elig_ftth")) == [
        ("11069", 90)
    ]


def test_arrondissements_regroupes(tmp_path, settings):
    settings.SUN_DEPARTEMENT = "75"
    rapport = importer_fichier(o.meilleure(tmp_path, [o.ligne_meilleure("75101", dep="75")]))
    assert MeilleureTechnoCommune.objects.get().code_insee == "75056"
    assert "regroupé dans 75056" in _raisons(rapport)


def test_arrondissements_d_une_ville_fusionnes(tmp_path):
    """Orange's file lists arrondissements: one row for the city, earliest dates, counts added;
    premises of the MCI files added up; mobile shares cannot be merged (refused, said why)."""
    from sun.connectivite.models import CalendrierCuivre, CouvertureMobile

    importer_fichier(
        o.orange(
            tmp_path,
            [
                ["75101", "4", "31/01/2027", "31/01/2028"],
                ["75102", "5", "31/01/2026", "31/01/2029"],
            ],
        ),
        tous=True,
    )
    paris = CalendrierCuivre.objects.get()
    assert paris.code_insee == "75056" and paris.lot == "4, 5"
    assert (paris.date_fc, paris.date_ft) == (date(2026, 1, 31), date(2028, 1, 31))
    assert paris.nb_log_refus_tiers == 6
    importer_fichier(
        o.meilleure(
            tmp_path,
            [
                o.ligne_meilleure("69381", nbr=100, dep="69"),
                o.ligne_meilleure("69382", nbr=50, ftth=10, dep="69"),
            ],
        ),
        tous=True,
    )
    lyon = MeilleureTechnoCommune.objects.get(code_insee="69123")
    assert (lyon.nbr, lyon.elig_ftth) == (150, 90)
    rapport = importer_fichier(
        o.mobile(tmp_path, [["4G", "20801", "13201"], ["4G", "20801", "13202"]]), tous=True
    )
    assert not CouvertureMobile.objects.exists() and "en double" in _raisons(rapport)


def test_zero_initial_retabli_ou_signale(tmp_path):
    rapport = importer_fichier(o.meilleure(tmp_path, [
        o.ligne_meilleure("1001", dep="01"), o.ligne_meilleure("1002", dep="10"),
        o.ligne_meilleure("0123", dep=""),
    ]), tous=True)  # fmt: skip
    assert list(MeilleureTechnoCommune.objects.values_list("code_insee", flat=True)) == ["01001"]
    assert rapport.refusees == 2 and "ambigu" in _raisons(rapport)
    assert "zéro initial rétabli" in _raisons(rapport)


def test_communes_en_double_toutes_refusees(tmp_path):
    rapport = importer_fichier(o.meilleure(tmp_path, [
        o.ligne_meilleure("11069"), o.ligne_meilleure("11001"), o.ligne_meilleure("11069", ftth=1),
    ]))  # fmt: skip
    assert rapport.refusees == 2 and rapport.nouveaux == 1
    assert "en double" in _raisons(rapport)
    assert list(MeilleureTechnoCommune.objects.values_list("code_insee", flat=True)) == ["11001"]


def test_autre_type_de_ligne_ignore_et_date_d_une_autre_edition(tmp_path):
    rapport = importer_fichier(o.meilleure(tmp_path, [
        o.ligne_meilleure("11069"), o.ligne_meilleure("11001", type_="rural"),
        o.ligne_meilleure("11002", jour="2025-12-31"),
    ]))  # fmt: skip
    assert rapport.autres["autres_types"] == 1 and rapport.refusees == 1
    assert "autre édition" in _raisons(rapport)


def test_mauvais_type_ou_edition_refuse_rien_d_ecrit(tmp_path):
    with pytest.raises(ImportImpossible, match="pas « Ma connexion internet : technologies »"):
        importer_fichier(o.MEILLEURE, genre=Genre.MCI_TECHNO, tous=True)
    with pytest.raises(ImportImpossible, match="édition du 31/03/2026, pas celle du 31/12/2025"):
        importer_fichier(o.MEILLEURE, edition=date(2025, 12, 31), tous=True)
    autre = o.ecrire(tmp_path / "x.csv", ["a", "b"], [[1, 2]])
    with pytest.raises(ImportImpossible, match="Fichier non reconnu"):
        importer_fichier(autre)
    assert not Edition.objects.exists()


def test_import_interrompu_n_ecrit_rien(tmp_path):
    lignes = [o.ligne_meilleure(f"11{i:03d}") for i in range(1, 1200)]
    chemin = o.meilleure(tmp_path, lignes)

    def interrompre(n):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        importer_fichier(chemin, progression=interrompre)
    assert not Edition.objects.exists() and not MeilleureTechnoCommune.objects.exists()


def test_essai_a_blanc(tmp_path):
    rapport = importer_fichier(o.MEILLEURE, tous=True, essai=True)
    assert rapport.nouveaux == 6 and not Edition.objects.exists()


# --- FttH workbook ----------------------------------------------------------------------------
TRIMESTRES = ["T4 2017", "T1 2018", "T4 2025"]


def test_classeur_ftth_et_entete_deplacee(tmp_path):
    chemin = o.ftth(tmp_path, [("11069", 1000, [0, 10, 900]), ("11001", 50, [None, 0, 45])],
                    TRIMESTRES, ligne_entete=9)  # fmt: skip
    rapport = importer_fichier(chemin)
    assert (rapport.nouveaux, rapport.refusees, rapport.autres["trimestres"]) == (2, 0, 5)
    edition = Edition.objects.get(genre=Genre.FTTH)
    assert edition.date_edition == date(2025, 12, 31)
    assert CommuneFtth.objects.get(code_insee="11069").locaux_estimes == 1000
    serie = list(DeploiementFtth.objects.filter(code_insee="11069").order_by("trimestre")
                 .values_list("trimestre", "locaux_raccordables"))  # fmt: skip
    assert serie == [(date(2017, 12, 31), 0), (date(2018, 3, 31), 10), (date(2025, 12, 31), 900)]
    assert importer_fichier(chemin).inchanges == 2


def test_classeur_sans_ligne_d_entete_refuse(tmp_path):
    chemin = o.ftth(tmp_path, [("11069", 1000, [0, 10, 900])], TRIMESTRES, ligne_entete=40)
    with pytest.raises(ImportImpossible, match="Ligne d'en-tête introuvable"):
        importer_fichier(chemin)


def test_classeur_nom_et_trimestres_en_desaccord(tmp_path):
    chemin = o.ftth(tmp_path, [("11069", 1000, [0, 10, 900])], TRIMESTRES,
                    nom="2024t2-obs-hd-thd-deploiement.xlsx")  # fmt: skip
    with pytest.raises(ImportImpossible, match="dernier trimestre"):
        importer_fichier(chemin)


def test_ftth_revision_d_un_trimestre(tmp_path):
    importer_fichier(o.ftth(tmp_path, [("11069", 1000, [0, 10, 900])], TRIMESTRES))
    rapport = importer_fichier(o.ftth(tmp_path, [("11069", 1000, [0, 12, 900])], TRIMESTRES))
    assert rapport.modifies == 1
    assert DeploiementFtth.objects.get(trimestre=date(2018, 3, 31)).locaux_raccordables == 12


# --- copper -----------------------------------------------------------------------------------
def test_cuivre_orange_dates_francaises_et_excel(tmp_path):
    chemin = o.orange(tmp_path, [["11069", "3", "31/01/2026", "45688"], ["11001", "4", "x", ""]])
    rapport = importer_fichier(chemin)
    ligne = CalendrierCuivre.objects.get()
    assert (ligne.code_insee, ligne.lot, ligne.date_fc, ligne.date_ft) == (
        "11069", "3", date(2026, 1, 31), date(2025, 1, 31))  # fmt: skip
    assert ligne.eligibilite_ftth == 0.95 and ligne.nb_log_refus_tiers == 3
    assert rapport.refusees == 1 and "date illisible" in _raisons(rapport)
    assert Edition.objects.get().date_edition == date(2025, 3, 31)


def test_cuivre_gouv_sans_date_demande_l_edition(tmp_path):
    chemin = o.gouv(tmp_path, [["11069", "3", "2026-01-31", "2027-01-31"]])
    with pytest.raises(ImportImpossible, match="Date d'édition inconnue"):
        importer_fichier(chemin)
    rapport = importer_fichier(chemin, edition=date(2025, 6, 30))
    assert rapport.nouveaux == 1
    ligne = CalendrierCuivre.objects.get()
    assert ligne.message_usager.startswith("L'arrêt des services") and ligne.lot == "3"


def test_cuivre_gouv_lignes_identiques_regroupees(tmp_path):
    chemin = o.gouv(tmp_path, [["11069", "3", "2026-01-31", "2027-01-31"]] * 2
                    + [["11001", "3", "2026-01-31", ""], ["11001", "4", "2026-01-31", ""]],
                    nom="fermeture-reseau-cuivre-2025-06-30.csv")  # fmt: skip
    rapport = importer_fichier(chemin)
    assert rapport.autres["repetees"] == 1 and rapport.refusees == 2
    assert list(CalendrierCuivre.objects.values_list("code_insee", flat=True)) == ["11069"]


# --- mobile -----------------------------------------------------------------------------------
def test_mobile_par_operateur(tmp_path):
    chemin = o.mobile(tmp_path, [["2G", 20801, "11069"], ["4G", 20810, "11069"],
                                 ["4G", 20899, "11069"]])  # fmt: skip
    rapport = importer_fichier(chemin)
    assert rapport.nouveaux == 2 and rapport.refusees == 1
    assert Edition.objects.get().date_edition == date(2023, 9, 30)
    ligne = CouvertureMobile.objects.get(techno="4G")
    assert (ligne.operateur, ligne.couv_bc) == ("20810", 69.08)
    assert importer_fichier(chemin).inchanges == 2


def test_mobile_latin1(tmp_path):
    chemin = o.mobile(tmp_path, [["4G", 20815, "11069"]])
    latin = tmp_path / "2024T1_op_communes.csv"
    latin.write_bytes(chemin.read_text(encoding="utf-8").encode("latin-1"))
    assert importer_fichier(latin).nouveaux == 1


def test_nom_de_fichier_d_origine(tmp_path):
    chemin = o.mobile(tmp_path, [["4G", 20815, "11069"]], nom="envoi")
    shutil.copy(chemin, tmp_path / "autre")
    rapport = importer_fichier(tmp_path / "autre", nom_fichier="2022T2_op_communes.csv")
    assert rapport.nouveaux == 1 and Edition.objects.get().date_edition == date(2022, 6, 30)
