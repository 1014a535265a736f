"""In a real browser: the section « Internet et téléphone » of a commune page, the département
page and « Ma connexion » have no axe-core violation; « Ma connexion » works on a 360-pixel
phone without JavaScript, its form reached and sent from the keyboard."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.navigateur.verifications import defauts

pytestmark = pytest.mark.navigateur

TELEPHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}


def _donnees():
    from sun.connectivite.models import Edition
    from tests.connectivite import factories as f

    f.commune_complete("11011")
    f.fixe("11022", nbr=400, ftth=400, cu_30=0, sat=0)
    f.cuivre("11022", date_edition=f.T1_2026, genre="cuivre_gouv")
    Edition.objects.filter(genre="cuivre_gouv").update(demonstration=True)


def _sans_violation(page, axe, nom: str, contexte: str | None = None) -> None:
    page.wait_for_load_state("load")
    if contexte is None:
        problemes = defauts(page, axe, nom, 360)
    else:
        largeur = page.evaluate("document.documentElement.scrollWidth")
        resultat = axe.run(page, context=contexte)
        problemes = [f"{nom} déborde : {largeur}px"] if largeur > 360 else []
        if resultat.response["violations"]:
            problemes.append(f"{nom} : " + resultat.generate_report())
    assert not problemes, "\n".join(problemes)


def test_pages_publiques_de_la_connectivite(site, contexte):
    _donnees()
    axe = Axe()
    page = contexte(**TELEPHONE).new_page()
    page.goto(site + "/communes/11011/")
    expect(page.locator("#connectivite-titre")).to_have_text("Internet et téléphone")
    _sans_violation(page, axe, "Section de la commune", "#connectivite")
    page.goto(site + "/internet-et-telephone/")
    expect(page.locator("#con-carte-titre")).to_be_attached()
    _sans_violation(page, axe, "Page du département")
    page.goto(site + "/connexion/")
    expect(page.locator("h1")).to_contain_text("Ma connexion")
    _sans_violation(page, axe, "Ma connexion")
    page.goto(site + "/connexion/?q=Aragon")
    expect(page.locator("#en-bref-titre")).to_be_visible()
    page.locator("details.details-section > summary").click()  # every figure, unfolded
    expect(page.locator("#connectivite-titre")).to_be_visible()
    _sans_violation(page, axe, "Ma connexion (Aragon)")
    page.goto(site + "/connexion/?q=Xqzwvtt")
    expect(page.locator("#ma-connexion-erreur")).to_be_visible()
    _sans_violation(page, axe, "Ma connexion (commune inconnue)")


def test_ma_connexion_au_clavier_sans_javascript(site, contexte):
    _donnees()
    page = contexte(java_script_enabled=False, **TELEPHONE).new_page()
    page.goto(site + "/connexion/")
    for _ in range(40):  # from the top of the page, Tab until the field has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "ma-connexion-q":
            break
    else:
        pytest.fail("Le champ de la commune n'est pas atteignable au clavier.")
    page.keyboard.type("Aragon")
    page.keyboard.press("Enter")
    page.wait_for_url("**/connexion/?q=Aragon")
    expect(page.locator("#en-bref-titre")).to_be_visible()
    expect(
        page.locator("#connectivite-titre")
    ).to_be_attached()  # folded under « Tous les chiffres »
    expect(page.locator("#etapes-titre")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    reponse = page.goto(site + "/connexion/?next=/espace/")
    assert reponse.url.endswith("/se-connecter/?next=%2Fespace%2F")
