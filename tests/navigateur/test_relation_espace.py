"""In a real browser: the agent-space pages of the register and the catalogue have no axe-core
violation at 360 px and no sideways scrolling, and a phone agent records a request with the
keyboard alone, from the person's name to the page of the request with its tracking code."""

import re
from datetime import date, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.navigateur.verifications import parcourir

pytestmark = pytest.mark.navigateur


def _donnees():
    from django.utils import timezone

    from sun.relation.registre.services import demander_pieces
    from tests.relation.factories import DemarcheFactory, ServiceFactory, demande

    jour = timezone.localdate()
    service = ServiceFactory(code="autonomie-nav", nom="Direction de l'autonomie")
    apa = DemarcheFactory(service=service, slug="apa-nav", titre="Allocation personnalisée "
                          "d'autonomie à domicile", ouverte_le=date(2016, 1, 1))  # fmt: skip
    DemarcheFactory(service=service, slug="reclamation-nav", titre="Faire une réclamation",
                    reclamation=True, regime="svr", theme="relation")  # fmt: skip
    d = demande(apa, nom="Louise Michel", recue_le=jour - timedelta(days=10), aujourd_hui=jour)
    demander_pieces(d, ["Avis d'imposition"], a_fournir_avant=jour + timedelta(days=20),
                    aujourd_hui=jour)  # fmt: skip
    demande(apa, nom="Démo Exemple", recue_le=jour - timedelta(days=3), aujourd_hui=jour,
            demonstration=True)  # fmt: skip
    return service, apa, d


def _se_connecter(page, site):
    from sun.comptes.roles import Role
    from tests.comptes.factories import MOT_DE_PASSE, UtilisateurFactory

    UtilisateurFactory(username="agent-relation", roles=[Role.AGENT, Role.ADMINISTRATEUR])
    page.goto(site + "/se-connecter/")
    page.fill("#id_username", "agent-relation")
    page.fill("#id_password", MOT_DE_PASSE)
    page.click("button[type=submit]")
    page.wait_for_url("**/espace/")


def test_pages_du_registre_et_du_catalogue_a_360_px(site, contexte):
    service, apa, d = _donnees()
    page = contexte(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
    _se_connecter(page, site)
    chemins = [
        "/espace/relation/demandes/", "/espace/relation/demandes/?q=michel",
        "/espace/relation/demandes/nouvelle/", "/espace/relation/demandes/nouvelle/?contact=michel",
        f"/espace/relation/demandes/{d.pk}/", "/espace/relation/services/",
        f"/espace/relation/services/{service.code}/",
        f"/espace/relation/services/{service.code}/modifier/", "/espace/relation/demarches/",
        f"/espace/relation/demarches/{apa.slug}/",
        f"/espace/relation/demarches/{apa.slug}/canaux/nouveau/",
    ]  # fmt: skip
    axe, problemes = Axe(), []
    problemes += parcourir(page, axe, site, chemins)
    assert not problemes, "\n".join(problemes)


def test_enregistrer_un_appel_au_clavier(site, contexte):
    from sun.relation.models import Demande

    _donnees()
    page = contexte().new_page()
    _se_connecter(page, site)
    page.goto(site + "/espace/relation/demandes/nouvelle/")
    recherche = page.locator("#f-contact")
    expect(recherche).to_be_focused()  # autofocus: the agent types at once
    page.keyboard.type("Jean Durand")
    page.keyboard.press("Enter")
    page.wait_for_url("**/nouvelle/?contact=Jean+Durand")
    expect(page.get_by_text("Personne n'est encore connu")).to_be_visible()
    expect(page.locator("#id_nom")).to_have_value("Jean Durand")
    expect(page.locator("#id_telephone")).to_be_focused()
    page.keyboard.type("04 68 12 34 56")
    page.keyboard.press("Tab")
    expect(page.locator("#id_code_postal")).to_be_focused()
    page.keyboard.type("11000")
    for _ in range(3):  # courriel, adresse: left empty
        page.keyboard.press("Tab")
    expect(page.locator("#id_demarche")).to_be_focused()
    page.keyboard.press("ArrowDown")  # the first démarche of the first thème
    expect(page.locator("#id_demarche")).to_have_value("apa-nav")
    page.keyboard.press("Tab")
    expect(page.locator("#id_objet")).to_be_focused()
    page.keyboard.type("Demande d'APA pour sa mère")
    page.keyboard.press("Enter")  # the channel (téléphone) and the day (today) are preset
    page.wait_for_url(re.compile(r".*/espace/relation/demandes/\d+/\?enregistree=1$"))
    expect(page.locator("h1")).to_have_text("Demande enregistrée")
    demande = Demande.objects.get(usager__nom="Jean Durand")
    assert demande.canal == "telephone" and demande.usager.code_postal == "11000"
    expect(page.get_by_text(demande.code_suivi, exact=True).first).to_be_visible()
    expect(page.get_by_text("comme").first).to_be_visible()  # spelled for the phone
    expect(page.get_by_role("link", name="Accusé de réception (PDF)")).to_be_visible()
