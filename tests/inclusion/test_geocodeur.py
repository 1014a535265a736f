"""The optional geocoder, tested against a local BAN-compatible server (no network)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from sun.inclusion.models import Lieu
from sun.inclusion.services import importer_lieux
from tests.inclusion.outils import ecrire_csv, lieu_v1

pytestmark = pytest.mark.django_db


class FauxBAN(BaseHTTPRequestHandler):
    requetes: list[dict] = []

    def do_GET(self):
        params = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
        FauxBAN.requetes.append(params)
        score = 0.9 if "Poste" in params.get("q", "") else 0.2
        corps = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.7601, 43.2012]}, "properties": {"score": score}}
        ]}  # fmt: skip
        contenu = json.dumps(corps).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(contenu)))
        self.end_headers()
        self.wfile.write(contenu)

    def log_message(self, *args):
        pass


@pytest.fixture
def geocodeur(settings):
    serveur = HTTPServer(("127.0.0.1", 0), FauxBAN)
    fil = threading.Thread(target=serveur.serve_forever, daemon=True)
    fil.start()
    FauxBAN.requetes = []
    settings.SUN_GEOCODEUR_URL = f"http://127.0.0.1:{serveur.server_port}/search/"
    yield FauxBAN.requetes
    serveur.shutdown()


def test_lieu_sans_coordonnees_geocode_a_l_adresse(tmp_path, geocodeur):
    lignes = [
        lieu_v1(latitude="", longitude=""),
        lieu_v1(id="2", nom="Autre", adresse="lieu-dit inconnu", latitude="", longitude=""),
    ]
    importer_lieux(ecrire_csv(tmp_path / "g.csv", lignes), "Hub")
    sur = Lieu.objects.get(nom="Médiathèque de Lézignan")
    assert (sur.latitude, sur.longitude, sur.precision_localisation) == (43.2012, 2.7601, "adresse")
    assert geocodeur[0]["citycode"] == "11203" and "2 rue de la Poste" in geocodeur[0]["q"]
    douteux = Lieu.objects.get(nom="Autre")  # low score: placed at the town hall instead
    assert douteux.precision_localisation == "commune"


def test_geocodeur_injoignable_sans_effet(tmp_path, settings):
    settings.SUN_GEOCODEUR_URL = "http://127.0.0.1:9/search/"
    rapport = importer_lieux(
        ecrire_csv(tmp_path / "g.csv", [lieu_v1(latitude="", longitude="")]), "Hub"
    )
    assert rapport.compteurs["nouveaux"] == 1
    assert Lieu.objects.get().precision_localisation == "commune"
    assert any("géocodeur injoignable" in s.raison for _, s in rapport.signalements)
