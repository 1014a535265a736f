"""Mapping files that say what real sources need, and that are checked strictly."""

import csv

import pytest

from sun.cli import main
from sun.core.imports import CorrespondanceInvalide
from sun.inclusion.lieux.importation import correspondance
from sun.inclusion.lieux.services import importer_lieux
from sun.inclusion.models import Lieu

pytestmark = pytest.mark.django_db

MAPPING = """\
source: Réseau test
format: libre
projection: lambert93
colonnes:
  id: Code
  nom: Structure
  latitude: Y
  longitude: X
champs:
  code_postal: {colonne: Adresse complète, extraire: code_postal}
  commune: {colonne: Adresse complète, extraire: commune}
  adresse: {colonne: Adresse complète, extraire: voie}
  horaires: {colonne: Horaires}
  typologie:
    valeur: [EPN]
    regles:
      - {colonnes: [Activités], termes: [mediatheque], valeur: BIB}
  services:
    regles:
      - {colonnes: [Activités], termes: [demarches], valeur: Aide aux démarches administratives}
ignorer:
  - {colonne: Statut, termes: [fermé, inactif]}
"""
COLONNES = ["Code", "Structure", "Adresse complète", "X", "Y", "Horaires", "Activités", "Statut"]


def _fichier(tmp_path, lignes):
    chemin = tmp_path / "reseau.csv"
    with chemin.open("w", encoding="utf-8", newline="") as f:
        ecrivain = csv.writer(f, delimiter=";")
        ecrivain.writerow(COLONNES)
        ecrivain.writerows(lignes)
    return chemin


def test_une_source_reelle_de_bout_en_bout(tmp_path):
    yaml = tmp_path / "reseau.yaml"
    yaml.write_text(MAPPING, encoding="utf-8")
    fichier = _fichier(tmp_path, [
        ["A1", "Médiathèque Grain d'Aile", "2 rue de la Poste 11200 Lézignan-Corbières",
         "689600", "6232700", "du lundi au vendredi de 9h à 12h et de 14h à 17h",
         "Médiathèque ; Démarches en ligne", "actif"],
        ["A2", "Point numérique de Limoux", "Place de la République, 11300 LIMOUX",
         "", "", "le mardi matin", "Ateliers", "Actif"],
        ["A3", "Ancien EPN", "1 rue Basse 11000 Carcassonne", "", "", "", "", "Fermé"],
    ])  # fmt: skip
    rapport = importer_lieux(fichier, "", mapping=correspondance.charger(yaml))
    assert rapport.nouveaux == 2 and rapport.autres["ignorees"] == 1, rapport.lignes()
    grain = Lieu.objects.get(nom="Médiathèque Grain d'Aile")
    assert (grain.code_postal, grain.commune, grain.adresse) == (
        "11200", "Lézignan-Corbières", "2 rue de la Poste")  # fmt: skip
    assert grain.horaires == "Mo-Fr 09:00-12:00,14:00-17:00"
    assert 43.1 < grain.latitude < 43.3 and 2.6 < grain.longitude < 2.9  # from Lambert-93
    assert grain.precision_localisation == "exacte"
    assert grain.typologie == ["EPN", "BIB"]  # the constant and the keyword rule
    assert grain.services == ["Aide aux démarches administratives"]  # « demarches », no accent
    limoux = Lieu.objects.get(nom="Point numérique de Limoux")
    assert limoux.horaires == "Tu 09:00-12:00" and limoux.commune == "Limoux"
    assert limoux.code_insee == "11206" and limoux.typologie == ["EPN"]


def test_horaires_par_demi_journee(tmp_path):
    contenu = {"format": "libre", "colonnes": {"nom": "Nom", "commune": "Ville"},
               "champs": {"horaires": {"jours": {"Mo:matin": "Lundi matin",
                                                   "Mo:apres-midi": "Lundi AM", "Tu": "Mardi"}}}}  # fmt: skip
    chemin = tmp_path / "h.csv"
    chemin.write_text("Nom,Ville,Lundi matin,Lundi AM,Mardi\nEPN,Limoux,X,,9h-12h / 14h-18h\n",
                      encoding="utf-8")  # fmt: skip
    importer_lieux(chemin, "Hub", mapping=correspondance.depuis_dict(contenu))
    assert Lieu.objects.get().horaires == "Mo 09:00-12:00; Tu 09:00-12:00,14:00-18:00"


def test_horaires_en_francais_dans_le_standard(tmp_path):
    from tests.inclusion.outils import ecrire_csv, lieu_v1

    lignes = [lieu_v1(horaires="Lundi : 9h00 - 12h00 / 13h30 - 17h30 ; Mardi : fermé"),
              lieu_v1(id="b", nom="Autre", adresse="9 rue Haute", horaires="quand on peut")]  # fmt: skip
    rapport = importer_lieux(ecrire_csv(tmp_path / "l.csv", lignes), "Hub")
    assert Lieu.objects.get(nom="Médiathèque de Lézignan").horaires == "Mo 09:00-12:00,13:30-17:30"
    assert Lieu.objects.get(nom="Autre").horaires == ""
    assert any("non compris" in r.raison for r in rapport.rejets)


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("champs:\n  services:\n    regle: []\n", "ligne 4 : clé « regle » inconnue"),
        ("champs:\n  services:\n    regles:\n      - {terms: [x], valeur: Aide aux démarches administratives}\n",
         "ligne 5 : clé « terms » inconnue"),
        ("champs:\n  adresse:\n    joindre: [A, B]\n    séparateur: ' '\n", "ligne 5 : clé « séparateur » inconnue"),
        ("champs:\n  horaires:\n    semaine: {Mo: Lundi}\n", "ligne 4 : clé « semaine » inconnue"),
        ("colonnes: [nom, commune]\n", "ligne 2 : « colonnes » doit être un dictionnaire"),
        ("champs:\n  services:\n    regles: {valeur: x}\n", "« regles » attend une liste de règles"),
        ("champs:\n  services:\n    regles:\n      - valeur: Inventé\n", "« Inventé » n'est pas une valeur admise"),
        ("champs:\n  horaires:\n    jours: {Lundi: L}\n", "jour « Lundi » inconnu"),
        ("projection: mercator\n", "projection « mercator » inconnue"),
        ("ignorer:\n  - {colonne: Statut}\n", "donnez « termes », « valeurs » ou « vide »"),
        ("champs:\n  nom: {colonne: [A, B]}\n", "« colonne » doit être un texte"),
        ("colonnes:\n  nom: Nom\n   commune: Ville\n", "YAML mal formé (ligne 4)"),
    ],
)  # fmt: skip
def test_correspondance_verifiee_strictement(texte, attendu):
    """Every mistake is an error with its line (the text starts with « format: libre »)."""
    with pytest.raises(CorrespondanceInvalide) as erreur:
        correspondance.depuis_texte("format: libre\n" + texte)
    assert attendu in str(erreur.value)


def test_correspondance_invalide_en_ligne_de_commande(tmp_path, capsys):
    yaml = tmp_path / "faux.yaml"
    yaml.write_text("format: libre\ncolonnes: {nom: Nom}\nchamps:\n  services: {regle: []}\n",
                    encoding="utf-8")  # fmt: skip
    (tmp_path / "l.csv").write_text("Nom\nX\n", encoding="utf-8")
    code = main(["lieux", "importer", str(tmp_path / "l.csv"), "--source", "Hub",
                 "--correspondance", str(yaml)])  # fmt: skip
    assert code == 3 and "ligne 4 : clé « regle » inconnue" in capsys.readouterr().err
