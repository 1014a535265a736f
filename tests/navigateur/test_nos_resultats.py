"""In a real browser on a 360-pixel phone: « Nos résultats » of the département and of a
service, with figures and without, have no axe-core violation and no sideways scrolling; the
year selector works from the keyboard without JavaScript; the agent-space page of a service
(self-assessment form) has no violation either."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.navigateur.verifications import defauts

pytestmark = pytest.mark.navigateur

TELEPHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}


def _donnees():
    from sun.qualite.engagements.referentiel import charger_engagements
    from sun.qualite.engagements.services import SaisieAction, creer_action
    from sun.qualite.models import Engagement
    from tests.qualite.test_engagements import appels, avis, file_de
    from tests.relation.factories import ServiceFactory

    charger_engagements()
    social = ServiceFactory(
        code="social-360", nom="Direction de l'action sociale et de l'insertion"
    )
    ServiceFactory(code="routes-360", nom="Direction des routes")
    file = file_de(social)
    appels(file, 17)
    appels(file, 3, "abandon_attente", attente_s=40)
    avis(8, "good", service=social)
    avis(2, "medium", service=social)
    creer_action(social, SaisieAction(
        "Rappeler chaque personne dont l'appel n'a pas abouti dans les 48 heures",
        Engagement.objects.get(numero=2), statut="en_cours", avancement=40,
        echeance=date(2031, 3, 31), origine="Avis des usagers",
    ), None)  # fmt: skip
    return social


def _verifier(page, axe, nom: str) -> None:
    page.wait_for_load_state("load")
    problemes = defauts(page, axe, nom, 360)
    assert not problemes, "\n".join(problemes)


def test_nos_resultats_a_360_pixels(site, contexte):
    page = contexte(java_script_enabled=False, **TELEPHONE).new_page()
    axe_page = contexte(**TELEPHONE).new_page()
    axe = Axe()
    axe_page.goto(site + "/nos-resultats/")
    expect(axe_page.locator("h1")).to_have_text("Nos résultats de qualité de service")
    _verifier(axe_page, axe, "Nos résultats (sans données)")
    _donnees()
    for url, nom in (("/nos-resultats/", "Nos résultats"),
                     ("/nos-resultats/social-360/", "Nos résultats d'un service"),
                     ("/nos-resultats/routes-360/", "Service sans chiffres")):  # fmt: skip
        axe_page.goto(site + url)
        expect(axe_page.locator("#section-telephone")).to_be_visible()
        _verifier(axe_page, axe, nom)
    expect(axe_page.locator("#chiffre-qualitetaux_decroche")).to_contain_text("pas encore mesuré")
    # Without JavaScript, from the keyboard: choose a year, send the form.
    page.goto(site + "/nos-resultats/social-360/")
    expect(page.locator("#chiffre-qualitetaux_decroche")).to_contain_text("85 %")
    expect(page.locator("#actions-titre")).to_be_visible()
    page.focus("#annee_annee")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/nos-resultats/social-360/?annee=**")
    expect(page.locator("section[aria-labelledby=actions-titre] .resultats")).to_contain_text(
        "Rappeler chaque personne"
    )


def test_espace_services_publics_plus_sans_violation(site, contexte):
    from sun.comptes.roles import Role
    from tests.comptes.factories import MOT_DE_PASSE, UtilisateurFactory

    social = _donnees()
    UtilisateurFactory(username="agent-spplus", roles=[Role.AGENT])
    page = contexte(**TELEPHONE).new_page()
    page.goto(site + "/se-connecter/?next=/espace/qualite/engagements/")
    page.fill("#id_username", "agent-spplus")
    page.fill("#id_password", MOT_DE_PASSE)
    page.click("button[type=submit]")
    page.wait_for_url("**/espace/qualite/engagements/")
    axe = Axe()
    _verifier(page, axe, "Services Publics+ (vue du Département)")
    page.goto(site + f"/espace/qualite/engagements/{social.code}/")
    expect(page.locator("#auto-evaluation")).to_be_visible()
    _verifier(page, axe, "Services Publics+ (service)")
    page.fill("#id_nouvelle-intitule", "Afficher les heures d'affluence")
    page.fill("#id_nouvelle-avancement", "150")
    page.click("text=Ajouter l'action")
    expect(page.locator(".champ--erreur").first).to_contain_text("de 0 à 100")
    _verifier(page, axe, "Services Publics+ (erreurs)")
