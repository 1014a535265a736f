"""Bad input (issue 18, point 10), each with its French message and nothing written: a GLPI
export in another language or with renamed columns, duplicate inventory numbers, an
acquisition after the exit, an exit without a route or a date, an unknown status or type
(kept as « autre » only when asked), a negative price, a row without any number."""

import pytest

from sun.core.imports import ImportImpossible
from sun.core.models import JournalImport
from sun.parc.importation.services import importer_inventaire
from sun.parc.models import CorrespondanceType, Equipement, Sortie
from sun.parc.referentiel import TypeEquipement
from tests.parc.importation.outils import ENTETE_FR, F, ecrire_glpi, ligne_fr

pytestmark = pytest.mark.django_db


def _refus(rapport) -> dict[int, list[str]]:
    resultat = {}
    for r in rapport.lignes_rejetees:
        resultat.setdefault(r.ligne, []).append(r.raison)
    return resultat


def test_export_dans_une_autre_langue_refuse_entier(tmp_path):
    entete = [
        "Name",
        "Einheit",
        "Status",
        "Hersteller",
        "Typ",
        "Modell",
        "Seriennummer",
        "Inventarnummer",
    ]  # fmt: skip  (GLPI in German)
    lignes = [dict.fromkeys(entete, "x")]
    with pytest.raises(ImportImpossible) as erreur:
        importer_inventaire(ecrire_glpi(tmp_path / "de.csv", lignes, entete))
    message = str(erreur.value)
    assert message.startswith("Colonnes non reconnues")
    for attendu in (
        "glpi-fr : il manque « Statut », « Type », « Numéro d'inventaire » ou « Numéro de série »",
        "glpi-en : il manque « Type », « Inventory number » ou « Serial number »",
        "modele-sun : il manque « etat »",
        "« Seriennummer »",
    ):
        assert attendu in message
    assert not Equipement.objects.exists()
    assert JournalImport.objects.get(genre="parc").statut == "refuse"


def test_colonnes_renommees_avec_la_disposition_nommee(tmp_path):
    entete = ["Nom", "État", "Type", "N° de série"]
    lignes = [{"Nom": "PC", "État": "Actif", "Type": "Portable", "N° de série": "S"}]
    with pytest.raises(ImportImpossible) as erreur:
        importer_inventaire(ecrire_glpi(tmp_path / "r.csv", lignes, entete),
                            correspondance="glpi-fr")  # fmt: skip
    message = str(erreur.value)
    assert "Colonnes absentes du fichier pour la disposition « glpi-fr » : « Statut »" in message
    assert (
        "« Numéro d'inventaire » ou « Numéro de série »" in message and "« N° de série »" in message
    )
    assert not Equipement.objects.exists()


def test_numeros_d_inventaire_en_double_toutes_leurs_lignes_refusees(tmp_path):
    lignes = [ligne_fr(n=i) for i in range(1, 6)]
    lignes[3]["Numéro d'inventaire"] = lignes[0]["Numéro d'inventaire"]  # lines 2 and 5
    rapport = importer_inventaire(ecrire_glpi(tmp_path / "d.csv", lignes, ENTETE_FR))
    refus = _refus(rapport)
    assert set(refus) == {2, 5}
    assert "en double dans le fichier (aussi ligne 5)" in refus[2][0]
    assert "toutes ses lignes sont refusées" in refus[5][0]
    assert rapport.nouveaux == 3
    assert not Equipement.objects.filter(numero_inventaire="UC2200001").exists()


def test_acquisition_apres_la_sortie(tmp_path):
    entete = [*ENTETE_FR, f"{F}Date de réforme"]
    lignes = [
        ligne_fr(n=1, Statut="Recyclé", **{f"{F}Date de réforme": "01-06-2020"}),
        ligne_fr(n=2, Statut="Campagne_DEEE", **{f"{F}Date de réforme": "01-06-2020"}),
    ]
    rapport = importer_inventaire(ecrire_glpi(tmp_path / "a.csv", lignes, entete))
    refus = _refus(rapport)
    assert (
        "La date de réforme (01/06/2020) précède la date d'acquisition (24/11/2022)" in refus[2][0]
    )
    assert "précède la date d'acquisition" in refus[3][0]
    assert not Equipement.objects.exists() and not Sortie.objects.exists()


