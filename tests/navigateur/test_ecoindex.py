"""The Ecoindex of SUN's main public pages, measured in Chromium on the live server (cache
disabled, every request and transferred byte counted, DOM elements after load), recorded
through the service and checked against each page's budget; the sobriety page then shows
them. Budgets were set from measured figures (see BUDGETS), not loosened to pass."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.navigateur

# Lowest score each page must keep: grade A is above 80, B above 70, D above 40. Measured on
# the test territory (the Aude with its demonstration places and repair actors, no
# connectivity file), Chromium 2026-12: accueil A 91 (106 elements, 4 requests, 24.5 kB),
# trouver A 87, commune B 77 (467 elements), carte_lieux D 49 (2,413 elements: the list of
# every place under the map), connectivite_departement A 92 (no edition loaded),
# reparateurs_public A 88 (224 elements, 3 requests, 23 kB), numerique_responsable A 93,
# sobriete A 90. Each page keeps the grade it has; the two pages of this wing keep A.
BUDGETS = {
    "accueil": 81,
    "trouver": 81,
    "commune": 71,
    "carte_lieux": 41,  # to bring down: the place list folded or paginated
    "connectivite_departement": 81,
    "reparateurs_public": 81,
    "numerique_responsable": 71,  # another wing's page, still being built
    "sobriete": 81,
}


def _donnees():
    from sun.inclusion.demo.lieux import creer_lieux_demo
    from sun.parc.reparateurs.demo import creer_demo

    creer_lieux_demo("11")
    creer_demo()


def test_ecoindex_des_pages_publiques(site, contexte):
    from sun.parc.sobriete.mesure import mesurer
    from sun.parc.sobriete.pages import pages_a_mesurer
    from sun.parc.sobriete.services import enregistrer_mesure

    _donnees()
    pages = pages_a_mesurer()
    assert {"accueil", "trouver", "commune", "reparateurs_public", "sobriete"} <= {
        p.nom for p in pages
    }
    resultats, problemes = [], []
    for p in pages:
        page = contexte().new_page()
        m = mesurer(page, site + p.chemin)
        mesure = enregistrer_mesure(p.nom, p.chemin, m.elements_dom, m.requetes, m.poids_ko)
        resultats.append(f"{p.nom}: {mesure.note} {mesure.score}/100, {m.elements_dom} "
                         f"éléments, {m.requetes} requêtes, {m.poids_ko} ko")  # fmt: skip
        if mesure.score < BUDGETS[p.nom]:
            problemes.append(f"{p.nom} sous son budget ({BUDGETS[p.nom]}) : {resultats[-1]}")
        page.close()
    print("\n".join(resultats))
    assert not problemes, "\n".join([*problemes, "Toutes les mesures :", *resultats])
    page = contexte().new_page()
    page.goto(site + "/sobriete/")
    expect(page.locator("#mesures-legende")).to_be_visible()
    expect(page.locator("tbody tr")).to_have_count(len(pages))
