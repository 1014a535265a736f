"""In a real browser at 360 px: the telephone pages (list, service dashboard with its heat map
and trend, staffing aid, rota) have no axe-core violation and no sideways scrolling; the rota
is entered with the keyboard alone."""

from datetime import datetime, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.navigateur.verifications import parcourir

pytestmark = pytest.mark.navigateur


def _donnees():
    from sun.comptes.roles import Role
    from sun.qualite.models import Issue
    from tests.comptes.factories import UtilisateurFactory
    from tests.qualite.factories import PARIS, FileAttenteFactory, appels
    from tests.relation.factories import ServiceFactory

    service = ServiceFactory(code="autonomie-tel", nom="Direction de l'autonomie")
    file = FileAttenteFactory(code="APA-TEL", nom="Accueil APA", service=service)
    FileAttenteFactory(code="SANS-SERVICE-TEL", nom="Standard secondaire")
    for semaine in range(6):
        lundi = datetime(2024, 3, 4, 9, 5, tzinfo=PARIS) + timedelta(weeks=semaine)
        appels(file, 30, lundi, attente_s=12 + semaine)
        appels(file, 8, lundi + timedelta(days=1, hours=5), attente_s=40)
        appels(file, 6, lundi, issue=Issue.ABANDON_ATTENTE, attente_s=50, conversation_s=0)
    appels(file, 5, datetime(2024, 3, 4, 9, 5, tzinfo=PARIS), demonstration=True)
    agent = UtilisateurFactory(username="agent-tel", roles=[Role.AGENT])
    return service, file, agent


def _se_connecter(page, site, identifiant):
    from tests.comptes.factories import MOT_DE_PASSE

    page.goto(site + "/se-connecter/")
    page.fill("#id_username", identifiant)
    page.fill("#id_password", MOT_DE_PASSE)
    page.click("button[type=submit]")
    page.wait_for_url("**/espace/")


def test_pages_du_telephone_a_360_px(site, contexte):
    service, file, agent = _donnees()
    page = contexte(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
    _se_connecter(page, site, agent.username)
    base = f"/espace/qualite/telephone/{service.code}/"
    axe, problemes = Axe(), []
    problemes += parcourir(
        page,
        axe,
        site,
        (
            "/espace/qualite/telephone/?periode=annee&annee=2024",
            base + "?periode=annee&annee=2024",
            base + "?periode=mois&mois=faux",
            base + "effectifs/?periode=trimestre&annee=2024&trimestre=1",
            base + "effectifs/?periode=annee&annee=2024&objectif=80en20",
            base + "planning/",
            f"/espace/qualite/telephone/files/{file.pk}/",
        ),
    )
    assert not problemes, "\n".join(problemes)
    page.goto(site + base + "?periode=annee&annee=2024")
    expect(page.locator("svg[role=img] title").first).to_have_text(
        "Appels reçus par jour de la semaine et demi-heure, année 2024"
    )
    assert page.locator("table caption", has_text="par demi-heure et jour").count() == 1


def test_planning_au_clavier(site, contexte):
    from sun.qualite.models import Effectif

    service, file, agent = _donnees()
    page = contexte().new_page()
    _se_connecter(page, site, agent.username)
    page.goto(site + f"/espace/qualite/telephone/{service.code}/planning/")
    case = page.get_by_label("Agents le lundi de 9 h – 9 h 30")
    case.focus()
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Agents le mardi de 9 h – 9 h 30")).to_be_focused()
    page.keyboard.type("2")
    page.keyboard.press("Enter")  # submits the form
    expect(page.locator(".messages")).to_contain_text(
        "Planning de la file « Accueil APA » enregistré"
    )
    assert Effectif.objects.grille(file.pk) == {(1, 18): 3, (2, 18): 2}
    page.goto(
        site + f"/espace/qualite/telephone/{service.code}/effectifs/?periode=annee&annee=2024"
    )
    expect(page.locator("h2", has_text="Modèle utilisé : Erlang A")).to_be_visible()
    expect(page.locator("table", has_text="Agents nécessaires").first).to_contain_text("il manque")
