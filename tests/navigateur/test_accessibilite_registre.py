"""In a real browser: the accessibility register's public and agent pages have no axe-core
violation, and need no horizontal scrolling on a 360-pixel-wide phone."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.navigateur

PUBLIQUES = ["/accessibilite/", "/accessibilite/services/", "/accessibilite/declarations/demo-2/",
             "/accessibilite/declarations/plateforme-sun/", "/accessibilite/schema-pluriannuel/"]  # fmt: skip
ESPACE = ["/espace/accessibilite/", "/espace/accessibilite/nouveau/",
          "/espace/accessibilite/services/demo-2/", "/espace/accessibilite/services/demo-2/modifier/",
          "/espace/accessibilite/services/demo-2/grille/",
          "/espace/accessibilite/services/demo-2/controles/", "/espace/accessibilite/plan/",
          "/espace/accessibilite/plan/{schema}/", "/espace/accessibilite/plan/actions/{action}/"]  # fmt: skip


def _donnees(site: str) -> dict:
    from django.utils import timezone

    from sun.accessibilite.controles.navigateur import Analyse
    from sun.accessibilite.controles.services import enregistrer_controle
    from sun.accessibilite.demo import creer_registre_demo, enregistrer_site_sun
    from sun.accessibilite.models import ActionAccessibilite, ServiceNumerique

    creer_registre_demo()
    enregistrer_site_sun(site)
    sn = ServiceNumerique.objects.get(slug="demo-2")
    violation = {"regle": "image-alt", "impact": "critical", "aide": "Images must have "
                 "alternative text", "url_aide": "", "noeuds": 2, "exemples": ["img"]}  # fmt: skip
    for jours, detail in ((14, [violation, violation]), (0, [violation])):
        debut = timezone.now() - timedelta(days=jours)
        enregistrer_controle(debut, debut, [(sn, sn.url), (sn, sn.url + "absente")], [
            Analyse(sn.url, True, statut_http=200, regles_verifiees=40, violations=detail),
            Analyse(sn.url + "absente", False, "erreur HTTP 404", 404),
        ], "4.12.1", "Chromium")  # fmt: skip
    action = ActionAccessibilite.objects.filter(schema__demonstration=True).first()
    return {"schema": action.schema_id, "action": action.pk}


def _se_connecter(page, site: str) -> None:
    from tests.comptes.factories import MOT_DE_PASSE

    page.goto(site + "/se-connecter/")
    page.fill("#id_username", "agent-a11y")
    page.fill("#id_password", MOT_DE_PASSE)
    page.click("button[type=submit]")
    page.wait_for_url("**/espace/")


def test_registre_zero_violation_et_360_pixels(site, page, contexte):
    cles = _donnees(site)
    axe = Axe()
    for chemin in PUBLIQUES:
        page.goto(site + chemin)
        resultat = axe.run(page)
        assert not resultat.response["violations"], chemin + resultat.generate_report()
    from sun.comptes.roles import Role
    from tests.comptes.factories import UtilisateurFactory

    UtilisateurFactory(username="agent-a11y", roles=[Role.AGENT])
    telephone = contexte(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
    _se_connecter(page, site)
    _se_connecter(telephone, site)
    for chemin in ESPACE:
        page.goto(site + chemin.format(**cles))
        resultat = axe.run(page)
        assert not resultat.response["violations"], chemin + resultat.generate_report()
    for chemin in PUBLIQUES + ESPACE:
        telephone.goto(site + chemin.format(**cles))
        largeur = telephone.evaluate("document.documentElement.scrollWidth")
        assert largeur <= 360, f"{chemin} déborde : {largeur}px"
