"""In a real browser: axe-core finds no violation, pages stay within their budget, the keyboard
is enough, and a 360-pixel-wide phone needs no horizontal scrolling."""

import json
import os
from datetime import date
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.navigateur

# Pages and their budget (requests, kilobytes transferred excluding map geometry).
PAGES = {
    "Accueil": "/",
    "Recherche de communes": "/communes/?q=saint",
    "Commune (Carcassonne)": "/communes/11069/",
    "Commune sans lieu (Fontanès-de-Sault)": "/communes/11147/",
    "Intercommunalité": "/epci/{epci}/",
    "Carte du département": "/carte/",
    "Mentions légales": "/mentions-legales/",
    "Données personnelles": "/donnees-personnelles/",
    "Déclaration d'accessibilité": "/accessibilite/",
    "Plan du site": "/plan-du-site/",
    "Code source": "/code-source/",
    "Connexion": "/se-connecter/",
    "Mot de passe oublié": "/mot-de-passe-oublie/",
    "Mot de passe oublié : lien périmé": "/mot-de-passe-oublie/MQ/lien-perime/",
    "Espace agents (connecté)": "/espace/",
    "Changer mon mot de passe": "/espace/mot-de-passe/",
    "Registre des lieux": "/espace/lieux/",
    "Fiche d'un lieu (espace)": "/espace/lieux/{lieu}/",
    "Modifier un lieu": "/espace/lieux/{lieu}/modifier/",
    "Importer des lieux": "/espace/lieux/importer/",
    "Journal des imports": "/espace/imports/",
    "Doublons à examiner": "/espace/lieux/doublons/",
    "Page introuvable": "/communes/99999/",
    "Trouver de l'aide (20 résultats)": "/trouver/?ou=Carcassonne&rayon=100",
    "Fiche publique d'un lieu": "/lieux/{lieu}/",
    "Erreurs signalées": "/espace/lieux/signalements/",
    "Orientation : questionnaire": "/espace/orientation/",
    "Orientation : lieux proposés": "/espace/orientation/{orientation}/",
    "Orientation : fiche à imprimer": "/espace/orientation/{orientation}/fiche/",
    "Statistiques des orientations": "/espace/orientation/statistiques/",
    "Pilotage : tableau de bord": "/espace/pilotage/",
    "Pilotage : action": "/espace/pilotage/actions/{action}/",
    "Pilotage : indicateur": "/espace/pilotage/indicateurs/{indicateur}/",
    "Avancement du schéma (public)": "/avancement/",
    "France Numérique Ensemble (public)": "/france-numerique-ensemble/",
    "Carte des lieux d'aide (public)": "/carte-des-lieux/",
    "Réseau : annuaire": "/espace/reseau/?programme=conseillers_numeriques",
    "Réseau : fiche d'un médiateur": "/espace/reseau/{mediateur}/",
    "Réseau : modifier une fiche": "/espace/reseau/{mediateur}/modifier/",
    "Réseau : structures employeuses": "/espace/reseau/structures/",
    "Réseau : nouvelle structure": "/espace/reseau/structures/nouvelle/",
    "Activités": "/espace/activites/",
    "Activités : saisie rapide": "/espace/activites/nouvelle/",
    "Activités : import": "/espace/activites/importer/",
    "Activités : statistiques": "/espace/activites/statistiques/",
    "Couverture": "/espace/couverture/?service=Aide+aux+d%C3%A9marches+administratives&km=10",
    "Où ouvrir une permanence ?": "/espace/couverture/implantation/?nombre=3&km=10&ponderation=fragilite",
    "Importer l'indice de fragilité": "/espace/couverture/fragilite/importer/",
}
# Budgets: (requests, kilobytes transferred, map data counted or not).
BUDGETS = {
    "Accueil": (20, 250, False),
    "Commune (Carcassonne)": (20, 250, False),
    "Intercommunalité": (20, 250, False),
    "Trouver de l'aide (20 résultats)": (30, 300, True),
    "Fiche publique d'un lieu": (30, 300, True),
    "Orientation : fiche à imprimer": (30, 300, True),
    "France Numérique Ensemble (public)": (20, 250, False),
    "Activités : saisie rapide": (20, 250, False),
    "Activités : statistiques": (20, 300, False),
}
AUDIT = Path(__file__).resolve().parents[2] / "src/sun/web/audit_accessibilite.json"
# True once every map that a script draws (from a fetched layer or from points) is drawn, or
# shows its fallback message: until then the page is still changing.
CARTES_DESSINEES = """() => [...document.querySelectorAll(
    'figure.carte[data-geojson], figure.carte[data-points]')].every(
    (figure) => figure.querySelector('.carte__dessin').childNodes.length > 0)"""


