"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser).

The live server runs over the worker's test database, which holds the territory loaded once
per session (tests/conftest.py). pytest-django's `live_server` would make each test
transactional and flush every table afterwards, territory included, for the next test to load
it again: here a browser test commits what it creates, and afterwards every row added since
the start of the session is deleted (and the number of rows of every table checked).

Each pytest-xdist worker has its own server on a free port, its own browser and database, and
its own var/ folder (sun.settings_tests): parallel browser tests share nothing.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SUN_CHROMIUM", "/usr/bin/chromium")
ARGUMENTS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
# Generous limits for a slow, loaded machine: a passing test never waits for them.
DELAI_MS = 30_000
DELAI_NAVIGATION_MS = 60_000


@pytest.fixture(scope="session")
def navigateur():
    if not Path(CHROMIUM).exists():
        message = f"Chromium absent ({CHROMIUM}) : apt-get install -y chromium"
        if os.environ.get("SUN_NAVIGATEUR_OBLIGATOIRE"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import expect, sync_playwright

    # Playwright's sync API runs an event loop; Django must allow ORM calls beside it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    expect.set_options(timeout=DELAI_MS)
    with sync_playwright() as playwright:
        navigateur = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTS)
        yield navigateur
        navigateur.close()


def _etat_des_tables() -> dict[str, tuple[str, int, int | None]]:
    """{table: (primary key column, rows, highest integer key)} for every model's table but
    the version tokens (`core.VersionDonnees`: not data, keyed by name; a token a test
    publishes only makes the next reader rebuild its index)."""
    from django.apps import apps
    from django.db import connection

    from sun.core.models import VersionDonnees

    q = connection.ops.quote_name
    etat = {}
    with connection.cursor() as curseur:
        for modele in apps.get_models(include_auto_created=True):
            if modele is VersionDonnees:
                continue
            table, cle = modele._meta.db_table, modele._meta.pk
            entiere = cle.get_internal_type() in {"AutoField", "BigAutoField", "SmallAutoField"}
            maximum = f"MAX({q(cle.column)})" if entiere else "NULL"
            curseur.execute(f"SELECT COUNT(*), {maximum} FROM {q(table)}")
            nombre, plus_grande = curseur.fetchone()
            etat[table] = (cle.column, nombre, plus_grande)
    return etat


def _remettre(depart: dict[str, tuple[str, int, int | None]]) -> None:
    """Delete every row added since `depart` (foreign keys are checked at commit)."""
    from django.db import connection, transaction

    q = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as curseur:
        for table, (colonne, nombre, plus_grande) in depart.items():
            if nombre == 0:
                curseur.execute(f"DELETE FROM {q(table)}")
            elif plus_grande is not None:
                curseur.execute(f"DELETE FROM {q(table)} WHERE {q(colonne)} > %s", [plus_grande])


@pytest.fixture(scope="session")
def serveur(django_db_setup, django_db_blocker):
    """This worker's live server, with the state of the database it starts from."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        depart = _etat_des_tables()
        serveur = LiveServer("localhost")  # port 0: the system picks a free one
    serveur._live_server_modified_settings.enable()  # « localhost » in ALLOWED_HOSTS
    yield serveur, depart
    serveur._live_server_modified_settings.disable()
    serveur.stop()


@pytest.fixture
def site(serveur, django_db_blocker):
    """The live server's address, over the session's territory (the Aude among others)."""
    from django.core.cache import cache

    serveur, depart = serveur
    with django_db_blocker.unblock():
        cache.clear()
        yield serveur.url
        _remettre(depart)
        cache.clear()
        apres = _etat_des_tables()
    changees = {t: (depart[t][1], apres[t][1]) for t in depart if apres[t][1] != depart[t][1]}
    if changees:
        pytest.fail(f"Lignes d'avant le test supprimées, ou clé non entière : {changees}")


@pytest.fixture
def site_demo(site):
    """The live server with the demonstration places of the Aude."""
    from sun.inclusion.demo.lieux import creer_lieux_demo

    creer_lieux_demo("11")
    return site


@pytest.fixture
def contexte(navigateur):
    """A fresh browser context (no cookies), closed after the test; keyword arguments are
    Playwright's (viewport, permissions, JavaScript…)."""
    ouverts = []

    def ouvrir(**options):
        options = {"locale": "fr-FR", "viewport": {"width": 1280, "height": 900}, **options}
        contexte = navigateur.new_context(**options)
        contexte.set_default_timeout(DELAI_MS)
        contexte.set_default_navigation_timeout(DELAI_NAVIGATION_MS)
        ouverts.append(contexte)
        return contexte

    yield ouvrir
    for contexte in ouverts:
        contexte.close()


@pytest.fixture
def page(contexte):
    return contexte().new_page()
