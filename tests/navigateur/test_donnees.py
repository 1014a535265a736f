"""In a real browser: the data service's public pages (catalogue, dataset, check report) and
its agent pages (catalogue, deposit and report, schema check, inventory, retention, slip,
transfer) have no axe-core violation at 360 px and no sideways scrolling; a resident searches
the catalogue with the keyboard alone and reaches a dataset's stable file."""

import hashlib
import tempfile
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.navigateur.verifications import parcourir

pytestmark = pytest.mark.navigateur

TELEPHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}
# A subsidies file with a wrong SIRET and a missing amount: the report groups its errors.
SUBVENTIONS_FAUTIVES = (
    "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,"
    "idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,"
    "datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide\n"
    "Département de l'Aude,22110001700010,2025-03-01,,Association Lire,12345678900011,,"
    "Ateliers,,aide en numéraire,unique,2025-04-01,,false,1,\n"
).encode()


def _donnees():
    from sun.comptes.roles import Role
    from sun.donnees.catalogue.regeneration import regenerer
    from sun.donnees.conservation import types, versements
    from sun.donnees.conservation.services import charger_defauts
    from sun.donnees.inventaire.synchronisation import synchroniser_traitements_sun
    from sun.donnees.models import (
        BordereauElimination,
        EntreeInventaire,
        JeuDeDonnees,
        RegleConservation,
    )
    from tests.comptes.factories import UtilisateurFactory
    from tests.donnees.fabriques_catalogue import jeu_avec_version, jeu_publie

    admin = UtilisateurFactory(username="admin-donnees", roles=[Role.ADMINISTRATEUR])
    dossier = Path(tempfile.mkdtemp())
    regenerer()  # SUN's own datasets, in draft until someone gives their contact:
    JeuDeDonnees.objects.filter(origine="sun").update(contact_email="donnees@aude.example")
    regenerer()
    jeu, ressource, version = jeu_publie(admin, dossier, titre="Subventions aux associations")
    brouillon, _, fautive = jeu_avec_version(
        admin, dossier, titre="Subventions 2025", contenu=SUBVENTIONS_FAUTIVES,
        schema=("scdl/subventions", "2.1.1"))  # fmt: skip
    synchroniser_traitements_sun()
    entree = EntreeInventaire.objects.create(
        nom="Base des aides sociales", service="Direction des solidarités",
        finalite="Instruire et suivre les aides.")  # fmt: skip
    charger_defauts()
    regle = RegleConservation.objects.filter(type_enregistrement="inclusion.orientation").first()
    bordereau = BordereauElimination.objects.create(
        numero="2026-NAV", regle=regle, type_enregistrement=regle.type_enregistrement, nombre=0
    )
    versement = versements.preparer(regle, types.obtenir(regle.type_enregistrement), [])
    return {"jeu": jeu, "ressource": ressource, "version": version, "brouillon": brouillon,
            "fautive": fautive, "entree": entree, "regle": regle, "bordereau": bordereau,
            "versement": versement}  # fmt: skip


def _se_connecter(page, site, identifiant: str):
    from tests.comptes.factories import MOT_DE_PASSE

    page.goto(site + "/se-connecter/")
    page.fill("#id_username", identifiant)
    page.fill("#id_password", MOT_DE_PASSE)
    page.click("button[type=submit]")
    page.wait_for_url("**/espace/")


def test_pages_publiques_et_de_l_espace_a_360_pixels(site, contexte):
    d = _donnees()
    axe = Axe()
    page = contexte(**TELEPHONE).new_page()
    r, v = d["ressource"], d["version"]
    problemes = parcourir(page, axe, site, [
        "/donnees/", "/donnees/?theme=solidarites", "/donnees/?q=lieux",
        f"/donnees/{d['jeu'].slug}/", "/donnees/lieux-de-mediation-numerique/",
        f"/donnees/r/{r.uuid}/{v.numero}/rapport/",
    ])  # fmt: skip
    _se_connecter(page, site, "admin-donnees")
    problemes += parcourir(page, axe, site, [
        "/espace/donnees/", "/espace/donnees/nouveau/", f"/espace/donnees/jeux/{d['jeu'].pk}/",
        f"/espace/donnees/jeux/{d['brouillon'].pk}/",
        f"/espace/donnees/jeux/{d['jeu'].pk}/modifier/",
        f"/espace/donnees/jeux/{d['jeu'].pk}/ressources/nouvelle/",
        f"/espace/donnees/ressources/{r.pk}/depot/",
        f"/espace/donnees/versions/{d['fautive'].pk}/", "/espace/donnees/verifier/",
        "/espace/donnees/schemas/", "/espace/donnees/inventaire/",
        "/espace/donnees/inventaire/nouvelle/", f"/espace/donnees/inventaire/{d['entree'].pk}/",
        f"/espace/donnees/inventaire/{d['entree'].pk}/modifier/",
        "/espace/donnees/conservation/", f"/espace/donnees/conservation/regles/{d['regle'].pk}/",
        "/espace/donnees/conservation/regles/importer/", "/espace/donnees/conservation/purge/",
        f"/espace/donnees/conservation/bordereaux/{d['bordereau'].pk}/",
        f"/espace/donnees/conservation/versements/{d['versement'].pk}/",
    ])  # fmt: skip
    assert problemes == [], "\n".join(problemes)


def test_chercher_au_clavier_jusqu_au_fichier(site, contexte):
    d = _donnees()
    page = contexte(**TELEPHONE).new_page()
    page.goto(site + "/donnees/")
    champ = page.get_by_role("searchbox").or_(page.get_by_label("Rechercher")).first
    champ.focus()
    page.keyboard.type("subventions")
    page.keyboard.press("Enter")
    lien = page.get_by_role("link", name="Subventions aux associations")
    expect(lien).to_be_visible()
    lien.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("Subventions aux associations")
    stable = page.locator(f"a[href$='/donnees/r/{d['ressource'].uuid}']").first
    expect(stable).to_be_visible()
    # The stable address leads to the latest published version's file (a download).
    reponse = page.request.get(stable.evaluate("a => a.href"))
    assert reponse.ok and reponse.url.endswith(f"/{d['version'].numero}")
    assert hashlib.sha256(reponse.body()).hexdigest() == d["version"].sha256
