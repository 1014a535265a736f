"""The fragility index files shipped with SUN: loaded for the configured département only, once
per version, never over an index imported from another file; the IFN indicator."""

import pytest

from sun.core import indicators
from sun.core.installation import preparer
from sun.inclusion.analyses import ifn_livre
from sun.inclusion.analyses.ifn import importer
from sun.inclusion.models import IndiceFragilite
from sun.territoire.models import EPCI, Commune

pytestmark = pytest.mark.django_db
ENTETE = "name,division,code,no_thd_coverage_rate,no_4g_coverage_rate,poverty_rate,older_65_rate,nscol15p_rate,total\n"


def test_fichiers_livres_avec_leur_provenance():
    for fichier in ifn_livre.FICHIERS:
        assert fichier.exists() and fichier.stat().st_size < 2_000_000
        assert fichier.name in (ifn_livre.DOSSIER / "LISEZMOI.md").read_text(encoding="utf-8")


def test_charge_le_departement_une_seule_fois():
    lignes = []
    rapports = ifn_livre.charger("11", ecrire=lignes.append)
    communes = Commune.objects.filter(departement__code="11")
    charges = IndiceFragilite.objects.filter(niveau="city")
    # Every row read belongs to the Aude; (almost) every commune of the Aude has its index.
    assert set(charges.values_list("code", flat=True)) <= set(
        communes.values_list("code_insee", flat=True)
    )
    assert charges.count() >= 0.97 * communes.count()
    epci = set(IndiceFragilite.objects.filter(niveau="epci").values_list("code", flat=True))
    assert "200035715" in epci  # Carcassonne Agglo
    assert epci <= set(
        EPCI.objects.filter(communes__in=communes).values_list("code_siren", flat=True)
    )
    villes = rapports[0]
    assert villes.lues == 35008 and villes.refusees == 0  # Marseille's empty row is not read
    assert villes.autres["hors_departement"] == 35008 - villes.nouveaux
    assert charges.get(code="11069").source == ifn_livre.SOURCE_LIVREE
    assert "ligne(s) d'autres départements" in lignes[0]
    lignes.clear()
    assert ifn_livre.charger("11", ecrire=lignes.append) == []
    assert lignes == [
        f"Indice de fragilité numérique déjà chargé (fichiers livrés, version {ifn_livre.VERSION})."
    ]


def test_un_indice_importe_d_un_autre_fichier_n_est_pas_remplace(tmp_path):
    chemin = tmp_path / "ifn.csv"
    chemin.write_text(ENTETE + "Limoux,city,11206,1,1,1,1,1,1\n", encoding="utf-8")
    importer(chemin, "La MedNum, édition 2025")
    lignes = []
    assert ifn_livre.charger("11", ecrire=lignes.append) == []
    assert "La MedNum, édition 2025" in lignes[0] and IndiceFragilite.objects.count() == 1


def test_une_nouvelle_version_livree_remplace_l_ancienne(tmp_path, monkeypatch):
    chemin = tmp_path / "ifn.csv"
    chemin.write_text(ENTETE + "Limoux,city,11206,1,1,1,1,1,1\n", encoding="utf-8")
    importer(chemin, f"{ifn_livre.PREFIXE_SOURCE} (version ancienne)")
    ifn_livre.charger("11", ecrire=lambda _: None)
    assert IndiceFragilite.objects.get(code="11206").source == ifn_livre.SOURCE_LIVREE


def test_preparer_charge_l_indice(settings, monkeypatch):
    from sun.core import installation

    settings.SUN_DEPARTEMENT = "11"
    monkeypatch.setattr(installation, "call_command", lambda nom, **_: None)
    lignes = []
    preparer(demo=False, ecrire=lignes.append)
    assert any(
        l.startswith("Indice de fragilité numérique (inclusion-numerique_ifn-city") for l in lignes
    )
    assert IndiceFragilite.objects.filter(code="11206", niveau="city").exists()


def test_indicateur_ifn(tmp_path):
    indicateur = indicators.obtenir("inclusion.ifn")
    assert indicateur.calculer("commune", "11206").valeur is None
    chemin = tmp_path / "ifn.csv"
    chemin.write_text(ENTETE + "Limoux,city,11206,2,3,8,7,6,5.2\n"
                      "CC du Limouxin,epci,200071926,7,7,6.8,8.2,5.9,6.98\n", encoding="utf-8")  # fmt: skip
    importer(chemin, "Source test")
    valeur = indicateur.calculer("commune", "11206")
    assert (valeur.valeur, valeur.source) == (5.2, "Source test") and valeur.date is not None
    assert indicateur.calculer("epci", "200071926").valeur == 6.98
    with pytest.raises(indicators.TerritoireInconnu):
        indicateur.calculer("commune", "99999")
