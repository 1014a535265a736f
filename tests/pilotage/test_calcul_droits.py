"""« Recalculer les indicateurs » stores dated values: the server refuses it (403) to every
role that only reads the plan, and a pilot recomputes only the indicators of their actions."""

import pytest
from django.urls import reverse

from sun.comptes.roles import Role
from sun.pilotage.models import ValeurIndicateur
from tests.outils import texte
from tests.pilotage.factories import ActionFactory, IndicateurFactory

pytestmark = pytest.mark.django_db

BOUTON = "Recalculer les indicateurs calculés par SUN"


@pytest.fixture
def plan_calcule(utilisateur_avec_role):
    """Two actions, each measured by an indicator SUN computes; the pilot pilots the first."""
    pilote = utilisateur_avec_role(Role.PILOTE)
    a_lui = ActionFactory(pilotes=[pilote])
    autre = ActionFactory(orientation=a_lui.orientation)
    mesure = {"calcul": "inclusion.lieux", "niveau": "departement", "territoire": "11"}
    sien = IndicateurFactory(plan=a_lui.plan, actions=[a_lui], **mesure)
    pas_sien = IndicateurFactory(plan=a_lui.plan, actions=[autre], **mesure)
    return {"pilote": pilote, "sien": sien, "pas_sien": pas_sien, "action": a_lui}


def _calculer(client):
    return client.post(reverse("espace:pilotage"), {"quoi": "calculer"})


@pytest.mark.parametrize("roles", [(Role.AGENT,), (Role.PILOTE,), (Role.AGENT, Role.PILOTE)])
def test_un_lecteur_seul_ne_calcule_pas(client, plan_calcule, utilisateur_avec_role, roles):
    """Agents read the plan; a pilot of no action too."""
    client.force_login(utilisateur_avec_role(*roles, identifiant="lecteur"))
    assert BOUTON not in texte(client.get(reverse("espace:pilotage")))
    reponse = _calculer(client)
    assert reponse.status_code == 403
    assert "Consultation seule" in texte(reponse)
    assert not ValeurIndicateur.objects.exists()


def test_le_pilote_d_une_action_non_mesuree_ne_calcule_pas(
    client, plan_calcule, utilisateur_avec_role
):
    pilote = utilisateur_avec_role(Role.PILOTE, identifiant="pilote-sans-indicateur")
    ActionFactory(pilotes=[pilote], orientation=plan_calcule["action"].orientation)
    client.force_login(pilote)
    assert _calculer(client).status_code == 403
    assert not ValeurIndicateur.objects.exists()


def test_le_pilote_recalcule_les_seuls_indicateurs_de_ses_actions(client, plan_calcule):
    client.force_login(plan_calcule["pilote"])
    assert BOUTON in texte(client.get(reverse("espace:pilotage")))
    assert _calculer(client).status_code == 302
    calcules = set(ValeurIndicateur.objects.values_list("indicateur", flat=True))
    assert calcules == {plan_calcule["sien"].pk}


def test_un_mediateur_pilote_d_une_action_la_recalcule(client, plan_calcule, utilisateur_avec_role):
    """Whoever pilots an action reads the module whatever their role, and computes its
    indicators."""
    mediateur = utilisateur_avec_role(Role.MEDIATEUR)
    plan_calcule["action"].pilotes.add(mediateur)
    client.force_login(mediateur)
    assert _calculer(client).status_code == 302
    assert ValeurIndicateur.objects.filter(indicateur=plan_calcule["sien"]).exists()


def test_l_administrateur_recalcule_tout(client, plan_calcule, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    assert BOUTON in texte(client.get(reverse("espace:pilotage")))
    assert _calculer(client).status_code == 302
    assert ValeurIndicateur.objects.count() == 2


@pytest.mark.parametrize("roles", [(Role.AGENT,), (Role.PILOTE,)])
def test_les_autres_formulaires_du_pilotage_refusent_les_lecteurs(
    client, plan_calcule, utilisateur_avec_role, roles
):
    """Every POST of the steering pages, by a reader who pilots nothing: refused, nothing
    written."""
    client.force_login(utilisateur_avec_role(*roles, identifiant="lecteur"))
    action, indicateur = plan_calcule["action"], plan_calcule["sien"]
    url_action = reverse("espace:pilotage_action", args=[action.pk])
    for donnees in (
        {"quoi": "note", "texte": "Fait.", "date": "2025-03-01"},
        {"quoi": "etape", "etape": "1"},
        {"statut": "realisee"},
    ):
        assert client.post(url_action, donnees).status_code == 403
    url_indicateur = reverse("espace:pilotage_indicateur", args=[indicateur.pk])
    assert client.post(url_indicateur, {"date": "2025-12-31", "resultat": "3"}).status_code == 403
    assert not ValeurIndicateur.objects.exists()
    action.refresh_from_db()
    assert action.statut == "en_cours" and not action.notes.exists()
