"""The Content-Security-Policy and the Permissions-Policy break nothing: the public pages, the
search « autour de moi » with its map, the place form with its map, the admin and the API's
explorer load and work with no violation reported by the browser."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.navigateur

# Collects what the browser reports, from before any script of the page runs.
ECOUTE = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def _surveiller(contexte):
    messages = []
    contexte.add_init_script(ECOUTE)

    def noter(message):
        texte = message.text
        if "Content Security Policy" in texte or "Permissions-Policy" in texte \
                or "Permissions policy" in texte:  # fmt: skip
            messages.append(texte)

    contexte.on("page", lambda page: page.on("console", noter))
    return messages


def _violations(page) -> list[str]:
    return page.evaluate("window.__violations")


def test_pages_sans_violation(site_demo, contexte):
    from sun.comptes.roles import Role
    from tests.comptes.factories import MOT_DE_PASSE, UtilisateurFactory

    ctx = contexte(permissions=["geolocation"], geolocation={"latitude": 43.05462,
                                                              "longitude": 2.21871})  # fmt: skip
    messages = _surveiller(ctx)
    page = ctx.new_page()
    vues = []

    page.goto(site_demo + "/")
    expect(page.locator("h1")).to_be_visible()
    vues.append(("/", _violations(page)))

    # « Autour de moi »: the geolocation is allowed there, and rounded before the URL.
    page.goto(site_demo + "/trouver/")
    page.click("#autour-de-moi")
    page.wait_for_url("**/trouver/?*")
    assert "lat=43.055&lon=2.219" in page.url, page.url
    expect(page.locator("h2#resultats-titre")).to_contain_text("de votre position")
    expect(page.locator(".carte__dessin svg .point").first).to_be_attached()  # map drawn
    vues.append((page.url, _violations(page)))

    UtilisateurFactory(username="agent-csp", roles=[Role.AGENT, Role.ADMINISTRATEUR])
    page.goto(site_demo + "/se-connecter/")
    page.fill("#id_username", "agent-csp")
    page.fill("#id_password", MOT_DE_PASSE)
    page.click("button[type=submit]")
    page.wait_for_url("**/espace/")
    vues.append(("/espace/", _violations(page)))

    page.goto(site_demo + "/espace/lieux/nouveau/")
    expect(page.locator(".position-carte svg path")).to_have_count(433)  # drawn by position.js
    vues.append(("/espace/lieux/nouveau/", _violations(page)))

    page.goto(site_demo + "/admin/inclusion/lieu/")
    expect(page.locator("#result_list")).to_be_visible()
    page.locator("#action-toggle").check()  # the admin's own scripts run
    expect(page.locator(".action-counter")).to_contain_text("sélectionné")
    vues.append(("/admin/inclusion/lieu/", _violations(page)))

    page.goto(site_demo + "/api/docs")
    expect(page.locator("#swagger-ui .info .title")).to_contain_text("API SUN")
    expect(page.locator("#swagger-ui .opblock").first).to_be_visible()
    vues.append(("/api/docs", _violations(page)))

    assert [(v, liste) for v, liste in vues if liste] == []
    assert messages == []


def test_geolocalisation_refusee_hors_recherche(site, contexte):
    """Outside /trouver/, the page itself may not ask for the position."""
    page = contexte(permissions=["geolocation"]).new_page()
    page.goto(site + "/")
    permise = page.evaluate("document.featurePolicy.allowsFeature('geolocation')")
    assert permise is False
    page.goto(site + "/trouver/")
    assert page.evaluate("document.featurePolicy.allowsFeature('geolocation')") is True
