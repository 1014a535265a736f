# ruff: noqa: F811  (the fixtures imported from test_engagements)
"""Agent space › Services Publics+: rights per role (agent, instructeur of the service, of
another service, pilot, mediator, anonymous, administrator), the self-assessment and actions
written through the services, bad input refused in French with nothing written, and the
département overview (who assessed, levels per commitment, actions late)."""

from datetime import date

import pytest
from django.urls import reverse

from sun.comptes.roles import Role
from sun.qualite.engagements.services import SaisieAction, creer_action
from sun.qualite.models import ActionAmelioration, AutoEvaluation
from tests.comptes.factories import UtilisateurFactory
from tests.qualite.test_engagements import engagements, jour_fixe  # noqa: F401
from tests.relation.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def service():
    return ServiceFactory(code="mds-carcassonne", nom="Maison des solidarités de Carcassonne")


@pytest.fixture
def instructeurs(service):
    du_service = UtilisateurFactory(username="instr-mds", roles=[Role.INSTRUCTEUR])
    service.instructeurs.add(du_service)
    autre = UtilisateurFactory(username="instr-routes", roles=[Role.INSTRUCTEUR])
    ServiceFactory(code="routes").instructeurs.add(autre)
    return du_service, autre


def _saisie(engagements, niveau="en_cours", annee=2025, **autres):
    donnees = {"formulaire": "evaluation", "annee": str(annee)}
    for e in engagements:
        donnees[f"niveau_{e.pk}"] = niveau
        donnees[f"constat_{e.pk}"] = f"Constat {e.numero}"
    donnees.update(autres)
    return donnees


def test_droits_par_role(client, service, instructeurs, engagements, utilisateur_avec_role,
                         jour_fixe):  # fmt: skip
    tableau = reverse("espace:qualite_engagements")
    page = reverse("espace:qualite_engagements_service", args=[service.code])
    action = creer_action(service, SaisieAction("Afficher les horaires", None), None)
    fiche = reverse("espace:qualite_engagements_action", args=[service.code, action.pk])
    assert client.get(tableau).status_code == 302  # anonymous: to the login page
    assert client.post(page, _saisie(engagements)).status_code == 302
    du_service, autre = instructeurs
    lecteurs_seuls = [autre, utilisateur_avec_role(Role.PILOTE)]
    editeurs = [du_service, utilisateur_avec_role(Role.AGENT),
                utilisateur_avec_role(Role.ADMINISTRATEUR)]  # fmt: skip
    for user in lecteurs_seuls:
        client.force_login(user)
        assert client.get(tableau).status_code == 200
        r = client.get(page)
        assert r.status_code == 200 and "Consultation seule" in r.content.decode()
        assert "csrfmiddlewaretoken" not in r.content.decode()
        r = client.post(page, _saisie(engagements))
        assert r.status_code == 403 and "ses instructeurs" in r.content.decode()
        assert client.post(fiche, {"action-%s-intitule" % action.pk: "X"}).status_code == 403
    assert not AutoEvaluation.objects.exists()
    for n, user in enumerate(editeurs):
        client.force_login(user)
        r = client.get(page)
        assert r.status_code == 200 and "Consultation seule" not in r.content.decode()
        r = client.post(page, _saisie(engagements, annee=2025 - n))
        assert r.status_code == 302
    assert AutoEvaluation.objects.filter(service=service).count() == 3 * len(engagements)
    mediateur = utilisateur_avec_role(Role.MEDIATEUR)
    client.force_login(mediateur)
    for url in (tableau, page, fiche):
        assert client.get(url).status_code == 403
    assert client.post(page, _saisie(engagements)).status_code == 403
    client.force_login(du_service)
    assert (
        client.get(reverse("espace:qualite_engagements_service", args=["inconnu"])).status_code
        == 404
    )
    autre_service = ServiceFactory(code="routes")
    assert client.post(reverse("espace:qualite_engagements_service", args=[autre_service.code]),
                       _saisie(engagements)).status_code == 403  # fmt: skip


def test_auto_evaluation_enregistree_puis_relue(client, service, instructeurs, engagements,
                                               jour_fixe):  # fmt: skip
    client.force_login(instructeurs[0])
    page = reverse("espace:qualite_engagements_service", args=[service.code])
    r = client.post(page, _saisie(engagements[:2], niveau="atteint"), follow=True)
    assert "Auto-évaluation 2025 enregistrée (2 engagements évalués)" in r.content.decode()
    e = AutoEvaluation.objects.get(engagement=engagements[0])
    assert (e.niveau, e.constat, e.auteur, e.annee) == ("atteint", "Constat 1", instructeurs[0],
                                                        2025)  # fmt: skip
    # Read back: the form shows the level chosen, and 2024 is another year.
    contenu = client.get(page).content.decode()
    assert 'value="atteint" selected' in contenu
    contenu = client.get(page + "?annee=2024").content.decode()
    assert "Auto-évaluation 2024" in contenu and 'value="atteint" selected' not in contenu


