"""The public feeds (no login, addresses from the request, kept per catalogue version) and the
agent action « envoyer maintenant à data.gouv.fr » per role; the status partial."""

import json

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from rdflib import RDF, Graph
from rdflib.namespace import DCAT

from sun.comptes.roles import Role
from sun.donnees.models import JeuDeDonnees
from tests.donnees.fabriques_flux import catalogue_de_test
from tests.donnees.test_flux_datagouv import udata  # noqa: F401  (the fake udata server)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    return catalogue_de_test()


def test_adresses_des_flux():
    assert reverse("donnees_dcat_ttl") == "/donnees/catalogue.ttl"
    assert reverse("donnees_dcat_jsonld") == "/donnees/catalogue.jsonld"
    assert reverse("donnees_data_json") == "/donnees/data.json"
    assert reverse("espace:donnees_datagouv", args=["x"]) == "/espace/donnees/datagouv/x/publier/"


def test_flux_publics(client, catalogue, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "sun.exemple.fr"]
    reponse = client.get("/donnees/catalogue.ttl", HTTP_HOST="sun.exemple.fr")
    assert reponse.status_code == 200
    assert reponse["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=reponse.content.decode(), format="turtle")
    assert len(set(g.subjects(RDF.type, DCAT.Dataset))) == 2
    assert "http://sun.exemple.fr/donnees/subventions/" in reponse.content.decode()
    # Asked again with its ETag: 304, nothing recomputed.
    assert client.get("/donnees/catalogue.ttl", HTTP_HOST="sun.exemple.fr",
                      HTTP_IF_NONE_MATCH=reponse["ETag"]).status_code == 304  # fmt: skip

    reponse = client.get("/donnees/catalogue.jsonld")
    assert reponse.status_code == 200
    assert reponse["Content-Type"].startswith("application/ld+json")
    g = Graph().parse(data=reponse.content.decode(), format="json-ld")
    assert len(set(g.subjects(RDF.type, DCAT.Distribution))) == 3

    reponse = client.get("/donnees/data.json")
    assert reponse.status_code == 200 and reponse["Content-Type"].startswith("application/json")
    assert len(json.loads(reponse.content)["dataset"]) == 2


def test_un_jeu_publie_change_le_flux(client, catalogue):
    premier = client.get("/donnees/data.json")
    JeuDeDonnees.objects.filter(slug="brouillon").update(statut="publie")
    second = client.get("/donnees/data.json")
    assert second["ETag"] != premier["ETag"]
    assert len(json.loads(second.content)["dataset"]) == 3


@pytest.mark.parametrize("role", [Role.AGENT, Role.PILOTE, Role.ADMINISTRATEUR])
def test_action_datagouv_autorisee(client, utilisateur_avec_role, udata, catalogue, role):  # noqa: F811
    client.force_login(utilisateur_avec_role(role))
    adresse = reverse("espace:donnees_datagouv", args=["subventions"])
    reponse = client.post(adresse, {"suivant": "/espace/"}, follow=True)
    assert reponse.redirect_chain[0] == ("/espace/", 302)
    texte = reponse.content.decode()
    assert "sur data.gouv.fr" in texte and "créé" in texte
    jeu = JeuDeDonnees.objects.get(slug="subventions")
    assert jeu.datagouv_a_jour and jeu.datagouv_id
    # The URLs sent point at the host the agent used.
    assert udata.requetes[1]["corps"]["url"].startswith("http://testserver/donnees/r/")


def test_action_datagouv_en_erreur(client, utilisateur_avec_role, udata, catalogue):  # noqa: F811
    udata.panne = 500
    client.force_login(utilisateur_avec_role(Role.AGENT))
    reponse = client.post(reverse("espace:donnees_datagouv", args=["subventions"]),
                          {"suivant": "https://ailleurs.example.com/"}, follow=True)  # fmt: skip
    assert reponse.redirect_chain[0][0].startswith("/espace/")  # never to another site
    texte = reponse.content.decode()
    assert "Erreur lors de l&#x27;envoi à data.gouv.fr" in texte and "cette nuit" in texte
    assert not JeuDeDonnees.objects.get(slug="subventions").datagouv_a_jour
    assert client.post(reverse("espace:donnees_datagouv", args=["inconnu"])).status_code == 404
    assert client.get(reverse("espace:donnees_datagouv", args=["subventions"])).status_code == 405


@pytest.mark.parametrize("role", [Role.MEDIATEUR, Role.COMMUNE, Role.ARCHIVISTE])
def test_action_datagouv_refusee(client, utilisateur_avec_role, udata, catalogue, role):  # noqa: F811
    client.force_login(utilisateur_avec_role(role))
    reponse = client.post(reverse("espace:donnees_datagouv", args=["subventions"]))
    assert reponse.status_code == 403
    assert udata.requetes == []


def test_action_datagouv_anonyme(client, catalogue):
    reponse = client.post(reverse("espace:donnees_datagouv", args=["subventions"]))
    assert reponse.status_code == 302 and reponse["Location"].startswith(reverse("connexion"))
    assert not JeuDeDonnees.objects.get(slug="subventions").datagouv_id


def test_gabarit_du_statut(rf, settings, catalogue):
    jeu = catalogue["subventions"]
    requete = rf.get("/espace/donnees/")
    settings.SUN_DATAGOUV_API_CLE = ""
    html = render_to_string("web/donnees/flux_datagouv_statut.html", {"jeu": jeu}, requete)
    assert "Publication sur data.gouv.fr désactivée" in html and "<form" not in html
    settings.SUN_DATAGOUV_API_CLE = "cle"
    settings.SUN_DATAGOUV_API_URL = "https://www.data.gouv.fr/api/1"
    html = render_to_string("web/donnees/flux_datagouv_statut.html", {"jeu": jeu}, requete)
    assert "Pas encore publié sur data.gouv.fr" in html and "<form" in html
    jeu.datagouv_erreur = "data.gouv.fr ne répond pas."
    html = render_to_string("web/donnees/flux_datagouv_statut.html", {"jeu": jeu}, requete)
    assert "Erreur lors du dernier envoi : data.gouv.fr ne répond pas." in html
    assert "nouvel essai automatique chaque nuit" in html
    from django.utils import timezone

    jeu.datagouv_erreur, jeu.datagouv_publie_le, jeu.datagouv_a_jour = "", timezone.now(), True
    jeu.datagouv_id = "abc"
    html = render_to_string("web/donnees/flux_datagouv_statut.html", {"jeu": jeu}, requete)
    assert "Publié sur data.gouv.fr le" in html
    assert 'href="https://www.data.gouv.fr/fr/datasets/abc/"' in html
