"""Maps that orient: places at one address grouped, and the optional raster basemap setting."""

import pytest

from sun.inclusion.lieux.services import importer_lieux
from sun.inclusion.models import Lieu
from sun.web.cartes import fond_de_carte, grouper_points
from tests.inclusion.outils import ecrire_csv, lieu_v1
from tests.outils import texte

IGN = ("https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
       "&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png"
       "&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}")  # fmt: skip


def _point(n, lat, lon=2.35):
    return {"lat": lat, "lon": lon, "n": n, "nom": f"Lieu {n}", "lien": f"/lieux/{n}/"}


def test_un_repere_par_adresse_numerote_avec_tous_ses_lieux():
    centre = {"lat": 43.2, "lon": 2.3, "centre": True, "nom": "Point de recherche"}
    points = [centre, _point(1, 43.21), _point(2, 43.22), _point(3, 43.210004), _point(4, 43.21)]
    reperes = grouper_points(points, ancre="lieu-")
    assert reperes[0] == centre
    groupe, seul = reperes[1], reperes[2]
    assert groupe["numeros"] == [1, 3, 4] and groupe["n"] == "1, 3, 4"
    assert groupe["lien"] == "#lieu-1" and "3 lieux à la même adresse" in groupe["nom"]
    assert all(f"Lieu {n}" in groupe["nom"] for n in (1, 3, 4))
    assert seul == {**_point(2, 43.22), "numeros": [2]}  # a lone place keeps its own page


@pytest.mark.parametrize(
    ("numeros", "libelle"),
    [([5, 6], "5, 6"), ([5, 6, 7], "5–7"), ([5, 7, 8], "5, 7, 8"), ([5, 9, 12, 20], "5, 9…")],
)
def test_libelle_des_groupes(numeros, libelle):
    points = [_point(n, 43.0) for n in numeros]
    assert grouper_points(points)[0]["n"] == libelle
    assert "lien" not in grouper_points(points)[0]  # no list to point to: the title names them


@pytest.mark.parametrize(
    ("url", "attendu"),
    [
        ("", False),
        (IGN, True),
        ("https://tuiles.example.org/{z}/{x}/{y}.png", True),
        ("https://tuiles.example.org/{z}/{x}.png", False),  # {y} missing
        ("javascript:alert(1)//{z}{x}{y}", False),
    ],
)
def test_fond_de_carte_seulement_avec_une_url_de_tuiles(settings, url, attendu):
    settings.SUN_CARTE_TUILES_URL = url
    assert (fond_de_carte() is not None) is attendu


@pytest.mark.django_db
def test_fond_de_carte_desactive_par_defaut_puis_avec_son_attribution(client, settings, tmp_path):
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", [lieu_v1()]), "Source test")
    assert settings.SUN_CARTE_TUILES_URL == ""
    page = texte(client.get("/trouver/", {"ou": "Lézignan-Corbières", "rayon": "5"}))
    assert "data-points=" in page and "data-tuiles" not in page
    settings.SUN_CARTE_TUILES_URL = IGN
    settings.SUN_CARTE_TUILES_ATTRIBUTION = "© IGN – Plan IGN"
    lieu = Lieu.objects.get()
    for chemin in (
        "/trouver/?ou=Lézignan-Corbières&rayon=5",
        "/carte-des-lieux/",
        f"/lieux/{lieu.pk}/",
    ):
        page = texte(client.get(chemin))
        assert f'data-tuiles="{IGN}"' in page, chemin
        assert 'data-tuiles-attribution="© IGN – Plan IGN"' in page, chemin
