"""A local web server with pages of known accessibility defects, for the automated check."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

PAGES = {
    "/propre.html": "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>Propre</title></head>"
    "<body><main><h1>Page propre</h1><p>Rien à signaler.</p></main></body></html>",
    "/defauts.html": "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>Défauts</title></head>"
    "<body><main><h1>Défauts connus</h1><img src='/x.png'><img src='/y.png'>"
    "<form><input type='text' name='nom'></form></main></body></html>",
}


class Pages(BaseHTTPRequestHandler):
    def do_GET(self):
        corps = PAGES.get(self.path)
        if corps is None:
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(b"<html><body>introuvable</body></html>")
            return
        contenu = corps.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(contenu)))
        self.end_headers()
        self.wfile.write(contenu)

    def log_message(self, *args):
        pass


@pytest.fixture
def serveur_pages():
    serveur = HTTPServer(("127.0.0.1", 0), Pages)
    fil = threading.Thread(target=serveur.serve_forever, daemon=True)
    fil.start()
    yield f"http://127.0.0.1:{serveur.server_port}"
    serveur.shutdown()
    serveur.server_close()


@pytest.fixture
def port_ferme():
    """A local port nothing listens on (connection refused)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return port


JOUR = __import__("datetime").date(2025, 6, 1)


@pytest.fixture(autouse=True)
def jour_fixe(monkeypatch):
    """Every test of this folder runs on 1 June 2025: states and due dates depend on the day."""
    from django.utils import timezone

    vraie = timezone.localdate

    def localdate(value=None, timezone=None):
        return JOUR if value is None else vraie(value, timezone)

    monkeypatch.setattr(timezone, "localdate", localdate)
    return JOUR
