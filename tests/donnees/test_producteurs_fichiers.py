"""The files of the datasets SUN produces: right content, demonstration left out, figures
about people under 5 masked, conformity to the national schemas they declare."""

import csv
from datetime import date

import pytest

from sun.donnees.catalogue import stockage
from sun.donnees.catalogue.regeneration import Etat, regenerer
from sun.donnees.models import VersionRessource
from sun.donnees.validation import valider
from sun.pilotage.models import Action
from tests.connectivite import factories as co
from tests.inclusion.factories import ActiviteFactory, LieuFactory, commune
from tests.pilotage.factories import ActionFactory, IndicateurFactory, ValeurIndicateurFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _stockage(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.SUN_NOM_ORGANISATION = "Département de l'Aude"


def _fichier(jeu: str, ressource: str = "csv"):
    bilan = regenerer([jeu])
    resultat = next(r for r in bilan.resultats if r.ressource == ressource)
    assert resultat.etat in (Etat.NOUVELLE, Etat.INCHANGEE), resultat
    version = VersionRessource.objects.get(
        ressource__jeu__declaration=jeu, ressource__declaration=ressource, publiee=True
    )
    return stockage.chemin_absolu(version.fichier), version


def _lignes(chemin) -> list[dict]:
    with open(chemin, encoding="utf-8", newline="") as fichier:
        return list(csv.DictReader(fichier))


def test_lieux_au_standard_1_0_1_sans_la_demonstration():
    LieuFactory(nom="Maison France services de Limoux")
    LieuFactory(nom="Lieu de démonstration", demonstration=True)
    chemin, version = _fichier("inclusion.lieux")
    assert version.statut_validation == "valide" and version.lignes == 1
    assert valider(chemin, ("LaMednum/standard-mediation-num", "1.0.1")).valide
    noms = [l["nom"] for l in _lignes(chemin)]
    assert noms == ["Maison France services de Limoux"]
    json_, _ = _fichier("inclusion.lieux", "json")
    assert "démonstration" not in json_.read_text(encoding="utf-8")
    geojson, _ = _fichier("inclusion.lieux", "geojson")
    assert '"FeatureCollection"' in geojson.read_text(encoding="utf-8")


def test_indicateurs_au_schema_impact_0_5_0_sans_la_demonstration():
    indicateur = IndicateurFactory(
        libelle="Part des communes avec un lieu", unite="%", niveau="departement", territoire="11"
    )
    ValeurIndicateurFactory(
        indicateur=indicateur,
        date=date(2025, 12, 31),
        resultat=42.5,
        objectif=None,
        source="Saisie du service",
    )
    ValeurIndicateurFactory(
        indicateur=indicateur,
        date=date(2030, 12, 31),
        resultat=None,
        objectif=80.0,
        source="Schéma adopté",
    )
    ValeurIndicateurFactory(
        indicateur=indicateur,
        date=date(2024, 12, 31),
        resultat=99.0,
        demonstration=True,
        source="Démonstration",
    )
    prive = IndicateurFactory(plan=indicateur.plan, public=False)
    ValeurIndicateurFactory(indicateur=prive, resultat=7.0)
    LieuFactory()
    chemin, version = _fichier("pilotage.indicateurs")
    rapport = valider(chemin, ("etalab/schema-impact-service-public-numerique", "0.5.0"))
    assert rapport.statut == "valide", rapport.en_dict()
    assert version.statut_validation == "valide"
    lignes = _lignes(chemin)
    du_plan = [l for l in lignes if l["indicateur"] == "Part des communes avec un lieu"]
    assert [(l["valeur"], l["est_cible"], l["date"]) for l in du_plan] == [
        ("42.5", "false", "2025-12-31"),
        ("80", "true", "2030-12-31"),
    ]
    assert du_plan[0]["administration_rattachement"] == "Département de l'Aude"
    assert (du_plan[0]["denom_insee"], du_plan[0]["code_insee"]) == ("DEP", "11")
    assert not any(
        l["valeur"] in ("99", "7") and "Indicateur n°" in l["indicateur"] for l in lignes
    )
    assert "99.0" not in [l["valeur"] for l in du_plan]
    du_registre = [l for l in lignes if l["nom_service_public_numerique"].startswith("SUN")]
    assert du_registre and all(
        l["denom_insee"] == "DEP" and l["code_insee"] == "11" for l in du_registre
    )


def test_avancement_sans_nom_de_personne(utilisateur_avec_role):
    from sun.comptes.roles import Role

    pilote = utilisateur_avec_role(Role.PILOTE)
    pilote.first_name, pilote.last_name = "Camille", "Pilotesecret"
    pilote.save()
    action = ActionFactory(
        titre="Ouvrir des lieux",
        statut=Action.Statut.EN_COURS,
        pilotes_services=["Direction du numérique"],
        date_fin_prevue=date(2020, 1, 1),
    )
    action.pilotes.add(pilote)
    indicateur = IndicateurFactory(plan=action.plan, code="lieux-ouverts")
    indicateur.actions.add(action)
    chemin, _ = _fichier("pilotage.avancement")
    texte = chemin.read_text(encoding="utf-8")
    assert "Pilotesecret" not in texte and pilote.username not in texte
    (ligne,) = _lignes(chemin)
    assert ligne["services_pilotes"] == "Direction du numérique"
    assert (ligne["statut"], ligne["en_retard"], ligne["indicateurs"]) == (
        "En cours",
        "true",
        "lieux-ouverts",
    )


def test_couverture_par_commune_sans_la_demonstration():
    limoux = commune("11206")
    LieuFactory(commune_ref=limoux)
    LieuFactory(commune_ref=limoux, demonstration=True)
    chemin, version = _fichier("inclusion.couverture")
    lignes = {l["code_insee"]: l for l in _lignes(chemin)}
    assert version.lignes == len(lignes) == 433
    assert lignes["11206"]["lieux_actifs"] == "1"
    assert float(lignes["11206"]["km_lieu_le_plus_proche"]) < 1
    assert float(lignes["11069"]["km_lieu_le_plus_proche"]) > 1  # Carcassonne, farther


def test_activites_agregees_et_masquees_sous_5():
    limoux, carcassonne = commune("11206"), commune("11069")
    lieu = LieuFactory(commune_ref=limoux)
    ActiviteFactory(lieu=lieu, accompagnements=1, date=date(2025, 3, 3))
    ActiviteFactory(
        lieu=lieu,
        type="collectif",
        accompagnements=12,
        date=date(2025, 3, 4),
        type_lieu="a_distance",
        thematiques=["email", "smartphone"],
    )
    ActiviteFactory(lieu=lieu, accompagnements=30, date=date(2025, 3, 5), demonstration=True)
    autre = LieuFactory(commune_ref=carcassonne)
    for _ in range(3):
        ActiviteFactory(lieu=autre, date=date(2025, 4, 1))
    chemin, _ = _fichier("inclusion.activites")
    lignes = _lignes(chemin)
    cle = {(l["mois"], l["maille"], l["code"], l["dimension"], l["modalite"]): l for l in lignes}
    total = cle[("2025-03", "commune", "11206", "total", "")]
    assert (total["accompagnements"], total["masque"]) == ("13", "false")  # demonstration out
    individuel = cle[("2025-03", "commune", "11206", "type", "individuel")]
    collectif = cle[("2025-03", "commune", "11206", "type", "collectif")]
    assert (individuel["accompagnements"], individuel["masque"]) == ("", "true")
    # A lone masked cell of a breakdown would be found by subtraction: its neighbour too.
    assert (collectif["accompagnements"], collectif["masque"]) == ("", "true")
    assert (
        cle[("2025-03", "commune", "11206", "thematique", "smartphone")]["accompagnements"] == "12"
    )
    carcassonne_avril = cle[("2025-04", "commune", "11069", "total", "")]
    assert (carcassonne_avril["accompagnements"], carcassonne_avril["masque"]) == ("", "true")
    assert all(l["accompagnements"] == "" or int(l["accompagnements"]) >= 5 for l in lignes)
    assert any(l["maille"] == "epci" for l in lignes)


def test_connectivite_par_commune_sans_edition_de_demonstration():
    co.fixe("11206", nbr=1000, ftth=800)
    co.cuivre("11206", lot="3", date_fc=date(2026, 1, 31))
    for operateur, tbc in (("20801", 60.0), ("20810", 40.0)):
        co.mobile("11206", operateur=operateur, pop_tbc=tbc, pop_bc=30.0)
    demo = co.edition("mobile", date(2026, 6, 30), demonstration=True)
    from sun.connectivite.models import CouvertureMobile

    CouvertureMobile.objects.create(
        edition=demo,
        code_insee="11069",
        techno="4G",
        operateur="20801",
        couv_nc=0,
        couv_cl=0,
        couv_bc=0,
        couv_tbc=100,
        pop_nc=0,
        pop_cl=0,
        pop_bc=0,
        pop_tbc=100,
    )
    chemin, version = _fichier("connectivite.communes")
    lignes = {l["code_insee"]: l for l in _lignes(chemin)}
    assert version.lignes == 433
    limoux = lignes["11206"]
    assert (limoux["locaux"], limoux["locaux_fibre"], limoux["part_fibre"]) == (
        "1000",
        "800",
        "80.0",
    )
    assert (limoux["cuivre_lot"], limoux["cuivre_fermeture_commerciale"]) == ("3", "2026-01-31")
    assert (
        limoux["mobile_4g_bonne_couverture_population_min"],
        limoux["mobile_4g_bonne_couverture_population_max"],
    ) == ("70.0", "90.0")
    assert lignes["11069"]["mobile_4g_bonne_couverture_population_max"] == ""
