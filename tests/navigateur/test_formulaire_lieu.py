"""A coordinator enters a whole place on a 360-pixel phone: hours with the weekly editor
(« Copier sur les jours suivants »), the typology by its French names, the position by a click
on the map of the commune; axe-core finds no violation and nothing scrolls sideways."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.navigateur


def _se_connecter(page, site: str) -> None:
    from sun.comptes.roles import Role
    from tests.comptes.factories import MOT_DE_PASSE, UtilisateurFactory

    UtilisateurFactory(username="coordinatrice", roles=[Role.AGENT, Role.ADMINISTRATEUR])
    page.goto(site + "/se-connecter/")
    page.fill("#id_username", "coordinatrice")
    page.fill("#id_password", MOT_DE_PASSE)
    page.click("button[type=submit]")
    page.wait_for_url("**/espace/")


def _sans_violation(page) -> None:
    resultat = Axe().run(page)
    violations = resultat.response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def _sans_defilement(page) -> None:
    largeur = page.evaluate("document.documentElement.scrollWidth")
    assert largeur <= 360, f"le formulaire déborde : {largeur}px"


def test_saisie_complete_d_un_lieu_a_360_pixels(site, contexte):
    from sun.inclusion.lieux.localisation import Referentiel
    from sun.inclusion.models import Lieu

    page = contexte(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
    _se_connecter(page, site)
    page.goto(site + "/espace/lieux/nouveau/")
    expect(page.locator(".position-carte svg path")).to_have_count(433)  # the département
    with page.expect_response(lambda r: "/geo/communes/11049" in r.url):
        page.fill("#id_code_insee", "11049")  # the map follows the commune (here, Bram)
        page.locator("#id_code_insee").dispatch_event("change")
    expect(page.locator(".position-carte svg path")).to_have_count(1)
    _sans_defilement(page)
    _sans_violation(page)

    page.fill("#id_nom", "Point numérique de Bram")
    page.fill("#id_adresse", "1 place de la Mairie")
    page.fill("#id_code_postal", "11150")
    page.fill("#id_commune", "Bram")
    # Typology by its French names.
    page.get_by_label("Centre social", exact=True).check()
    page.get_by_label("Médiathèque, bibliothèque", exact=True).check()
    # Monday with two slots, copied onto the following days; then Wednesday closed, Sunday too.
    page.fill("#id_h_lundi_debut1", "09:00")
    page.fill("#id_h_lundi_fin1", "12:00")
    page.fill("#id_h_lundi_debut2", "14:00")
    page.fill("#id_h_lundi_fin2", "17:00")
    page.get_by_role("button", name="Copier les horaires du lundi sur les jours suivants").click()
    expect(page.locator("#id_h_vendredi_fin2")).to_have_value("17:00")
    for jour in ("mercredi", "samedi", "dimanche"):  # « Fermé » empties the copied slots
        page.check(f"#id_h_{jour}_ferme")
    expect(page.locator("#id_h_mercredi_debut1")).to_be_hidden()
    expect(page.locator("#id_h_mercredi_debut1")).to_have_value("")
    page.check("#id_h_feries_0")  # closed on public holidays
    # The position by a click in the middle of the commune's outline.
    carte = page.locator(".position-carte svg")
    expect(carte).to_be_visible()
    carte.scroll_into_view_if_needed()
    boite = carte.bounding_box()
    page.mouse.click(boite["x"] + boite["width"] / 2, boite["y"] + boite["height"] / 2)
    expect(page.locator("#id_latitude")).not_to_have_value("")
    _sans_defilement(page)
    _sans_violation(page)
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/espace/lieux/*/")

    lieu = Lieu.objects.get(nom="Point numérique de Bram")
    assert lieu.horaires == "Mo-Tu,Th-Fr 09:00-12:00,14:00-17:00; PH closed"
    assert sorted(lieu.typologie) == ["BIB", "CS"]
    assert lieu.precision_localisation == "exacte"
    bram = Referentiel().trouver("11049", "", "")
    assert bram.contour.distance_m(lieu.longitude, lieu.latitude) < 2_000


def test_editeur_sans_javascript(site, contexte):
    from sun.inclusion.models import Lieu

    page = contexte(java_script_enabled=False).new_page()
    _se_connecter(page, site)
    page.goto(site + "/espace/lieux/nouveau/")
    expect(page.locator(".position-carte")).to_be_hidden()
    page.fill("#id_nom", "EPN de Bram")
    page.fill("#id_commune", "Bram")
    page.fill("#id_code_postal", "11150")
    page.fill("#id_h_mardi_debut1", "14:00")
    page.fill("#id_h_mardi_fin1", "18:00")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/espace/lieux/*/")
    assert Lieu.objects.get(nom="EPN de Bram").horaires == "Tu 14:00-18:00; PH closed"