def test_sortie_sans_voie_et_sans_date(tmp_path):
    entete = ["numero_inventaire", "type", "etat", "date_reforme", "voie_sortie"]
    lignes = [{"numero_inventaire": "A", "type": "portable", "etat": "sorti", "date_reforme": "01/02/2025"},
              {"numero_inventaire": "B", "type": "portable", "etat": "sorti", "voie_sortie": "don"},
              {"numero_inventaire": "C", "type": "portable", "etat": "sorti",
               "date_reforme": "01/02/2025", "voie_sortie": "vendu"}]  # fmt: skip
    rapport = importer_inventaire(ecrire_glpi(tmp_path / "m.csv", lignes, entete))
    refus = _refus(rapport)
    assert refus[2][0].startswith("sortie sans voie : le statut « sorti »")
    assert refus[3][0].startswith("sortie sans date")
    assert refus[4][0].startswith("voie de sortie inconnue")
    assert not Equipement.objects.exists()


def test_statut_inconnu_liste_une_fois(tmp_path):
    lignes = [ligne_fr(n=1, Statut="En prêt"), ligne_fr(n=2, Statut="En prêt"), ligne_fr(n=3)]
    rapport = importer_inventaire(ecrire_glpi(tmp_path / "s.csv", lignes, ENTETE_FR))
    assert rapport.refusees == 2 and rapport.nouveaux == 1
    assert "statut inconnu : « En prêt » à faire correspondre dans l'espace agents" in (
        rapport.lignes_rejetees[0].raison
    )
    assert [a for a in rapport.apercu if "inconnu" in a] == [
        "statut inconnu « En prêt » (2 lignes refusées) : à faire correspondre dans l'espace agents"
    ]
    assert rapport.a_faire_correspondre["statuts"] == [("En prêt", 2)]


def test_type_inconnu_refuse_ou_classe_en_autre(tmp_path):
    lignes = [ligne_fr(n=1, Type="Borne interactive"), ligne_fr(n=2)]
    chemin = ecrire_glpi(tmp_path / "t.csv", lignes, ENTETE_FR)
    rapport = importer_inventaire(chemin)
    assert "type inconnu : « Borne interactive »" in rapport.lignes_rejetees[0].raison
    assert "--types-inconnus autre" in rapport.lignes_rejetees[0].raison
    assert not Equipement.objects.filter(type_source="Borne interactive").exists()
    rapport = importer_inventaire(chemin, types_inconnus="autre")
    assert rapport.refusees == 0 and rapport.autres["types_autre"] == 1
    borne = Equipement.objects.get(type_source="Borne interactive")
    assert borne.type == TypeEquipement.AUTRE and borne.categorie_deee == "hors_champ"
    assert CorrespondanceType.objects.get(type_source="Borne interactive").type == "autre"


def test_prix_negatif(tmp_path):
    entete = [*ENTETE_FR, f"{F}Valeur"]
    lignes = [ligne_fr(n=1, **{f"{F}Valeur": "-12,00"}), ligne_fr(n=2, **{f"{F}Valeur": "douze"})]
    rapport = importer_inventaire(ecrire_glpi(tmp_path / "p.csv", lignes, entete))
    refus = _refus(rapport)
    assert refus[2] == ["prix négatif : « -12,00 » (un prix d'acquisition est positif ou nul)"]
    assert refus[3][0].startswith("prix illisible")
    assert not Equipement.objects.exists()


def test_ni_inventaire_ni_serie_et_date_illisible(tmp_path):
    lignes = [
        ligne_fr(n=1, **{"Numéro d'inventaire": "", "Numéro de série": ""}),
        ligne_fr(n=2, **{f"{F}Date de livraison": "31-02-2022"}),
    ]
    rapport = importer_inventaire(ecrire_glpi(tmp_path / "n.csv", lignes, ENTETE_FR))
    refus = _refus(rapport)
    assert refus[2][0].startswith("ni numéro d'inventaire ni numéro de série")
    assert refus[3] == ["date impossible"]
    assert not Equipement.objects.exists()


def test_garde_fou_trop_de_lignes_refusees(tmp_path):
    from sun.core.imports import ConfirmationRequise

    lignes = [ligne_fr(n=i, Statut="Perdu") for i in range(12)] + [ligne_fr(n=99)]
    chemin = ecrire_glpi(tmp_path / "g.csv", lignes, ENTETE_FR)
    with pytest.raises(ConfirmationRequise):
        importer_inventaire(chemin)
    assert not Equipement.objects.exists()
    rapport = importer_inventaire(chemin, confirmer=True)
    assert rapport.nouveaux == 1 and rapport.refusees == 12