def _ouvrir(page, url: str) -> None:
    """Open a page and wait until its scripts have finished drawing it."""
    page.goto(url)
    page.wait_for_function(CARTES_DESSINEES)


def _url(site: str, chemin: str) -> str:
    from sun.inclusion.models import Lieu, Mediateur, Orientation
    from sun.pilotage.models import Action, Indicateur
    from sun.territoire.models import Commune

    epci = Commune.objects.get(code_insee="11069").epci.code_siren
    lieu = Lieu.objects.order_by("nom").values_list("pk", flat=True).first()
    orientation = Orientation.objects.values_list("pk", flat=True).first()
    action = Action.objects.filter(code="1.3").values_list("pk", flat=True).first()
    indicateur = (
        Indicateur.objects.filter(code="reemploi-parc").values_list("pk", flat=True).first()
    )
    mediateur = Mediateur.objects.order_by("pk").values_list("pk", flat=True).first()
    return site + chemin.format(
        epci=epci, lieu=lieu, orientation=orientation, action=action, indicateur=indicateur,
        mediateur=mediateur,
    )  # fmt: skip


def test_axe_core_zero_violation_et_budgets(site_demo, page):
    from sun.inclusion.demo.reseau import creer_reseau_demo
    from sun.inclusion.models import Lieu, Orientation
    from sun.pilotage.plan_fichier import charger as charger_plan

    creer_reseau_demo("11")

    proches = [
        str(pk) for pk in Lieu.objects.filter(code_insee="11069").values_list("pk", flat=True)[:3]
    ]
    from sun.inclusion.models import IndiceFragilite

    IndiceFragilite.objects.create(niveau="city", code="11069", nom="Carcassonne", no_thd_coverage_rate=2,
                                   no_4g_coverage_rate=1, poverty_rate=8, older_65_rate=5, nscol15p_rate=6,
                                   total=4.4, source="Indice de fragilité numérique (essai)")  # fmt: skip
    plan = charger_plan(Path(__file__).resolve().parents[2] / "plans" / "aude.yaml").plan
    publique = plan.actions.get(code="7.3")
    publique.publique = True
    publique.save()
    publique.notes.create(date=date(2025, 9, 1), texte="Archives numérisées en ligne")
    publique.budget.create(annee=2025, type="investissement", prevu=40000, reel=38500)
    Orientation.objects.create(niveau="debutant", besoins=["demarche"],
                               services=["Aide aux démarches administratives"],
                               lieux_proposes=proches, lieux_retenus=proches)  # fmt: skip
    axe = Axe()
    mesures: dict[str, list] = {}

    def compter(requete):
        taille = requete.sizes()
        mesures.setdefault("courante", []).append(
            (taille["responseBodySize"] + taille["responseHeadersSize"], "/geo/" in requete.url)
        )

    page.on("requestfinished", compter)
    rapport = []
    moteur = ""
    for nom, chemin in PAGES.items():
        if nom == "Espace agents (connecté)":
            _se_connecter(page, site_demo)
        mesures["courante"] = []
        _ouvrir(page, _url(site_demo, chemin))
        if nom in BUDGETS:
            # The budget counts every request of the page, however late: wait for silence.
            page.wait_for_load_state("networkidle")
        resultat = axe.run(page)
        violations = resultat.response["violations"]
        moteur = resultat.response["testEngine"]["version"]
        assert not violations, f"{nom} : " + resultat.generate_report()
        rapport.append(
            {
                "page": nom,
                "regles_verifiees": len(resultat.response["passes"]) + len(violations),
                "violations": len(violations),
            }
        )
        if nom in BUDGETS:
            requetes, ko, avec_cartes = BUDGETS[nom]
            comptees = [o for o, carte in mesures["courante"] if avec_cartes or not carte]
            assert len(comptees) <= requetes, f"{nom} : {len(comptees)} requêtes"
            assert sum(comptees) <= ko * 1000, f"{nom} : {sum(comptees)} octets"
    if os.environ.get("SUN_ECRIRE_AUDIT"):
        AUDIT.write_text(
            json.dumps(
                {
                    "date": date.today().strftime("%d/%m/%Y"),
                    "outil": f"axe-core {moteur} (axe-playwright-python), toutes règles",
                    "navigateur": "Chromium " + page.context.browser.version,
                    "pages": rapport,
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )


def _tabuler_jusqu_a(page, condition: str, essais: int) -> None:
    """Press Tab until the JavaScript `condition` holds on the focused element."""
    for _ in range(essais):
        page.keyboard.press("Tab")
        if page.evaluate(condition):
            return
    pytest.fail(f"inatteignable au clavier en {essais} tabulations : {condition}")


def _se_connecter(page, site: str) -> None:
    """Sign in as an agent who is also an administrator through the login form, so that the
    agent pages and the administrators' forms are checked too."""
    from sun.comptes.roles import Role
    from tests.comptes.factories import MOT_DE_PASSE, UtilisateurFactory

    UtilisateurFactory(username="agent-axe", roles=[Role.AGENT, Role.ADMINISTRATEUR])
    page.goto(site + "/se-connecter/")
    page.fill("#id_username", "agent-axe")
    page.fill("#id_password", MOT_DE_PASSE)
    page.click("button[type=submit]")
    page.wait_for_url("**/espace/")


def test_carte_dessinee_en_svg_depuis_une_couche_compressee(site, page):
    with page.expect_response(lambda r: "/geo/" in r.url) as couche:
        page.goto(site + "/carte/")
    chemins = page.locator(".carte__dessin svg path")
    expect(chemins).to_have_count(433)
    assert couche.value.headers.get("content-encoding") == "gzip"
    assert "max-age" in couche.value.headers.get("cache-control", "")
    chemins.first.click()
    page.wait_for_url("**/communes/*/")


def test_clavier_seul(site, page):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Aller au contenu")
    page.keyboard.press("Enter")
    expect(page.locator("#contenu")).to_be_focused()
    # Tab to the search field, type, choose a suggestion with the arrows, open it with Enter.
    _tabuler_jusqu_a(page, "document.activeElement.id === 'recherche-commune'", 20)
    champ = page.locator("#recherche-commune")
    # The script asks 200 ms after a key: on a slow machine it may first show the suggestions
    # of « lez », then redraw the list (losing the choice) for the whole word. Wait for those.
    with page.expect_response(lambda r: "/api/communes" in r.url and "q=lezignan" in r.url):
        page.keyboard.type("lezignan")
    expect(page.locator("#suggestion-commune-0")).to_contain_text("Lézignan-Corbières")
    expect(champ).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    expect(champ).to_have_attribute("aria-activedescendant", "suggestion-commune-0")
    page.keyboard.press("Enter")
    page.wait_for_url("**/communes/11203/")
    expect(page.locator("h1")).to_have_text("Lézignan-Corbières")
    # The focus indicator is visible.
    page.keyboard.press("Tab")
    contour = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert contour != "none"


def test_recherche_sans_javascript(site, contexte):
    page = contexte(java_script_enabled=False).new_page()
    page.goto(site + "/")
    page.fill("#recherche-commune", "carcassonne")
    page.press("#recherche-commune", "Enter")
    page.wait_for_url("**/communes/?q=carcassonne")
    expect(page.locator(".resultats")).to_contain_text("Carcassonne")


def test_telephone_360_pixels(site, contexte):
    page = contexte(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
    from sun.inclusion.demo.lieux import creer_lieux_demo
    from sun.inclusion.models import Lieu

    creer_lieux_demo("11")
    from sun.pilotage.plan_fichier import charger as charger_plan

    charger_plan(Path(__file__).resolve().parents[2] / "plans" / "aude.yaml")
    lieu = Lieu.objects.order_by("nom").values_list("pk", flat=True).first()
    for chemin in ("/", "/communes/11069/", "/communes/11147/", "/epci/200035715/", "/carte/",
                   "/trouver/?ou=Carcassonne&rayon=100",
                   f"/lieux/{lieu}/", "/avancement/", "/accessibilite/", "/mentions-legales/",
                   "/donnees-personnelles/", "/donnees/", "/plan-du-site/",
                   "/code-source/", "/mot-de-passe-oublie/"):  # fmt: skip
        _ouvrir(page, site + chemin)  # maps included
        largeur = page.evaluate("document.documentElement.scrollWidth")
        assert largeur <= 360, f"{chemin} déborde : {largeur}px"


def test_trouver_de_l_aide_au_clavier_et_sur_la_carte(site_demo, page):
    page.goto(site_demo + "/trouver/")
    _tabuler_jusqu_a(page, "document.activeElement.id === 'ou'", 15)
    page.keyboard.type("Limoux")
    page.keyboard.press("Enter")
    page.wait_for_url("**/trouver/?ou=Limoux*")
    expect(page.locator("h2#resultats-titre")).to_contain_text("à moins de 10 km de Limoux (11)")
    # The map draws the commune outline and a numbered point per place of the page.
    nombre = page.locator(".liste-lieux > li").count()
    assert nombre > 0
    # (places at one address share one marker, « 1, 2 »: every number is on the map once)
    # The map is drawn once its layer has arrived: wait for its first marker.
    expect(page.locator(".carte__dessin svg .point[data-numeros]").first).to_be_attached()
    numeros = page.locator(".carte__dessin svg .point[data-numeros]").evaluate_all(
        "(gs) => gs.flatMap((g) => g.dataset.numeros.split(',').map(Number))"
    )
    assert sorted(numeros) == list(range(1, nombre + 1))
    # Reach the first result with the keyboard and open it.
    lien = page.locator(".liste-lieux h3 a").first
    titre = lien.inner_text()
    _tabuler_jusqu_a(page, "document.activeElement.closest('.liste-lieux') !== null", 60)
    page.keyboard.press("Enter")
    page.wait_for_url("**/lieux/*/")
    assert page.locator("h1").inner_text().startswith(titre)


def test_autour_de_moi(site_demo, contexte):
    page = contexte(
        permissions=["geolocation"], geolocation={"latitude": 43.0546, "longitude": 2.2187}
    ).new_page()
    page.goto(site_demo + "/trouver/")
    page.click("#autour-de-moi")
    page.wait_for_url("**lat=43.055*")  # rounded to about 100 m before it enters the URL
    expect(page.locator("h2#resultats-titre")).to_contain_text("de votre position")


def test_trouver_sans_javascript(site_demo, contexte):
    page = contexte(java_script_enabled=False).new_page()
    page.goto(site_demo + "/trouver/")
    expect(page.locator("#autour-de-moi")).to_be_hidden()
    page.fill("#ou", "11300")
    page.click("button[type=submit]")
    page.wait_for_url("**/trouver/?ou=11300*")
    page.get_by_role("link", name="Limoux", exact=True).click()  # 11300: which commune?
    page.wait_for_url("**/trouver/?ou=Limoux+11300*")
    assert page.locator(".liste-lieux > li").count() >= 1


def test_saisie_rapide_d_un_atelier(site_demo, page):
    """The quick form shows what concerns the chosen type and place, and records a workshop."""
    from sun.inclusion.models import Activite

    _se_connecter(page, site_demo)
    page.goto(site_demo + "/espace/activites/nouvelle/")
    individuel = page.locator("fieldset[data-pour='individuel']")
    collectif = page.locator("fieldset[data-pour='collectif']")
    expect(individuel).to_be_visible()  # no type chosen yet
    expect(collectif).to_be_visible()
    page.get_by_label("Atelier collectif").check()
    expect(individuel).to_be_hidden()
    expect(collectif).to_be_visible()
    expect(page.locator("#id_duree_minutes")).to_be_hidden()
    page.get_by_label("Autre durée", exact=True).check()
    page.fill("#id_duree_minutes", "75")
    page.get_by_label("Autre lieu").check()
    expect(page.locator("#id_commune")).to_be_visible()
    expect(page.locator("#id_lieu")).to_be_hidden()
    page.fill("#id_commune", "Carcassonne")
    page.get_by_label("Bureautique").check()
    page.fill("#id_participants", "7")
    page.fill("#id_genre_feminin", "4")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_url("**/espace/activites/")
    atelier = Activite.objects.get(source="saisie")
    assert (atelier.accompagnements, atelier.duree, atelier.commune.nom) == (7, 75, "Carcassonne")
    assert (atelier.genre_feminin, atelier.genre_non_communique) == (4, 3)
