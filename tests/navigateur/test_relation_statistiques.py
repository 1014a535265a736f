"""In a real browser at 360 px: the statistics of the register and the complaints page have no
axe-core violation, no sideways scrolling, and every chart is followed by its table."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.navigateur.verifications import parcourir

pytestmark = pytest.mark.navigateur


def _donnees():
    from tests.relation.factories import DemarcheFactory, ServiceFactory
    from tests.relation.test_statistiques import creer

    service = ServiceFactory(code="autonomie-stats", nom="Direction de l'autonomie")
    apa = DemarcheFactory(service=service, slug="apa-stats", titre="Allocation personnalisée "
                          "d'autonomie à domicile")  # fmt: skip
    creer(apa, 12, canal="en_ligne", jours=30, dans_les_temps=True)
    creer(apa, 7, canal="guichet", recue_le=date(2024, 2, 5), jours=70, dans_les_temps=False)
    creer(apa, 3, canal="courrier")
    reclamation = DemarcheFactory(service=service, slug="reclamation-stats", reclamation=True,
                                  titre="Faire une réclamation")  # fmt: skip
    creer(reclamation, 6, typologie="delai", service_concerne=service)
    creer(reclamation, 5, typologie="accueil", service_concerne=service)


def _se_connecter(page, site):
    from sun.comptes.roles import Role
    from tests.comptes.factories import MOT_DE_PASSE, UtilisateurFactory

    UtilisateurFactory(username="pilote-stats", roles=[Role.PILOTE])
    page.goto(site + "/se-connecter/")
    page.fill("#id_username", "pilote-stats")
    page.fill("#id_password", MOT_DE_PASSE)
    page.click("button[type=submit]")
    page.wait_for_url("**/espace/")


def test_statistiques_et_reclamations_a_360_px(site, contexte):
    _donnees()
    page = contexte(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
    _se_connecter(page, site)
    axe, problemes = Axe(), []
    problemes += parcourir(
        page,
        axe,
        site,
        (
            "/espace/relation/statistiques/",
            "/espace/relation/statistiques/?du=2024-02-01",
            "/espace/relation/statistiques/?du=faux&canal=fax",
            "/espace/relation/statistiques/reclamations/",
        ),
    )
    assert not problemes, "\n".join(problemes)
    page.goto(site + "/espace/relation/statistiques/")
    expect(page.locator("section.repartition svg.graphique").first).to_be_attached()
    assert page.locator("section.repartition table").count() >= 8
