"""Who opens and who edits the telephone pages, role by role: agent, instructeur of the
service, instructeur of another service, pilote, médiateur, administrator, anonymous."""

import pytest
from django.urls import reverse

from sun.comptes.roles import Role
from sun.qualite.models import Effectif, FileAttente
from tests.comptes.factories import UtilisateurFactory
from tests.qualite.factories import FileAttenteFactory
from tests.relation.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def monde():
    service = ServiceFactory(code="autonomie", nom="Direction de l'autonomie")
    autre = ServiceFactory(code="insertion", nom="Direction de l'insertion")
    file = FileAttenteFactory(code="APA", nom="Accueil APA", service=service)
    libre = FileAttenteFactory(code="LIBRE", nom="File libre")
    du_service = UtilisateurFactory(username="instr-autonomie", roles=[Role.INSTRUCTEUR])
    service.instructeurs.add(du_service)
    etranger = UtilisateurFactory(username="instr-insertion", roles=[Role.INSTRUCTEUR])
    autre.instructeurs.add(etranger)
    return {"service": service, "autre": autre, "file": file, "libre": libre,
            "du_service": du_service, "etranger": etranger}  # fmt: skip


def _pages(m):
    code = m["service"].code
    return [reverse("espace:qualite_telephone"),
            reverse("espace:qualite_telephone_service", args=[code]),
            reverse("espace:qualite_telephone_csv", args=[code]),
            reverse("espace:qualite_telephone_effectifs", args=[code]),
            reverse("espace:qualite_telephone_planning", args=[code])]  # fmt: skip


def _reglage(m, file, service):
    return {"service": service.pk if service else "", "objectif_decroche": 80,
            "abandon_court_s": 3, "seuil_reponse_s": 30}  # fmt: skip


def _planning(m):
    return reverse("espace:qualite_telephone_planning", args=[m["service"].code])


def test_lecture_par_role(client, monde, utilisateur_avec_role):
    for url in _pages(monde):
        assert client.get(url).status_code == 302, url  # anonymous: to the login page
    lecteurs = [utilisateur_avec_role(r) for r in (Role.AGENT, Role.PILOTE, Role.ADMINISTRATEUR)]
    for user in [*lecteurs, monde["du_service"], monde["etranger"]]:
        client.force_login(user)
        for url in _pages(monde):
            assert client.get(url).status_code == 200, (user.username, url)
    client.force_login(utilisateur_avec_role(Role.MEDIATEUR))
    for url in _pages(monde):
        assert client.get(url).status_code == 403, url


def test_reglages_de_file(client, monde, utilisateur_avec_role):
    file, libre, service, autre = monde["file"], monde["libre"], monde["service"], monde["autre"]
    url = reverse("espace:qualite_telephone_file", args=[file.pk])
    assert client.post(url, _reglage(monde, file, service)).status_code == 302
    assert client.get(url)["Location"].startswith("/se-connecter")
    for role in (Role.PILOTE, Role.MEDIATEUR):
        client.force_login(utilisateur_avec_role(role))
        assert client.post(url, _reglage(monde, file, service)).status_code == 403
    client.force_login(monde["etranger"])
    assert client.post(url, _reglage(monde, file, service)).status_code == 403
    assert FileAttente.objects.get(pk=file.pk).objectif_decroche == 85
    client.force_login(monde["du_service"])
    r = client.post(url, _reglage(monde, file, service))
    assert r.status_code == 302 and FileAttente.objects.get(pk=file.pk).objectif_decroche == 80
    # An instructeur ties a free queue to one of his services, never to another one.
    url_libre = reverse("espace:qualite_telephone_file", args=[libre.pk])
    r = client.post(url_libre, _reglage(monde, libre, autre))
    assert r.status_code == 200 and "choix valide" in r.content.decode()
    r = client.post(url_libre, _reglage(monde, libre, None))
    assert "Choisissez l&#x27;un de vos services" in r.content.decode()
    assert FileAttente.objects.get(pk=libre.pk).service_id is None
    client.post(url_libre, _reglage(monde, libre, service))
    assert FileAttente.objects.get(pk=libre.pk).service_id == service.pk
    # Agents and administrators set every queue, and may untie one.
    for role in (Role.AGENT, Role.ADMINISTRATEUR):
        client.force_login(utilisateur_avec_role(role))
        assert client.post(url_libre, _reglage(monde, libre, None)).status_code == 302
    assert FileAttente.objects.get(pk=libre.pk).service_id is None


def test_reglages_invalides(client, monde, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    url = reverse("espace:qualite_telephone_file", args=[monde["file"].pk])
    r = client.post(url, {**_reglage(monde, monde["file"], monde["service"]),
                          "objectif_decroche": 150, "seuil_reponse_s": "vingt"})  # fmt: skip
    contenu = r.content.decode()
    assert r.status_code == 200 and "inférieure ou égale à 100" in contenu
    assert "Saisissez un nombre entier" in contenu
    assert FileAttente.objects.get(pk=monde["file"].pk).objectif_decroche == 85
    assert client.get(reverse("espace:qualite_telephone_file", args=[99999])).status_code == 404


def test_planning_par_role(client, monde, utilisateur_avec_role):
    url = _planning(monde)
    donnees = {"file": monde["file"].pk, "j1_h18": "2"}
    for user in (utilisateur_avec_role(Role.PILOTE), monde["etranger"]):
        client.force_login(user)
        r = client.get(url)
        assert r.status_code == 200 and "Consultation seule" in r.content.decode()
        assert client.post(url, donnees).status_code == 403
    client.force_login(utilisateur_avec_role(Role.MEDIATEUR))
    assert client.post(url, donnees).status_code == 403
    assert not Effectif.objects.exists()
    for user in (monde["du_service"], utilisateur_avec_role(Role.AGENT),
                 utilisateur_avec_role(Role.ADMINISTRATEUR)):  # fmt: skip
        client.force_login(user)
        assert client.post(url, donnees).status_code == 302
    assert Effectif.objects.get().agents == 2
