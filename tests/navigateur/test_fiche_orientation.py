"""The orientation sheet and the proposed places in a real browser, in the fullest case: no
axe-core violation, no horizontal scrolling at 360 pixels, and one A4 page when printed."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.navigateur.test_pages import _se_connecter
from tests.web.test_fiche_orientation import HORAIRES, LONG, TOUT, nombre_de_pages

pytestmark = pytest.mark.navigateur


def _orientation_chargee(tmp_path) -> int:
    """Four places with long names, every service and a different schedule each day, for a
    person who declared every need."""
    from sun.inclusion.lieux import orientation as o
    from sun.inclusion.lieux.services import importer_lieux
    from sun.inclusion.models import Lieu, Orientation
    from sun.territoire.models import Commune
    from tests.inclusion.outils import ecrire_csv, lieu_v1

    lignes = [
        lieu_v1(id=f"l{i}", nom=f"{LONG} — antenne {nom}", adresse=f"{i} avenue {nom} prolongée",
                complement_adresse="Bâtiment B, rez-de-chaussée, porte à gauche après l'accueil",
                telephone=f"04 68 20 00 0{i}", horaires=HORAIRES, services=TOUT, code_insee="11206",
                latitude=f"{43.05 + i * 0.01:.2f}", longitude="2.2187", commune="Limoux",
                code_postal="11300", frais_a_charge="Gratuit|Gratuit sous condition")
        for i, nom in enumerate(["Arago", "Barbès", "Courbet", "Diderot"])
    ]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", lignes), "Source test")
    diagnostic = o.diagnostiquer(["aucun"], "aucune", ["appareil"], list(o.BESOINS))
    lieux = [str(pk) for pk in Lieu.objects.order_by("nom").values_list("pk", flat=True)]
    return Orientation.objects.create(
        commune=Commune.objects.get(code_insee="11206"), niveau=diagnostic.niveau.code,
        besoins=diagnostic.besoins, services=diagnostic.services, lieux_proposes=lieux,
        lieux_retenus=lieux,
    ).pk  # fmt: skip


def test_fiche_la_plus_chargee_dans_le_navigateur(site, contexte, tmp_path):
    orientation = _orientation_chargee(tmp_path)
    page = contexte(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
    _se_connecter(page, site)
    axe = Axe()
    for chemin in (
        f"/espace/orientation/{orientation}/",
        f"/espace/orientation/{orientation}/fiche/",
    ):
        page.goto(site + chemin)
        largeur = page.evaluate("document.documentElement.scrollWidth")
        assert largeur <= 360, f"{chemin} déborde : {largeur}px"
        resultat = axe.run(page)
        assert not resultat.response["violations"], f"{chemin} : " + resultat.generate_report()
    # Printed from the browser (Ctrl + P), at the type size the server chose.
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert nombre_de_pages(pdf) == 1
