"""In a real browser: « Réparer et reconditionner » and « Sobriété numérique de ce site » have
no axe-core violation and fit a 360-pixel phone; the directory's filter form is reached and
sent from the keyboard without JavaScript, and the map (server SVG) is there without it, each
point a link to its row of the table."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.navigateur.verifications import defauts

pytestmark = pytest.mark.navigateur

TELEPHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}


def _donnees():
    from sun.parc.reparateurs.demo import creer_demo
    from sun.parc.sobriete.services import enregistrer_mesure

    creer_demo()
    enregistrer_mesure("reparateurs_public", "/reparer-et-reconditionner/", 224, 3, 23.05)
    enregistrer_mesure("accueil", "/", 106, 4, 24.51)


def test_pages_publiques_sans_violation_a_360_pixels(site, contexte):
    _donnees()
    axe = Axe()
    page = contexte(**TELEPHONE).new_page()
    problemes = []
    for chemin in ("/reparer-et-reconditionner/", "/reparer-et-reconditionner/?activite="
                   "repair_cafe", "/sobriete/", "/accessibilite/"):  # fmt: skip
        assert page.goto(site + chemin).ok, chemin
        expect(page.locator("h1")).to_be_visible()
        problemes += defauts(page, axe, chemin, 360)
    assert not problemes, "\n".join(problemes)


def test_filtres_au_clavier_sans_javascript(site, contexte):
    _donnees()
    page = contexte(java_script_enabled=False, **TELEPHONE).new_page()
    page.goto(site + "/reparer-et-reconditionner/")
    expect(page.locator("#rep-carte-titre")).to_be_attached()
    expect(page.locator("svg.graphique circle")).to_have_count(8)
    premier = page.locator('svg.graphique a[href="#acteur-1"]')
    expect(premier).to_have_count(1)
    premier.click()  # the point leads to its row of the table
    page.wait_for_url("**#acteur-1")
    expect(page.locator("tr#acteur-1")).to_be_in_viewport()
    page.goto(site + "/reparer-et-reconditionner/")
    for _ in range(40):  # from the top of the page, Tab until the activity list has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "id_activite":
            break
    else:
        pytest.fail("Le filtre des activités n'est pas atteignable au clavier.")
    page.keyboard.press("ArrowDown")  # closed select: the next option, « Réparation »
    assert page.locator("#id_activite").input_value() == "reparation"
    for _ in range(5):  # on to the « Filtrer » button (commune, EPCI, then the button)
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    else:
        pytest.fail("Le bouton « Filtrer » n'est pas atteignable au clavier.")
    page.keyboard.press("Enter")
    page.wait_for_url("**/reparer-et-reconditionner/?activite=reparation*")
    lignes = page.locator("tbody tr")
    expect(lignes.first).to_be_visible()
    for texte in lignes.all_inner_texts():
        assert "Réparation" in texte
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
