"""The public map of the département's help places, with its table."""

import json
import re

import pytest

from sun.inclusion.lieux.services import fermer_lieu, importer_lieux
from sun.inclusion.models import Lieu
from tests.inclusion.outils import ecrire_csv, lieu_v1
from tests.outils import texte

pytestmark = pytest.mark.django_db

MAIRIE = {"commune": "Limoux", "code_postal": "11300", "code_insee": "11206",
          "latitude": "43.0546", "longitude": "2.2187", "adresse": "Place de la République"}  # fmt: skip


@pytest.fixture
def lieux(tmp_path):
    lignes = [
        lieu_v1(id="fs", pivot="22110001600011", nom="France services de Limoux", **MAIRIE),
        lieu_v1(id="epn", pivot="22110001600012", nom="Espace numérique de Limoux", **MAIRIE),
        lieu_v1(id="lez", nom="Médiathèque de Lézignan"),
        lieu_v1(id="ferme", pivot="22110001600013", nom="Ancien lieu de Lézignan", latitude="43.21"),
        lieu_v1(id="paris", pivot="", nom="Lieu de Paris", commune="Paris", code_postal="75001",
                code_insee="75101", latitude="48.86", longitude="2.34", adresse="1 rue de Rivoli"),
    ]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", lignes), "Source test")
    fermer_lieu(Lieu.objects.get(nom="Ancien lieu de Lézignan"), commentaire="test")


def test_carte_des_lieux_du_departement_avec_son_tableau(client, lieux):
    reponse = client.get("/carte-des-lieux/")
    page = texte(reponse)
    assert "<h1>Carte des lieux d'aide numérique du département de l'Aude</h1>" in page
    assert (
        "/geo/departement/11.geojson" in page and "Les 3 lieux dont la position est connue" in page
    )
    lignes = re.findall(r'<tr id="carte-lieu-(\d+)">.*?<a href="/lieux/[^"]+/">([^<]+)</a>', page)
    # By commune, then name: every open place of the département, closed and other ones left out.
    assert lignes == [("1", "Médiathèque de Lézignan"), ("2", "Espace numérique de Limoux"),
                      ("3", "France services de Limoux")]  # fmt: skip
    # The two places of the town hall are one marker « 2, 3 » linking to the table.
    points = json.loads(re.search(r"data-points='([^']+)'", page).group(1))
    assert sorted(p["n"] for p in points if len(p["numeros"]) > 1) == ["2, 3"]
    assert next(p for p in points if p["numeros"] == [2, 3])["lien"] == "#carte-lieu-2"
    assert (
        "Source : registre des lieux de médiation numérique" in page
        and "ouvertures calculées le" in page
    )


def test_carte_des_lieux_liee_depuis_l_accueil_le_plan_et_la_recherche(client):
    for chemin in ("/", "/plan-du-site/", "/trouver/"):
        assert 'href="/carte-des-lieux/"' in texte(client.get(chemin)), chemin
    assert "Aucun lieu d'aide numérique n'est encore enregistré" in texte(
        client.get("/carte-des-lieux/")
    )
