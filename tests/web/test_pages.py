"""Public pages: content, search, sources and dates, French errors, map layers."""

import gzip
from unittest import mock

import pytest
from django.db import DatabaseError
from django.urls import reverse

from tests.outils import texte

pytestmark = pytest.mark.django_db


def test_accueil_chiffres_cles_avec_source_et_date(client):
    page = texte(client.get("/"))
    assert "Département de l'Aude" in page
    assert "370\u202f260" in page
    assert "433" in page
    assert "Source : INSEE" in page
    assert "données chargées le" in page


@pytest.mark.parametrize(
    ("saisie", "premiere"),
    [
        ("lezignan", "Lézignan-Corbières"),
        ("LÉZIGNAN corbieres", "Lézignan-Corbières"),
        ("11069", "Carcassonne"),
        ("11000", "Carcassonne"),
        ("carca", "Carcassonne"),
        ("st hilaire", "Saint-Hilaire"),
    ],
)
def test_recherche_commune_insensible_aux_accents_et_par_code(client, saisie, premiere):
    reponse = client.get(reverse("recherche_communes"), {"q": saisie})
    resultats = reponse.context["resultats"]
    assert resultats, saisie
    assert resultats[0].nom == premiere


def test_recherche_limitee_au_departement_sauf_demande(client):
    assert not client.get("/communes/", {"q": "ajaccio"}).context["resultats"]
    assert (
        client.get("/communes/", {"q": "ajaccio", "partout": "1"})
        .context["resultats"][0]
        .code_insee
        == "2A004"
    )


def test_recherche_vide_ou_sans_resultat(client):
    assert client.get("/communes/").status_code == 200
    page = texte(client.get("/communes/", {"q": "zzzzzz"}))
    assert "Aucune commune pour « zzzzzz »" in page


def test_page_commune(client):
    page = texte(client.get("/communes/11069/"))
    assert "<h1>Carcassonne</h1>" in page
    assert "46\u202f031 habitants" in page
    assert "Communauté d'agglomération Carcassonne Agglo" in page
    assert 'href="tel:+33468777111"' in page
    assert "Horaires d'ouverture habituels" in page
    assert "8 h 30 – 12 h 30 et 13 h 30 – 17 h 30" in page
    assert "Ouvert" in page or "Fermé" in page
    assert 'data-geojson="/geo/epci/' in page


def test_page_commune_sans_population_et_corse(client):
    assert "non publiée par l'INSEE" in texte(client.get("/communes/97611/"))
    assert client.get("/communes/2A004/").status_code == 200
    assert client.get("/communes/2a004/").status_code == 200


def test_page_commune_sans_contour(client):
    page = texte(client.get("/communes/15031/"))
    assert "<h1>Celles</h1>" in page
    assert "data-geojson" not in page


def test_arrondissement_redirige_vers_sa_commune(client):
    reponse = client.get("/communes/75101/")
    assert reponse.status_code == 301
    assert reponse["Location"] == "/communes/75056/"


def test_commune_inconnue_404_en_francais(client):
    reponse = client.get("/communes/99999/")
    assert reponse.status_code == 404
    assert "Page introuvable" in texte(reponse)
    assert client.get("/communes/abc/").status_code == 404


def test_page_epci(client):
    from sun.territoire.models import Commune

    carcassonne = Commune.objects.get(code_insee="11069")
    page = texte(client.get(f"/epci/{carcassonne.epci.code_siren}/"))
    assert carcassonne.epci.nom in page
    assert "Carcassonne" in page
    assert "<tfoot>" in page
    assert client.get("/epci/000000000/").status_code == 404


def test_carte_du_departement_et_son_tableau(client):
    reponse = client.get("/carte/")
    assert len(reponse.context["communes"]) == 433
    assert len(reponse.context["classes"]) == 5
    page = texte(reponse)
    assert 'id="table-communes"' in page
    assert "sur 5" in page


def test_couches_geojson_compressees_et_cachees(client):
    reponse = client.get("/geo/departement/11.geojson", HTTP_ACCEPT_ENCODING="gzip")
    assert reponse.status_code == 200
    assert reponse["Content-Encoding"] == "gzip"
    assert reponse["Cache-Control"] == "public, max-age=86400"
    import json

    collection = json.loads(gzip.decompress(reponse.content))
    assert len(collection["features"]) == 433
    assert {"code", "nom", "population", "densite"} <= set(collection["features"][0]["properties"])
    etag = reponse["ETag"]
    assert client.get("/geo/departement/11.geojson", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/geo/departement/99.geojson").status_code == 404
    assert client.get("/geo/communes/15031.geojson").status_code == 404  # no outline


def test_pages_legales_et_plan_du_site(client):
    for url, titre in [
        ("/mentions-legales/", "Mentions légales"),
        ("/donnees-personnelles/", "Données personnelles"),
        ("/accessibilite/", "Déclaration d'accessibilité"),
        ("/plan-du-site/", "Plan du site"),
        ("/code-source/", "Code source"),
    ]:
        page = texte(client.get(url))
        assert f"<h1>{titre}</h1>" in page
        assert 'href="/mentions-legales/"' in page  # footer on every page
    accessibilite = texte(client.get("/accessibilite/"))
    assert "non conforme" in accessibilite
    assert "automatisés" in accessibilite


def test_mentions_legales_depuis_les_reglages(client, settings):
    settings.SUN_HEBERGEUR = "Hébergeur Exemple, 1 rue de la Paix"
    assert "Hébergeur Exemple" in texte(client.get("/mentions-legales/"))


def test_sante(client):
    reponse = client.get("/sante")
    assert reponse.status_code == 200
    assert reponse.json()["statut"] == "ok"
    assert reponse.json()["communes"] == 433
    with mock.patch(
        "sun.web.views.pages.connection.ensure_connection", side_effect=DatabaseError("x")
    ):
        reponse = client.get("/sante")
    assert reponse.status_code == 503
    assert reponse.json()["base"] == "injoignable"


def test_page_500_en_francais(client):
    client.raise_request_exception = False
    with mock.patch("sun.web.views.territoire.departement_configure", side_effect=RuntimeError):
        reponse = client.get("/carte/")
    assert reponse.status_code == 500
    assert "Le service rencontre un problème" in texte(reponse)


def test_departement_non_charge(client, settings):
    settings.SUN_DEPARTEMENT = "90"
    page = texte(client.get("/"))
    assert "pas encore chargé" in page
    assert client.get("/carte/").status_code == 200


def test_nom_et_couleur_depuis_les_reglages(client, settings):
    settings.SUN_NOM_ORGANISATION = "Conseil départemental de Test"
    settings.SUN_COULEUR = "#123456"
    page = texte(client.get("/"))
    assert "Conseil départemental de Test" in page
    assert "--couleur: #123456" in page


def test_json_dans_un_attribut_echappe():
    from sun.web.templatetags.sun import json_attr

    assert (
        json_attr({"nom": "L'Atelier & <b>Cie</b>"}) == '{"nom": "L&#39;Atelier &amp; <b>Cie</b>"}'
    )
