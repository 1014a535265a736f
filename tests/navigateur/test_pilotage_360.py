"""In a real browser at 360 px: no pilotage page (dashboard, action, indicator, report, public
progress) scrolls sideways; wide tables scroll inside their own region."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.navigateur.test_pages import _se_connecter

pytestmark = pytest.mark.navigateur

AUDE = Path(__file__).resolve().parents[2] / "plans" / "aude.yaml"


def test_pages_de_pilotage_sans_defilement_horizontal(site, contexte):
    from sun.pilotage.models import Action, Indicateur
    from sun.pilotage.plan_fichier import charger

    charger(AUDE)
    action, indicateur = (
        Action.objects.get(code="1.1"),
        Indicateur.objects.get(code="reemploi-parc"),
    )
    page = contexte(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
    _se_connecter(page, site)
    for chemin in ("/espace/pilotage/", f"/espace/pilotage/actions/{action.pk}/",
                   f"/espace/pilotage/indicateurs/{indicateur.pk}/",
                   "/espace/pilotage/rapport/?format=html", "/avancement/"):  # fmt: skip
        page.goto(site + chemin)
        expect(page.locator("h1")).to_be_visible()
        largeur = page.evaluate("document.documentElement.scrollWidth")
        assert largeur <= 360, f"{chemin} déborde : {largeur}px"
