"""France Numérique Ensemble: figures of the département, typology groups, share of the
national 2027 targets, every figure a registered indicator, demonstration data never counted."""

import json
from datetime import date

import pytest

from sun.cli import main
from sun.core.indicators import Niveau, obtenir
from sun.inclusion.activites import regles as activites
from sun.inclusion.activites.services import enregistrer_activite
from sun.inclusion.analyses import fne
from sun.inclusion.lieux.services import importer_lieux
from sun.inclusion.models import Activite, Lieu, LieuActivite, Mediateur
from tests.inclusion.outils import ecrire_csv, lieu_v1
from tests.outils import texte

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typologies", "attendu"),
    [(["MUNI"], ("Public", "Commune")), (["CIAS"], ("Public", "Intercommunalité")), (["RFS"], ("Public", "Autre public")),
     (["ASSO", "TIERS_LIEUX"], ("Associations", "Associations")), (["TIERS_LIEUX"], ("Autres acteurs privés", "Autres acteurs privés")),
     ([], ("Non défini", "Non défini")), (["XYZ"], ("Non défini", "Non défini"))],
)  # fmt: skip
def test_typologies(typologies, attendu):
    assert fne.categorie_typologie(typologies) == attendu


@pytest.fixture
def departement(tmp_path):
    lignes = [
        lieu_v1(id="a", nom="France services de Limoux", commune="Limoux", code_postal="11300", code_insee="11206",
                latitude="43.0546", longitude="2.2187", typologie="RFS", dispositif_programmes_nationaux="France Services|Conseillers numériques"),
        lieu_v1(id="b", nom="Mairie de Carcassonne", commune="Carcassonne", code_postal="11000", code_insee="11069",
                latitude="43.2130", longitude="2.3491", typologie="MUNI", dispositif_programmes_nationaux="Aidants Connect"),
        lieu_v1(id="c", nom="Association Clic", commune="Carcassonne", code_postal="11000", code_insee="11069",
                latitude="43.2130", longitude="2.3491", typologie="ASSO", dispositif_programmes_nationaux=""),
        lieu_v1(id="d", nom="Lieu de démonstration", commune="Carcassonne", code_postal="11000", code_insee="11069",
                latitude="43.2130", longitude="2.3491", typologie="ASSO", dispositif_programmes_nationaux="France Services"),
    ]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "l.csv", lignes), "Source test")
    demo = Lieu.objects.get(nom="Lieu de démonstration")
    demo.demonstration = True
    demo.save()
    limoux = Lieu.objects.get(commune="Limoux")
    for n, (profil, ac) in enumerate(
        [("conseiller_numerique", False), ("aidant", True), ("mediateur", False)]
    ):
        m = Mediateur.objects.create(prenom="P", nom=f"N{n}", profil=profil, aidant_connect=ac)
        LieuActivite.objects.create(mediateur=m, lieu=limoux, debut=date(2024, 1, 1))
    parti = Mediateur.objects.create(prenom="P", nom="Parti", profil="mediateur")
    LieuActivite.objects.create(
        mediateur=parti, lieu=limoux, debut=date(2022, 1, 1), fin=date(2023, 1, 1)
    )
    for n, (type_, nombre, thematiques, demo_) in enumerate([
        ("collectif", 10, ["email", "bureautique"], False), ("individuel", 1, ["sante"], False),
        ("collectif", 40, ["sante"], True),
    ]):  # fmt: skip
        v = activites.valider({"type": type_, "accompagnements": nombre, "date": "2025-04-01", "duree": 60,
                               "type_lieu": "lieu_activite", "lieu": limoux, "thematiques": thematiques,
                               "deja_accompagnes": 1 if n == 0 else 0})  # fmt: skip
        enregistrer_activite(v.valeurs, Activite.Source.SAISIE, demonstration=demo_)


def test_tableau_du_departement(departement):
    t = fne.tableau("11")
    v = {code: valeur.valeur for code, valeur in t.valeurs.items()}
    assert v["fne.lieux"] == 3  # the demonstration place is not counted
    assert dict(t.typologies) == {"Commune": 1, "Intercommunalité": 0, "Département": 0, "Autre public": 1,
                                  "Associations": 1, "Autres acteurs privés": 0, "Non défini": 0}  # fmt: skip
    assert (
        v["fne.lieux_france_services"],
        v["fne.lieux_conseillers_numeriques"],
        v["fne.lieux_aidants_connect"],
    ) == (1, 1, 1)
    assert (v["fne.mediateurs"], v["fne.conseillers_numeriques"], v["fne.aidants_connect"]) == (
        3,
        1,
        1,
    )
    assert v["fne.accompagnements"] == 11 and v["fne.personnes_accompagnees"] == 10
    assert t.thematiques[0] == ("E-mail", 10) and ("Santé", 1) in t.thematiques
    assert v["fne.part_objectif_lieux"] == round(100 * 3 / 25_000, 3)
    # The Aude holds about 0.56 % of the French population (≈ 374,000 of ≈ 66.5 million).
    assert 0.5 < v["fne.part_population"] < 0.6
    personnes, lieux, aidants, equipements = t.objectifs
    assert personnes.valeur == 10 and aidants.valeur == 3
    assert equipements.valeur is None and equipements.part is None
    assert lieux.attendu == round(25_000 * v["fne.part_population"] / 100)
    assert t.demonstration_exclue == 1


