"""Fetching activities from La Coop's API, tested against a local fake server."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from sun.inclusion.models import Activite
from tests.inclusion.test_activites import ELEMENTS, lieu_coop, page  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


class FausseCoop(BaseHTTPRequestHandler):
    requetes: list[tuple[str, str]] = []

    def do_GET(self):
        FausseCoop.requetes.append((self.path, self.headers.get("Authorization", "")))
        if "page%5Bafter%5D=c2" in self.path or "page[after]=c2" in self.path:
            corps = {"data": [ELEMENTS[1]], "links": {}, "meta": {"has_next_page": False}}
        else:
            corps = {"data": [ELEMENTS[0], ELEMENTS[3]], "links": {"next": "/api/v1/activites?page%5Bafter%5D=c2"},
                     "meta": {"has_next_page": True}}  # fmt: skip
        contenu = json.dumps(corps).encode()
        self.send_response(200 if "panne" not in self.path else 503)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(contenu)

    def log_message(self, *args):
        pass


@pytest.fixture
def fausse_coop(settings):
    serveur = HTTPServer(("127.0.0.1", 0), FausseCoop)
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    FausseCoop.requetes = []
    settings.SUN_COOP_API_URL = f"http://127.0.0.1:{serveur.server_port}/api/v1"
    settings.SUN_COOP_API_CLE = "cle-de-test"
    yield settings
    serveur.shutdown()


@pytest.mark.usefixtures("lieu_coop")
def test_recuperation_depuis_l_api_de_la_coop(fausse_coop, capsys):
    from sun.cli import main

    assert main(["inclusion", "activites", "coop", "--depuis", "2025-01-01"]) == 0
    sortie = capsys.readouterr().out
    assert (
        "2 page(s) lue(s)" in sortie and "Nouveaux : 2 ;" in sortie and "refusées : 1 ;" in sortie
    )
    premiere, _ = FausseCoop.requetes[0]
    assert "filter%5Bmodification%5D%5Bdepuis%5D=2025-01-01T00%3A00%3A00" in premiere
    assert {cle for _, cle in FausseCoop.requetes} == {"Bearer cle-de-test"}
    assert Activite.objects.filter(source="coop").count() == 2
    fausse_coop.SUN_COOP_API_URL += "/panne"
    assert main(["inclusion", "activites", "coop"]) == 3
    assert "503" in capsys.readouterr().err
    fausse_coop.SUN_COOP_API_URL = ""
    assert main(["inclusion", "activites", "coop"]) == 3
