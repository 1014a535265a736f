"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser)."""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SUN_CHROMIUM", "/usr/bin/chromium")
ARGUMENTS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


@pytest.fixture(scope="session")
def navigateur():
    if not Path(CHROMIUM).exists():
        message = f"Chromium absent ({CHROMIUM}) : apt-get install -y chromium"
        if os.environ.get("SUN_NAVIGATEUR_OBLIGATOIRE"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django must allow ORM calls beside it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        navigateur = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTS)
        yield navigateur
        navigateur.close()


@pytest.fixture
def site(live_server, transactional_db):
    """A live server over a database holding the Aude (reloaded: live tests flush tables)."""
    from django.contrib.auth.models import Group
    from django.core.cache import cache

    from sun.comptes.roles import Role
    from sun.territoire.services import charger_departements

    charger_departements(["11"])
    # The role groups come from a data migration, which the flush after a live test erases.
    for role in Role:
        Group.objects.get_or_create(name=role.value)
    cache.clear()
    return live_server.url


@pytest.fixture
def site_demo(site):
    """The live server with the demonstration places of the Aude."""
    from sun.inclusion.demo.lieux import creer_lieux_demo

    creer_lieux_demo("11")
    return site


@pytest.fixture
def page(navigateur):
    contexte = navigateur.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = contexte.new_page()
    yield page
    contexte.close()
