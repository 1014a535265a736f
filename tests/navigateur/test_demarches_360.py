"""In a real browser on a 360-pixel phone: the portal of démarches, a démarche page, the
deposit form and its receipt, the tracking page and its answer have no axe-core violation,
no sideways scrolling and stay within the public pages' budget; the keyboard reaches the
deposit; the search works with JavaScript disabled."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.navigateur.test_pages import BUDGETS

pytestmark = pytest.mark.navigateur

TELEPHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}
REQUETES, KO, _ = BUDGETS["Accueil"]  # the public pages' budget


def _catalogue():
    from tests.relation.factories import DemarcheFactory

    DemarcheFactory(
        slug="apa", titre="Demander l'aide à l'autonomie (APA)", publics=["personnes-agees"],
        titre_falc="Une aide pour vivre chez soi quand on est âgé",
        canaux=[{"type": "en_ligne", "outil": "demarches_simplifiees",
                 "url": "https://www.demarches-simplifiees.fr/commencer/apa"},
                {"type": "telephone", "telephone": "0468116811", "horaires": "9 h - 12 h"},
                {"type": "guichet", "adresse": "Maison des solidarités\n11000 Carcassonne"}],
    )  # fmt: skip
    DemarcheFactory(
        slug="subvention-associations", titre="Subvention aux associations", regime="svr",
        theme="vie-associative", publics=["associations"],
        canaux=[{"type": "en_ligne", "outil": "sun"}],
    )  # fmt: skip


def _verifier(page, axe, nom: str, mesures: list) -> None:
    page.wait_for_load_state("networkidle")  # the budget counts every request of the page
    resultat = axe.run(page)
    assert not resultat.response["violations"], f"{nom} : " + resultat.generate_report()
    largeur = page.evaluate("document.documentElement.scrollWidth")
    assert largeur <= 360, f"{nom} déborde : {largeur}px"
    assert len(mesures) <= REQUETES, f"{nom} : {len(mesures)} requêtes"
    assert sum(mesures) <= KO * 1000, f"{nom} : {sum(mesures)} octets"
    mesures.clear()


def test_portail_depot_suivi_a_360_pixels(site, contexte):
    _catalogue()
    page = contexte(**TELEPHONE).new_page()
    mesures: list[int] = []
    page.on("requestfinished", lambda r: mesures.append(
        r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]))  # fmt: skip
    axe = Axe()

    page.goto(site + "/demarches/")
    expect(page.locator("#resultats-titre")).to_contain_text("2 démarches")
    _verifier(page, axe, "Portail", mesures)
    page.goto(site + "/demarches/?q=Aide+a+l%27AUTONOMIE&canal=telephone")
    expect(page.locator("#resultats-titre")).to_contain_text("1 démarche")
    _verifier(page, axe, "Portail (recherche)", mesures)
    page.goto(site + "/demarches/apa/")
    expect(page.locator("h1")).to_have_text("Demander l'aide à l'autonomie (APA)")
    _verifier(page, axe, "Page d'une démarche", mesures)

    page.goto(site + "/demarches/subvention-associations/")
    # The keyboard reaches the deposit link and opens it.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.includes('Faire ma demande')"):
            break
    else:
        pytest.fail("lien de dépôt inatteignable au clavier")
    page.keyboard.press("Enter")
    page.wait_for_url("**/deposer/")
    mesures.clear()
    page.reload()
    _verifier(page, axe, "Formulaire de dépôt", mesures)
    # Bad input: French message, what was typed kept.
    page.fill("#id_nom", "Jeanne Martin")
    page.fill("#id_objet", "Fête du village")
    page.click("button[type=submit]")
    expect(page.locator(".alerte--erreur")).to_contain_text("Indiquez au moins un moyen")
    expect(page.locator("#id_objet")).to_have_value("Fête du village")
    _verifier(page, axe, "Formulaire de dépôt (erreurs)", mesures)
    page.fill("#id_telephone", "04 68 00 00 00")
    page.fill("#id_code_postal", "11000")
    page.click("button[type=submit]")
    page.wait_for_url("**/deposer/recu/**")
    code = page.locator(".alerte strong").first.inner_text()
    _verifier(page, axe, "Accusé de réception", mesures)

    page.goto(site + "/suivi/")
    _verifier(page, axe, "Suivi", mesures)
    page.fill("#id_code", "ACDE-FHJK" if code != "ACDE-FHJK" else "ACDE-FHJM")
    page.fill("#id_preuve", "11000")
    page.click("button[type=submit]")
    expect(page.locator(".alerte--erreur")).to_contain_text("Nous ne trouvons pas")
    _verifier(page, axe, "Suivi (introuvable)", mesures)
    page.fill("#id_code", code.lower())
    page.fill("#id_preuve", "jeanne martin")
    page.click("button[type=submit]")
    expect(page.locator("#etat-titre")).to_have_text(f"Demande {code}")
    _verifier(page, axe, "Suivi (réponse)", mesures)


def test_recherche_sans_javascript(site, contexte):
    _catalogue()
    page = contexte(java_script_enabled=False, **TELEPHONE).new_page()
    page.goto(site + "/demarches/")
    page.fill("#id_q", "subvention")
    page.press("#id_q", "Enter")
    page.wait_for_url("**/demarches/?q=subvention**")
    expect(page.locator("#resultats-titre")).to_contain_text("1 démarche")
    expect(page.locator(".resultats")).to_contain_text("Subvention aux associations")
    page.goto(site + "/demarches/apa/")
    page.get_by_role("link", name="Se faire aider pour cette démarche près de chez moi").click()
    page.wait_for_url("**/trouver/?services=**demarche=apa")
    expect(page.locator("h1")).to_contain_text("Trouver de l'aide")
