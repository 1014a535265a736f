"""In a real browser: the questionnaire « Je donne mon avis » on a 360-pixel phone, from a
démarche page's button to the thanks (no axe-core violation, no sideways scrolling, one tap
per answer), the same path with JavaScript off, and on a desk tablet (big targets, back to
the first question by itself after the thanks, nothing of the previous person shown)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.navigateur.verifications import defauts

pytestmark = pytest.mark.navigateur

TELEPHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}
TABLETTE = {"viewport": {"width": 1024, "height": 768}, "has_touch": True}


def _verifier(page, axe, nom: str, largeur_max: int = 360) -> None:
    problemes = defauts(page, axe, nom, largeur_max)
    assert not problemes, "\n".join(problemes)


def test_questionnaire_sur_un_telephone(site, contexte):
    from sun.qualite.models import Avis
    from tests.relation.factories import DemarcheFactory

    DemarcheFactory(slug="apa-avis", titre="Demander l'aide à l'autonomie (APA)")
    page = contexte(**TELEPHONE).new_page()
    axe = Axe()
    page.goto(site + "/demarches/apa-avis/")
    page.get_by_role("link", name="Je donne mon avis").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je donne mon avis")
    _verifier(page, axe, "Étape 1")
    page.get_by_role("button", name="Très bien").click()
    expect(page.get_by_text("Question 2 sur 4")).to_be_visible()
    _verifier(page, axe, "Clarté")
    page.get_by_role("button", name="4", exact=True).click()
    expect(page.get_by_role("heading", name="Aides")).to_be_visible()
    _verifier(page, axe, "Aides")
    page.get_by_label("Par téléphone avec l'administration").check()
    page.get_by_role("button", name="Continuer").click()
    expect(page.get_by_text("Par téléphone avec l'administration")).to_be_visible()
    _verifier(page, axe, "Joint ?")
    page.get_by_role("button", name="Oui").click()
    expect(page.get_by_role("button", name="Excellente")).to_be_visible()
    _verifier(page, axe, "Qualité de l'aide")
    page.get_by_role("button", name="Bonne", exact=True).click()
    expect(page.get_by_label("Souhaitez-vous nous en dire plus ?")).to_be_visible()
    _verifier(page, axe, "Commentaire")
    page.get_by_label("Souhaitez-vous nous en dire plus ?").fill(
        "Bien aidée par Mme Garcia au téléphone."
    )
    page.get_by_role("button", name="Envoyer mon avis").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Merci beaucoup !")
    _verifier(page, axe, "Merci")
    avis = Avis.objects.get(demarche__slug="apa-avis")
    assert (avis.satisfaction, avis.comprehension, avis.contact_tried) == ("good", 4, ["telephone"])
    assert avis.contact_reached == {"telephone": True} and avis.contact_satisfaction == {
        "telephone": 4
    }
    assert avis.verbatim == "Bien aidée par Mme [nom masqué] au téléphone."


def test_sans_javascript_une_touche_par_reponse(site, contexte):
    """The pages use no script: the whole path works with JavaScript off (axe-core, a
    script, runs in the test above)."""
    from sun.qualite.models import Avis

    page = contexte(java_script_enabled=False, **TELEPHONE).new_page()
    page.goto(site + "/avis/?canal=telephone")
    page.get_by_role("button", name="Moyen").click()
    expect(page.get_by_text("Question 2 sur 4")).to_be_visible()
    page.get_by_role("button", name="5 : Très clair").click()
    page.get_by_role("button", name="Je n'ai pas eu besoin d'aide").click()
    page.get_by_role("button", name="Terminer sans commentaire").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Merci beaucoup !")
    avis = Avis.objects.get(canal="telephone")
    assert (avis.satisfaction, avis.comprehension, avis.autonome) == ("medium", 5, True)


def test_tablette_au_guichet_revient_au_debut(site, contexte):
    from sun.qualite.satisfaction.parcours import jeton_borne
    from tests.relation.factories import ServiceFactory

    ServiceFactory(code="mds-avis", nom="Maison des solidarités de Quillan")
    adresse = f"{site}/avis/borne/{jeton_borne(service='mds-avis')}/"
    page = contexte(**TABLETTE).new_page()
    axe = Axe()
    page.goto(adresse)
    bouton = page.get_by_role("button", name="Pas bien")
    assert bouton.bounding_box()["height"] >= 88  # a big target for a finger
    expect(page.get_by_role("navigation", name="Navigation principale")).to_be_hidden()
    _verifier(page, axe, "Tablette, étape 1", 1024)
    bouton.click()
    page.get_by_role("button", name="Passer cette question").click()
    page.get_by_role("button", name="Je n'ai pas eu besoin d'aide").click()
    page.get_by_label("Souhaitez-vous nous en dire plus ?").fill("Attente trop longue.")
    page.get_by_role("button", name="Envoyer mon avis").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Merci beaucoup !")
    _verifier(page, axe, "Tablette, merci", 1024)
    # No tap: the page goes back to the first question by itself, for the next person.
    expect(page).to_have_url(adresse)
    expect(page.get_by_role("button", name="Très bien")).to_be_visible()
    assert "Attente trop longue" not in page.content()
    page.go_back()
    page.wait_for_load_state()
    assert "Attente trop longue" not in page.content()


def test_pages_de_l_espace_a_360_pixels(site, contexte):
    """Results (tables, SVG), texts and moderation, tablet set-up, import: no axe-core
    violation, no sideways scrolling on a phone."""
    from datetime import UTC, datetime

    from sun.comptes.roles import Role
    from sun.qualite.models import Avis
    from tests.comptes.factories import MOT_DE_PASSE, UtilisateurFactory
    from tests.relation.factories import DemarcheFactory

    apa = DemarcheFactory(slug="apa-espace", titre="APA à domicile")
    for mois in range(1, 8):
        for n in range(6):
            Avis.objects.create(
                recu_le=datetime(2024, mois, 3 + n, 10, tzinfo=UTC), emplacement="demarche",
                demarche=apa, service=apa.service, satisfaction=["good", "medium", "bad"][n % 3],
                comprehension=1 + n % 5, contact_tried=["guichet"], autonome=False,
                contact_reached={"guichet": n % 2 == 0}, canal="en_ligne",
                verbatim="Accueil rapide." if n == 0 else "", moderation="a_lire" if n == 0 else "",
            )  # fmt: skip
    UtilisateurFactory(username="agent-avis", roles=[Role.AGENT])
    page = contexte(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
    page.goto(site + "/se-connecter/")
    page.fill("#id_username", "agent-avis")
    page.fill("#id_password", MOT_DE_PASSE)
    page.click("button[type=submit]")
    page.wait_for_url("**/espace/")
    axe = Axe()
    for chemin in ["/espace/qualite/avis/", "/espace/qualite/avis/textes/",
                   "/espace/qualite/avis/tablette/", "/espace/qualite/avis/importer/"]:  # fmt: skip
        assert page.goto(site + chemin).ok, chemin
        expect(page.locator("h1")).to_be_visible()
        _verifier(page, axe, chemin)
    page.goto(site + "/espace/qualite/avis/textes/")
    expect(page.get_by_role("heading", name="À modérer (7)")).to_be_visible()
    page.get_by_role("button", name="Accepter l'avis du 3 janvier").click()
    expect(page.get_by_role("heading", name="À modérer (6)")).to_be_visible()
    assert Avis.objects.get(verbatim="Accueil rapide.", recu_le__month=1).moderation == "accepte"
