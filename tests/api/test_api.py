"""The public API: search, pagination, GeoJSON, French JSON errors, OpenAPI."""

import pytest

pytestmark = pytest.mark.django_db


def test_recherche_de_communes(client):
    donnees = client.get("/api/communes", {"q": "lezignan"}).json()
    assert donnees["resultats"][0]["nom"] == "Lézignan-Corbières"
    assert donnees["source"].startswith("INSEE")
    assert donnees["date_maj"]


def test_pagination_et_filtres(client):
    donnees = client.get("/api/communes", {"departement": "11", "taille": 50, "page": 2}).json()
    assert donnees["total"] == 433
    assert donnees["pages"] == 9
    assert len(donnees["resultats"]) == 50
    premiere = client.get("/api/communes", {"departement": "11", "taille": 50}).json()
    assert premiere["resultats"][0]["code_insee"] != donnees["resultats"][0]["code_insee"]


def test_communes_en_geojson(client):
    reponse = client.get("/api/communes", {"departement": "11", "taille": 5, "format": "geojson"})
    assert reponse["Content-Type"] == "application/geo+json"
    collection = reponse.json()
    assert collection["type"] == "FeatureCollection"
    assert collection["features"][0]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert collection["total"] == 433


def test_detail_commune_avec_et_sans_geometrie(client):
    sans = client.get("/api/communes/11069").json()
    assert sans["nom"] == "Carcassonne"
    assert sans["geometrie"] is None
    assert sans["mairie"]["horaires"].startswith("Mo-Th")
    avec = client.get("/api/communes/11069", {"geometrie": "true"}).json()
    assert avec["geometrie"]["type"] in ("Polygon", "MultiPolygon")
    entite = client.get("/api/communes/11069", {"format": "geojson"}).json()
    assert entite["type"] == "Feature"
    assert entite["properties"]["code_insee"] == "11069"
    paris = client.get("/api/communes/75056").json()
    assert len(paris["subdivisions"]) == 20


def test_erreurs_en_json_et_en_francais(client):
    reponse = client.get("/api/communes/99999")
    assert reponse.status_code == 404
    assert reponse.json() == {"detail": "Commune inconnue : « 99999 »."}
    reponse = client.get("/api/communes", {"page": "zéro", "taille": 1000})
    assert reponse.status_code == 400
    erreurs = {e["champ"]: e["message"] for e in reponse.json()["erreurs"]}
    assert erreurs["page"] == "doit être un nombre entier"
    assert erreurs["taille"] == "doit être inférieur ou égal à 100"
    reponse = client.get("/api/communes", {"format": "xml"})
    assert "valeurs possibles" in reponse.json()["erreurs"][0]["message"]
    assert client.get("/api/inexistant").json()["detail"] == "Ressource introuvable."


def test_epci(client):
    liste = client.get("/api/epci", {"departement": "11"}).json()
    assert liste["total"] == 10
    premier = liste["resultats"][0]
    detail = client.get(f"/api/epci/{premier['code_siren']}").json()
    assert detail["nombre_communes"] >= 1
    assert detail["type_libelle"].startswith("Communauté") or detail["type_libelle"] == "Métropole"
    assert client.get("/api/epci/000000000").status_code == 404


def test_departements(client):
    departements = {d["code"]: d for d in client.get("/api/departements").json()}
    assert departements["11"]["nombre_communes"] == 433
    assert departements["11"]["population_municipale"] == 370260
    assert departements["976"]["population_municipale"] is None


def test_indicateurs(client):
    codes = {i["code"] for i in client.get("/api/indicateurs").json()}
    assert {"territoire.population", "territoire.communes", "territoire.epci"} <= codes
    valeur = client.get("/api/indicateurs/territoire.population/departement/11").json()
    assert valeur["valeur"] == 370260
    assert valeur["source"].startswith("INSEE")
    assert valeur["date"]
    assert client.get("/api/indicateurs/territoire.communes/epci/200035715").status_code in (
        200,
        404,
    )
    assert client.get("/api/indicateurs/inconnu/departement/11").status_code == 404
    assert (
        client.get("/api/indicateurs/territoire.population/departement/99")
        .json()["detail"]
        .startswith("Territoire inconnu")
    )
    assert client.get("/api/indicateurs/territoire.population/region/76").status_code == 400


def test_documentation_openapi(client):
    assert client.get("/api/docs").status_code == 200
    schema = client.get("/api/openapi.json").json()
    assert "/api/communes" in schema["paths"]
    assert schema["info"]["title"] == "API SUN"


@pytest.mark.parametrize(
    "url",
    ["/api/communes?q=car%00cassonne", "/api/communes/11%00069", "/api/epci?q=%00",
     "/api/lieux?commune=11%00069", "/api/epci/%00", "/trouver/?ou=Limoux%00"],
)  # fmt: skip
def test_caractere_nul_jamais_erreur_serveur(client, url):
    """PostgreSQL refuses NUL in text: it is dropped from parameters, and a path with it is 404."""
    reponse = client.get(url)
    assert reponse.status_code in (200, 404)
    if "q=car" in url:
        assert any(c["nom"] == "Carcassonne" for c in reponse.json()["resultats"])
