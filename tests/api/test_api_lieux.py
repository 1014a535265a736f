"""The search API of the mediation places: filters, GeoJSON, errors, rate limit, OpenAPI."""

import pytest

from sun.inclusion.models import Lieu
from tests.inclusion.factories import DEMARCHES, OUTILS, LieuFactory
from tests.territoire.factories import commune

pytestmark = pytest.mark.django_db


@pytest.fixture
def lieux():
    LieuFactory(
        nom="Médiathèque Grain d'Aile",
        commune_ref=commune("11069"),
        latitude=43.2130,
        longitude=2.3491,
        adresse="1 rue Courtejaire",
        horaires="Tu-Fr 14:00-18:00; PH off",
        services=[DEMARCHES],
    )
    LieuFactory(
        nom="France services de Limoux",
        commune_ref=commune("11206"),
        latitude=43.0546,
        longitude=2.2187,
        adresse="6 place du Marché",
        horaires="Mo-Sa 09:00-12:00",
        services=[OUTILS],
    )


def test_recherche_autour_d_un_point(client, lieux):
    corps = client.get("/api/lieux", {"lat": 43.2130, "lon": 2.3491, "rayon_km": 30}).json()
    assert corps["total"] == 2 and corps["source"] and corps["date"]
    premier, second = corps["resultats"]
    assert premier["nom"] == "Médiathèque Grain d'Aile" and premier["distance_km"] < 0.1
    assert 20 < second["distance_km"] < 21 and second["url"].startswith("/lieux/")


def test_filtres_et_commune(client, lieux):
    corps = client.get("/api/lieux", {"commune": "11069", "rayon_km": 30,
                                      "services": "Maîtrise des outils numériques du quotidien"}).json()  # fmt: skip
    assert [r["nom"] for r in corps["resultats"]] == ["France services de Limoux"]


def test_ouvert_a_un_instant(client, lieux):
    # Saturday 5 December 2026 at 10:00 in Paris: only Limoux is open.
    corps = client.get("/api/lieux", {"lat": 43.2, "lon": 2.3, "rayon_km": 50,
                                      "ouvert_a": "2026-12-05T10:00:00+01:00"}).json()  # fmt: skip
    assert [r["nom"] for r in corps["resultats"]] == ["France services de Limoux"]
    assert corps["resultats"][0]["ouvert"] is True
    noel = client.get("/api/lieux", {"lat": 43.2, "lon": 2.3, "rayon_km": 50,
                                     "ouvert_a": "2026-12-25T15:00:00"}).json()  # fmt: skip
    assert noel["total"] == 0  # a public holiday


def test_geojson(client, lieux):
    reponse = client.get("/api/lieux", {"commune": "11206", "format": "geojson"})
    assert reponse["Content-Type"] == "application/geo+json"
    entite = reponse.json()["features"][0]
    assert entite["geometry"] == {"type": "Point", "coordinates": [2.2187, 43.0546]}


def test_detail(client, lieux):
    lieu = Lieu.objects.get(nom="France services de Limoux")
    corps = client.get(f"/api/lieux/{lieu.pk}").json()
    assert corps["lieu"]["nom"] == lieu.nom and corps["lieu"]["services"] == lieu.services
    assert corps["statut"] == "actif" and corps["lieu"]["id"] == str(lieu.pk)
    assert client.get("/api/lieux/00000000-0000-0000-0000-000000000000").json() == {
        "detail": "Lieu inconnu."
    }


@pytest.mark.parametrize(
    ("parametres", "champ", "message"),
    [
        ({"lat": 43, "lon": 2, "services": "Cuisine"}, "services.0", "valeur non admise"),
        ({"lat": 95, "lon": 2}, "lat", "inférieur ou égal à 90"),
        ({"lat": 43, "lon": 2, "rayon_km": 500}, "rayon_km", "inférieur ou égal à 100"),
        ({"lat": 43, "lon": 2, "ouvert_a": "0.5"}, "ouvert_a", "date et heure ISO 8601 attendues"),
        ({"lat": 43, "lon": 2, "jour": "funday"}, "jour", "valeurs possibles : 'lundi'"),
    ],
)
def test_erreurs_400_detaillees(client, parametres, champ, message):
    reponse = client.get("/api/lieux", parametres)
    assert reponse.status_code == 400
    erreur = reponse.json()["erreurs"][0]
    assert erreur["champ"] == champ and message in erreur["message"]


def test_sans_position_liste_par_nom_avec_avertissement(client, lieux):
    corps = client.get("/api/lieux", {"lat": 43}).json()
    assert corps["total"] == 2 and len(corps["avertissements"]) == 2
    assert corps["resultats"][0]["distance_km"] is None


def test_commune_inconnue(client):
    assert client.get("/api/lieux", {"commune": "00000"}).status_code == 404


def test_limite_de_debit_des_clients_anonymes(client, settings, lieux):
    settings.SUN_API_LIMITE_ANONYME = "3/min"
    for _ in range(3):
        assert client.get("/api/lieux", {"commune": "11206"}).status_code == 200
    reponse = client.get("/api/lieux", {"commune": "11206"})
    assert reponse.status_code == 429 and int(reponse["Retry-After"]) >= 1
    assert "Trop de requêtes" in reponse.json()["detail"]


def test_documente_dans_openapi(client):
    document = client.get("/api/openapi.json").json()
    operation = document["paths"]["/api/lieux"]["get"]
    noms = {p["name"] for p in operation["parameters"]}
    assert {"lat", "lon", "rayon_km", "ouvert_a", "services", "page", "format"} <= noms
    assert {"200", "400", "429"} <= set(operation["responses"])
    assert "application/geo+json" in operation["responses"]["200"]["content"]
    assert "/api/lieux/{id}" in document["paths"]