def test_mauvaises_saisies_refusees_rien_ecrit(client, service, instructeurs, engagements,
                                              jour_fixe):  # fmt: skip
    client.force_login(instructeurs[0])
    page = reverse("espace:qualite_engagements_service", args=[service.code])
    e = engagements[0]
    r = client.post(page, {"formulaire": "evaluation", "annee": "2025", f"niveau_{e.pk}": "",
                           f"constat_{e.pk}": "Un constat sans niveau"})  # fmt: skip
    assert r.status_code == 400 and "Choisissez un niveau" in r.content.decode()
    r = client.post(page, {"formulaire": "evaluation", "annee": "2025", f"niveau_{e.pk}": "top"})
    assert r.status_code == 400 and "Sélectionnez un choix valide" in r.content.decode()
    r = client.post(page, _saisie(engagements, annee=1999))
    assert r.status_code == 400 and "L&#x27;année doit être comprise" in r.content.decode()
    assert not AutoEvaluation.objects.exists()
    r = client.post(page, {"formulaire": "action", "annee": "2025", "nouvelle-intitule": "Rappel",
                           "nouvelle-statut": "en_cours", "nouvelle-avancement": "140"})  # fmt: skip
    assert r.status_code == 400 and "L&#x27;avancement va de 0 à 100 %" in r.content.decode()
    r = client.post(page, {"formulaire": "action", "annee": "2025", "nouvelle-intitule": "Rappel",
                           "nouvelle-statut": "en_cours", "nouvelle-avancement": "20",
                           "nouvelle-echeance": "31/02/2026"})  # fmt: skip
    assert r.status_code == 400 and "Saisissez une date valide" in r.content.decode()
    r = client.post(page, {"formulaire": "action", "annee": "2025", "nouvelle-intitule": "Rappel",
                           "nouvelle-statut": "prevue", "nouvelle-avancement": "100"})  # fmt: skip
    assert r.status_code == 400 and "changez son statut" in r.content.decode()
    assert not ActionAmelioration.objects.exists()


def test_actions_creees_modifiees_et_vue_departement(client, service, instructeurs, engagements,
                                                    jour_fixe):  # fmt: skip
    client.force_login(instructeurs[0])
    page = reverse("espace:qualite_engagements_service", args=[service.code])
    r = client.post(page, {
        "formulaire": "action", "annee": "2025", "nouvelle-intitule": "Rappeler sous 48 heures",
        "nouvelle-engagement": str(engagements[1].pk), "nouvelle-origine": "Avis des usagers",
        "nouvelle-echeance": "2025-03-31", "nouvelle-statut": "en_cours",
        "nouvelle-avancement": "30", "nouvelle-publique": "on",
    })  # fmt: skip
    assert r.status_code == 302
    action = ActionAmelioration.objects.get()
    assert (action.engagement, action.echeance, action.avancement, action.publique,
            action.auteur) == (engagements[1], date(2025, 3, 31), 30, True, instructeurs[0])  # fmt: skip
    contenu = client.get(page).content.decode()
    assert "Rappeler sous 48 heures" in contenu and "en retard" in contenu  # due 31/03, today 16/06
    client.post(page, _saisie(engagements, niveau="en_cours"))
    # The overview: 1 of 2 services assessed on every commitment, 1 action late.
    contenu = client.get(reverse("espace:qualite_engagements")).content.decode()
    assert "1 / 2" in contenu and "Rappeler sous 48 heures" in contenu
    assert 'id="retard"' in contenu
    fiche = reverse("espace:qualite_engagements_action", args=[service.code, action.pk])
    p = f"action-{action.pk}-"
    r = client.post(fiche, {p + "intitule": "Rappeler sous 48 heures", p + "statut": "realisee",
                            p + "avancement": "80", p + "echeance": "2025-03-31"})  # fmt: skip
    assert r.status_code == 302
    action.refresh_from_db()
    assert action.statut == "realisee" and action.avancement == 100 and not action.publique
    contenu = client.get(reverse("espace:qualite_engagements")).content.decode()
    assert 'id="retard"' not in contenu
    autre = ServiceFactory(code="routes")
    url = reverse("espace:qualite_engagements_action", args=[autre.code, action.pk])
    assert client.get(url).status_code == 404  # the action belongs to another service
