"""In a real browser: an import through the agent space shows the one import report (refused
lines, values reported, the diff) and the journal lists it; axe-core finds no violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.inclusion.outils import ecrire_csv, lieu_v1
from tests.navigateur.test_pages import _se_connecter

pytestmark = pytest.mark.navigateur


def test_rapport_d_import_et_journal(site_demo, page, tmp_path):
    fichier = ecrire_csv(tmp_path / "hub.csv", [
        lieu_v1(id="n1"), lieu_v1(id="n2", nom=""), lieu_v1(id="n3", nom="EPN de Bram",
                                                          code_insee="11049", commune="Bram",
                                                          latitude="", longitude=""),
    ])  # fmt: skip
    _se_connecter(page, site_demo)
    page.wait_for_url("**/espace/")
    page.goto(site_demo + "/espace/lieux/importer/")
    page.set_input_files("#id_fichier", str(fichier))
    page.fill("#id_source", "Hub navigateur")
    page.check("#id_essai")
    page.click("form.formulaire button[type=submit]")
    rapport = page.locator("section.rapport")
    expect(rapport).to_contain_text("Résultat de l'essai à blanc")
    expect(rapport).to_contain_text("Nouveaux : 2 ;")
    expect(rapport.locator("table")).to_contain_text("nom du lieu absent")
    expect(rapport.locator("ul.apercu")).to_contain_text("nouveau : EPN de Bram")
    axe = Axe()
    resultat = axe.run(page)
    assert not resultat.response["violations"], resultat.generate_report()

    page.click("text=tout le journal des imports")
    page.wait_for_url("**/espace/imports/?genre=lieux")
    ligne = page.locator("tbody tr", has_text="Hub navigateur")
    expect(ligne).to_contain_text("Essai à blanc")
    expect(ligne).to_contain_text("2 nouvelles")
    expect(ligne.get_by_role("link", name="rapport détaillé")).to_be_visible()
    resultat = axe.run(page)
    assert not resultat.response["violations"], resultat.generate_report()


def test_journal_et_pages_d_import_sur_un_telephone(site_demo, contexte, tmp_path):
    """Wide tables scroll inside their region; nothing else (not even the hidden link texts
    of their cells) makes a 360-pixel page scroll sideways."""
    from sun.inclusion.lieux.services import importer_lieux

    importer_lieux(ecrire_csv(tmp_path / "l.csv", [lieu_v1(), lieu_v1(id="x", nom="")]), "Hub")
    page = contexte(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
    _se_connecter(page, site_demo)
    page.wait_for_url("**/espace/")
    for chemin in ("/espace/imports/", "/espace/lieux/importer/", "/espace/activites/importer/"):
        page.goto(site_demo + chemin)
        expect(page.locator("h1")).to_be_visible()
        largeur = page.evaluate("document.documentElement.scrollWidth")
        assert largeur <= 360, f"{chemin} déborde : {largeur}px"


def test_import_arrete_puis_confirme(site_demo, page, tmp_path):
    """An import that would close most of a source stops, lists what it would close, and is
    written only once the coordinator confirms; the page passes axe-core and the keyboard
    reaches the confirmation."""
    from sun.inclusion.lieux.services import importer_lieux

    lignes = [lieu_v1(id=f"g{i}", nom=f"Espace numérique {nom}", adresse=f"{i} rue Haute")
              for i, nom in enumerate(["Aigle", "Buse", "Chouette", "Duc", "Effraie"])]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "a.csv", lignes), "Hub garde")
    fichier = ecrire_csv(tmp_path / "b.csv", lignes[:1])
    _se_connecter(page, site_demo)
    page.wait_for_url("**/espace/")
    page.goto(site_demo + "/espace/lieux/importer/")
    page.set_input_files("#id_fichier", str(fichier))
    page.fill("#id_source", "Hub garde")
    page.uncheck("#id_essai")
    page.click("form.formulaire button[type=submit]")
    arret = page.locator("#arret-titre")
    expect(arret).to_have_text("Import arrêté : confirmation nécessaire")
    expect(page.locator("section[aria-labelledby=arret-titre]")).to_contain_text(
        "Espace numérique Effraie"
    )
    resultat = Axe().run(page)
    assert not resultat.response["violations"], resultat.generate_report()
    bouton = page.get_by_role("button", name="Confirmer et importer quand même")
    bouton.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#rapport-titre")).to_have_text("Import enregistré")
    expect(page.locator("section.rapport")).to_contain_text("disparus de la source : 4")
