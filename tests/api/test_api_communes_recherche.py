"""The commune search API answers from the in-process index with the same rules as the
public search: postcode first, former communes, exact names first, pages and filters."""

import pytest

from sun.territoire.models import Commune

pytestmark = pytest.mark.django_db


def test_un_code_postal_partage_donne_toutes_ses_communes_et_pas_le_code_insee(client):
    donnees = client.get("/api/communes", {"q": "11140", "taille": 100}).json()
    attendues = sum("11140" in c for c in Commune.objects.values_list("codes_postaux", flat=True))
    assert donnees["total"] == attendues == len(donnees["resultats"]) > 20
    codes = {r["code_insee"] for r in donnees["resultats"]}
    assert "11021" in codes and "11140" not in codes  # Axat, not Ferrals-les-Corbières


def test_un_code_insee_sans_code_postal_homonyme(client):
    donnees = client.get("/api/communes", {"q": "11069"}).json()  # Carcassonne's INSEE code
    assert [r["nom"] for r in donnees["resultats"]] == ["Carcassonne"]


def test_une_ancienne_commune_mene_a_sa_commune(client):
    premier = client.get("/api/communes", {"q": "fa", "departement": "11"}).json()["resultats"][0]
    assert premier["nom"] == "Val-du-Faby" and premier["trouvee_par"].startswith("Fa (")


def test_pages_filtres_et_geojson(client):
    tout = client.get("/api/communes", {"q": "saint", "taille": 100}).json()
    page2 = client.get("/api/communes", {"q": "saint", "taille": 10, "page": 2}).json()
    assert page2["total"] == tout["total"] and page2["pages"] == -(-tout["total"] // 10)
    assert [r["code_insee"] for r in page2["resultats"]] == [
        r["code_insee"] for r in tout["resultats"][10:20]
    ]
    populations = [r["population_municipale"] or 0 for r in tout["resultats"]]
    assert populations[:5] == sorted(populations[:5], reverse=True)
    aude = client.get("/api/communes", {"q": "saint", "departement": "11"}).json()
    assert aude["total"] < tout["total"] and {r["departement"] for r in aude["resultats"]} == {"11"}
    epci = aude["resultats"][0]["epci"]
    dans_epci = client.get("/api/communes", {"q": "saint", "epci": epci}).json()["resultats"]
    assert dans_epci and {r["epci"] for r in dans_epci} == {epci}
    geo = client.get("/api/communes", {"q": "limoux", "format": "geojson"})
    assert geo["Content-Type"] == "application/geo+json"
    entite = geo.json()["features"][0]
    assert entite["properties"]["nom"] == "Limoux" and entite["geometry"]["type"].endswith(
        "Polygon"
    )


def test_rien_trouve(client):
    donnees = client.get("/api/communes", {"q": "zzzzqqq"}).json()
    assert donnees["total"] == 0 and donnees["resultats"] == [] and donnees["pages"] == 1
