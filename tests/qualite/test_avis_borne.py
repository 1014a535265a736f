"""The desk-tablet mode: set up by an agent (a signed address), one tap per answer, back to
the first question after the thanks and after inactivity (HTTP Refresh), nothing of the
previous person visible or changeable, and its own, higher limit per address."""

import html
import re

import pytest
from django.urls import reverse

from sun.comptes.roles import Role
from sun.qualite.models import Avis, Emplacement
from tests.relation.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def service():
    return ServiceFactory(code="mds-limoux", nom="Maison des solidarités de Limoux")


def _texte(r) -> str:
    return html.unescape(r.content.decode())


def _adresse_tablette(client, utilisateur, service) -> str:
    client.force_login(utilisateur)
    r = client.post(reverse("espace:qualite_avis_borne"), {"service": service.pk})
    assert r.status_code == 200
    adresse = re.search(r'class="adresse-borne"><a href="([^"]+)"', _texte(r)).group(1)
    client.logout()
    return adresse.removeprefix("http://testserver")


def _repondre(client, url, satisfaction="good"):
    page = client.get(url)
    jeton = re.search(r'name="contexte" value="([^"]+)"', page.content.decode()).group(1)
    return client.post(url, {"contexte": jeton, "satisfaction": satisfaction})


def test_tablette_du_guichet_de_bout_en_bout(client, service, utilisateur_avec_role):
    url = _adresse_tablette(client, utilisateur_avec_role(Role.AGENT), service)
    page = client.get(url)
    assert page.status_code == 200 and "avis--borne" in page.content.decode()
    assert "Maison des solidarités de Limoux" in _texte(page)
    r = _repondre(client, url, "medium")
    avis = Avis.objects.get()
    assert (avis.emplacement, avis.canal, avis.service) == (Emplacement.BORNE, "guichet", service)
    etape = client.get(r.url)
    assert etape["Refresh"] == f"90; url={url}"  # inactivity: back to the first question
    assert "une minute et demie" in _texte(etape)
    r2 = client.post(r.url, {"note": "5"})
    r3 = client.post(r2.url, {"passer": "1"})
    commentaire = r3.url
    fin = client.post(commentaire, {"verbatim": "Attente trop longue ce matin."})
    merci = client.get(fin.url)
    assert merci["Refresh"] == f"10; url={url}" and "personne suivante" in _texte(merci)
    # The next person presses Back: an empty question, and the answers stay as they were.
    retour = client.get(commentaire)
    assert retour.status_code == 200 and "Attente trop longue" not in _texte(retour)
    assert "<textarea" in retour.content.decode() and "Attente" not in retour.content.decode()
    client.post(commentaire, {"verbatim": "Autre texte"})
    client.post(r.url, {"note": "1"})
    avis.refresh_from_db()
    assert avis.verbatim == "Attente trop longue ce matin." and avis.comprehension == 5


def test_limite_plus_haute_pour_la_tablette(client, service, utilisateur_avec_role, settings):
    settings.SUN_LIMITE_AVIS, settings.SUN_LIMITE_AVIS_BORNE = "1/h", "3/h"
    url = _adresse_tablette(client, utilisateur_avec_role(Role.AGENT), service)
    for _ in range(3):
        assert _repondre(client, url).status_code == 302
    assert _repondre(client, url).status_code == 429
    assert Avis.objects.count() == 3
    assert _repondre(client, reverse("avis")).status_code == 302  # the site's own count
    assert _repondre(client, reverse("avis")).status_code == 429
    assert Avis.objects.count() == 4


def test_adresse_de_tablette_falsifiee(client):
    r = client.get(reverse("avis_borne", args=["pas-une-adresse-signee"]))
    assert r.status_code == 404 and not Avis.objects.exists()


def test_qui_installe_une_tablette(client, service, utilisateur_avec_role):
    from tests.comptes.factories import UtilisateurFactory

    url = reverse("espace:qualite_avis_borne")
    assert client.get(url).status_code == 302  # anonymous: the login page
    for role in (Role.MEDIATEUR, Role.PILOTE):
        client.force_login(utilisateur_avec_role(role))
        assert client.get(url).status_code == 403
    etranger = UtilisateurFactory(username="instr-ailleurs", roles=[Role.INSTRUCTEUR])
    ServiceFactory(code="insertion").instructeurs.add(etranger)
    client.force_login(etranger)
    refus = client.post(url, {"service": service.pk})
    assert refus.status_code == 400 and 'class="adresse-borne"' not in refus.content.decode()
    service.instructeurs.add(etranger)
    client.force_login(etranger)
    assert 'class="adresse-borne"' in client.post(url, {"service": service.pk}).content.decode()
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    assert client.post(url, {"service": service.pk, "lieu": "n'importe quoi"}).status_code == 400