def test_chaque_chiffre_est_un_indicateur_date_et_source(departement):
    for code, *_ in fne.INDICATEURS:
        valeur = obtenir(code).calculer(Niveau.DEPARTEMENT, "11")
        assert valeur.source, code
    assert obtenir("fne.accompagnements").calculer(Niveau.DEPARTEMENT, "11").date == date(
        2025, 4, 1
    )
    assert (
        obtenir("fne.mediateurs")
        .calculer(Niveau.EPCI, Lieu.objects.get(commune="Limoux").commune_ref.epci.code_siren)
        .valeur
        == 3
    )
    assert obtenir("fne.lieux_public").calculer(Niveau.COMMUNE, "11069").valeur == 1


def test_page_publique(client, departement):
    page = texte(client.get("/france-numerique-ensemble/"))
    assert "France Numérique Ensemble : Aude" in page
    assert "8\u202f000\u202f000" in page and "25\u202f000" in page and "non suivi" in page
    assert "1 activité de démonstration n'est pas comptée" in page
    assert "Source : Registre SUN des lieux de médiation numérique" in page
    assert "/france-numerique-ensemble/" in client.get("/plan-du-site/").content.decode()


def test_import_en_ligne_de_commande(tmp_path, capsys):
    chemin = tmp_path / "a.json"
    chemin.write_text(json.dumps({"data": [{"type": "activite", "id": "x1", "attributes": {
        "type": "individuel", "date": "2025-01-02", "duree": 30, "type_lieu": "domicile", "lieu_code_insee": "11069",
        "thematiques": ["email"], "accompagnements": 1}}, {"type": "activite", "id": "x2", "attributes": {
        "type": "individuel", "date": "2025-01-02", "duree": 30, "type_lieu": "domicile", "thematiques": ["email"]}}]}))  # fmt: skip
    assert main(["inclusion", "activites", "importer", str(chemin), "--essai"]) == 0
    assert "ESSAI À BLANC" in capsys.readouterr().out and not Activite.objects.exists()
    assert main(["inclusion", "activites", "importer", str(chemin)]) == 0
    sortie = capsys.readouterr().out
    assert "Nouveaux : 1 ;" in sortie and "activité 2 — lieu_code_insee" in sortie
    (tmp_path / "casse.json").write_text("{")
    assert main(["inclusion", "activites", "importer", str(tmp_path / "casse.json")]) == 3


def test_reseau_de_demonstration_idempotent_et_jamais_compte():
    from sun.inclusion.demo.lieux import creer_lieux_demo
    from sun.inclusion.demo.reseau import creer_reseau_demo

    creer_lieux_demo("11")
    premier = creer_reseau_demo("11", date(2026, 11, 1))
    assert premier[0] > 50 and premier[1] == premier[0] * 40
    assert creer_reseau_demo("11", date(2026, 11, 1)) == premier
    assert not Mediateur.objects.filter(demonstration=False).exists()
    assert not Activite.objects.filter(demonstration=False).exists()
    assert all("démonstration" in m.nom for m in Mediateur.objects.all())
    valeurs = fne.tableau("11").valeurs
    assert valeurs["fne.mediateurs"].valeur == 0 and valeurs["fne.accompagnements"].valeur == 0


def test_bilans_cra_v1_livres_importes_et_affiches(client, tmp_path, capsys):
    from sun.core.imports import ImportImpossible
    from sun.inclusion.activites.cra_v1 import FICHIER_LIVRE, importer

    rapport = importer(FICHIER_LIVRE)
    assert (rapport.lues, rapport.nouveaux, rapport.rejets) == (101, 101, [])
    assert importer(FICHIER_LIVRE).inchanges == 101
    valeur = obtenir("fne.cra_v1_usagers").calculer(Niveau.DEPARTEMENT, "11")
    assert (valeur.valeur, valeur.date) == (13943, date(2024, 6, 30)) and "ANCT" in valeur.source
    assert obtenir("fne.cra_v1_accompagnements").calculer(Niveau.DEPARTEMENT, "11").valeur == 20139
    page = texte(client.get("/france-numerique-ensemble/"))
    assert (
        "<strong>13\u202f943</strong> usagers" in page
        and "Démarches en ligne" in page
        and "30 juin 2024" in page
    )
    # A broken entry is refused with its reason; the others are kept.
    casse = tmp_path / "cras.json"
    casse.write_text(json.dumps([{"departement": "999", "usagers": 1}, {"departement": "11", "usagers": -3},
                                 {"departement": "12", "usagers": 4, "accompagnements": 5, "themes": "x"}]))  # fmt: skip
    rapport = importer(casse)
    refus = {(p, c) for p, c, *_ in rapport.rejets}
    assert {("entrée 1", "departement"), ("entrée 2", "usagers"), ("entrée 3", "themes")} <= refus
    assert {p for p, _ in refus} == {"entrée 1", "entrée 2", "entrée 3"}
    assert rapport.modifies == 0 and rapport.nouveaux == 0
    (tmp_path / "objet.json").write_text("{}")
    with pytest.raises(ImportImpossible):
        importer(tmp_path / "objet.json")
    assert main(["inclusion", "cra-v1", "importer", str(casse)]) == 0
    assert "refusées : 3 ;" in capsys.readouterr().out
