"""Steering in the agent space and the public progress page, checked per role."""

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sun.comptes.roles import Role
from sun.pilotage.models import (
    Action,
    Historique,
    Indicateur,
    LigneBudget,
    NoteSuivi,
    ValeurIndicateur,
)
from sun.pilotage.plan_fichier import charger
from sun.pilotage.services import calculer_indicateurs
from tests.outils import texte

pytestmark = pytest.mark.django_db

AUDE = Path(__file__).resolve().parents[2] / "plans" / "aude.yaml"


@pytest.fixture
def plan():
    return charger(AUDE).plan


@pytest.fixture
def pilote_de_1_3(plan, utilisateur_avec_role):
    """An agent who pilots action 1.3 only."""
    utilisateur = utilisateur_avec_role(Role.AGENT, identifiant="pilote-cartographie")
    Action.objects.get(code="1.3").pilotes.add(utilisateur)
    return utilisateur


def test_page_publique_d_avancement(client, plan):
    action = Action.objects.get(code="1.3")
    action.statut = "realise"
    action.save()
    NoteSuivi.objects.create(
        action=action, date=date(2025, 3, 1), texte="Note interne confidentielle"
    )
    LigneBudget.objects.create(action=action, annee=2025, type="fonctionnement", prevu=12000)
    page = texte(client.get("/avancement/"))
    assert "36 actions, dont 1 réalisée (3 %)" in page
    assert (
        "1. Coconstruire et copiloter" in page and "Taux d'appels téléphoniques décrochés" in page
    )
    assert "85,0 % en 2025" in page
    assert (
        "Note interne confidentielle" not in page and "12000" not in page and "12 000" not in page
    )


@pytest.mark.parametrize(
    ("role", "lecture"),
    [(Role.AGENT, 200), (Role.PILOTE, 200), (Role.ADMINISTRATEUR, 200), (Role.MEDIATEUR, 403), (None, 403)],
)  # fmt: skip
def test_lecture_par_role(client, plan, utilisateur_avec_role, role, lecture):
    client.force_login(utilisateur_avec_role(role) if role else utilisateur_avec_role())
    assert client.get("/espace/pilotage/").status_code == lecture
    action = Action.objects.get(code="2.1")
    assert client.get(f"/espace/pilotage/actions/{action.pk}/").status_code == lecture


def test_anonyme_renvoye_a_la_connexion(client, plan):
    assert client.get("/espace/pilotage/")["Location"].startswith("/connexion/")


def test_un_pilote_modifie_ses_actions_seulement(
    client, plan, pilote_de_1_3, utilisateur_avec_role
):
    client.force_login(pilote_de_1_3)
    sienne, autre = Action.objects.get(code="1.3"), Action.objects.get(code="1.1")
    reponse = client.post(f"/espace/pilotage/actions/{sienne.pk}/", {
        "quoi": "action", "statut": "en_cours", "priorite": "elevee", "date_debut": "2025-01-01",
        "date_fin_prevue": "2025-06-30", "description": "", "objectifs": ""})  # fmt: skip
    assert reponse.status_code == 302
    sienne.refresh_from_db()
    assert sienne.statut == "en_cours" and sienne.date_fin_prevue == date(2025, 6, 30)
    changement = Historique.objects.filter(code="1.3", auteur=pilote_de_1_3).first()
    assert changement.changements["statut"] == ["a_venir", "en_cours"]
    assert (
        client.post(
            f"/espace/pilotage/actions/{autre.pk}/", {"quoi": "action", "statut": "realise"}
        ).status_code
        == 403
    )
    # A pilot (role) reads everything and edits nothing; an administrator edits everything.
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    assert (
        client.post(
            f"/espace/pilotage/actions/{sienne.pk}/",
            {"quoi": "note", "date": "2025-02-01", "texte": "x"},
        ).status_code
        == 403
    )
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    assert client.post(f"/espace/pilotage/actions/{autre.pk}/", {"quoi": "note", "date": "2025-02-01",
                                                                 "texte": "Réunion de lancement tenue"}).status_code == 302  # fmt: skip
    assert NoteSuivi.objects.get(action=autre).texte == "Réunion de lancement tenue"


def test_etapes_notes_et_erreurs(client, plan, pilote_de_1_3):
    client.force_login(pilote_de_1_3)
    action = Action.objects.get(code="1.3")
    etape = action.etapes.first()
    client.post(f"/espace/pilotage/actions/{action.pk}/", {"quoi": "etape", "etape": etape.pk})
    etape.refresh_from_db()
    assert etape.realisee
    reponse = client.post(f"/espace/pilotage/actions/{action.pk}/", {
        "quoi": "action", "statut": "en_cours", "priorite": "moyenne", "date_debut": "2025-06-01",
        "date_fin_prevue": "2025-01-01"})  # fmt: skip
    assert reponse.status_code == 200 and "La fin prévue ne peut pas précéder le début" in texte(
        reponse
    )
    page = texte(client.get(f"/espace/pilotage/actions/{action.pk}/"))
    assert "Étape réalisée : Administrer la base de données" in page


def test_tableau_de_bord_filtres_retards_et_exports(client, plan, pilote_de_1_3):
    Action.objects.filter(code="2.1").update(date_fin_prevue=date(2020, 1, 1), statut="en_cours")
    client.force_login(pilote_de_1_3)
    page = texte(client.get("/espace/pilotage/", {"retard": "1"}))
    assert (
        "1 action." in page
        and "2.1 Définir des orientations partagées" in page
        and "en retard" in page
    )
    page = texte(client.get("/espace/pilotage/", {"pilote": pilote_de_1_3.pk}))
    assert "1.3 Cartographier" in page and "2.1 Définir" not in page
    csv = client.get("/espace/pilotage/", {"format": "csv", "axe": "A1"})
    contenu = csv.content.decode("utf-8-sig")
    assert csv["Content-Type"].startswith("text/csv") and contenu.splitlines()[0].startswith(
        "Code;Action;"
    )
    assert len(contenu.splitlines()) == 9  # header + the 8 actions of axe 1
    xlsx = client.get("/espace/pilotage/", {"format": "xlsx", "retard": "1"})
    import io

    feuille = load_workbook(io.BytesIO(xlsx.content)).active
    assert feuille["A2"].value == "2.1" and feuille["K2"].value == "oui"


def test_indicateurs_calcules_et_historises(client, plan, utilisateur_avec_role):
    resultats = calculer_indicateurs()
    assert {r.indicateur.code for r in resultats} == {"lieux-mediation", "lieux-pour-10000"}
    valeur = ValeurIndicateur.objects.get(indicateur__code="lieux-mediation")
    assert valeur.resultat == 0 and valeur.source
    assert (
        Indicateur.objects.get(code="appels-decroches").valeurs.count() == 1
    )  # entered, not computed
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    page = texte(client.get("/espace/pilotage/"))
    assert (
        "Lieux de médiation numérique actifs dans le département" in page
        and "SUN (inclusion.lieux)" in page
    )
