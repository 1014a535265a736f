"""In a real browser: results first on a phone, maps that orient (groups, a raster basemap from
a local tile server, a small map that covers nothing), the public map of places."""

import math
import struct
import threading
import zlib
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.navigateur

TELEPHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}
CARTES_DESSINEES = """() => [...document.querySelectorAll(
    'figure.carte[data-geojson], figure.carte[data-points]')].every(
    (figure) => figure.querySelector('.carte__dessin').childNodes.length > 0)"""


def _png() -> bytes:
    """A 256-pixel square tile, pale blue."""

    def bloc(type_, donnees):
        return (struct.pack(">I", len(donnees)) + type_ + donnees
                + struct.pack(">I", zlib.crc32(type_ + donnees) & 0xFFFFFFFF))  # fmt: skip

    lignes = b"".join(b"\x00" + b"\xd8\xe6\xf0" * 256 for _ in range(256))
    return (b"\x89PNG\r\n\x1a\n" + bloc(b"IHDR", struct.pack(">IIBBBBB", 256, 256, 8, 2, 0, 0, 0))
            + bloc(b"IDAT", zlib.compress(lignes)) + bloc(b"IEND", b""))  # fmt: skip


class ServeurDeTuiles(BaseHTTPRequestHandler):
    demandes: list[str] = []
    tuile = _png()

    def do_GET(self):
        ServeurDeTuiles.demandes.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.tuile)))
        self.end_headers()
        self.wfile.write(self.tuile)

    def log_message(self, *args):
        pass


@pytest.fixture
def tuiles(settings):
    serveur = HTTPServer(("127.0.0.1", 0), ServeurDeTuiles)
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    ServeurDeTuiles.demandes = []
    settings.SUN_CARTE_TUILES_URL = (
        f"http://127.0.0.1:{serveur.server_port}/plan/{{z}}/{{x}}/{{y}}.png"
    )
    settings.SUN_CARTE_TUILES_ATTRIBUTION = "© Serveur de tuiles d'essai"
    yield ServeurDeTuiles.demandes
    serveur.shutdown()


def _tuile(lat: float, lon: float, z: int) -> tuple[int, int]:
    n = 2**z
    phi = math.radians(lat)
    return int((lon + 180) / 360 * n), int((1 - math.asinh(math.tan(phi)) / math.pi) / 2 * n)


def _ouvrir(page, url):
    page.goto(url)
    page.wait_for_function(CARTES_DESSINEES)


def test_sur_telephone_les_resultats_viennent_en_premier(site_demo, contexte):
    page = contexte(**TELEPHONE).new_page()
    page.goto(site_demo + "/")
    page.fill("#ou-accueil", "Carcassonne")
    page.click("form.recherche button[type=submit]")
    page.wait_for_url("**/trouver/?ou=Carcassonne#resultats")
    premier = page.locator(".lieu-resume").first
    expect(premier).to_be_in_viewport()
    # Without the fragment too, the first result is on the first screen.
    page.goto(
        site_demo
        + "/trouver/?ou=Carcassonne&ouvert=&services=Aide+aux+d%C3%A9marches+administratives"
    )
    haut = page.evaluate(
        "document.querySelector('.lieu-resume').getBoundingClientRect().top + scrollY"
    )
    assert haut < 740, f"premier résultat à {haut}px"
    expect(page.locator("#ou")).to_be_hidden()
    expect(page.locator(".resume-recherche__criteres")).to_contain_text("Aide aux démarches")
    page.get_by_text("Modifier la recherche").click()
    expect(page.locator("#ou")).to_be_visible()
    expect(page.locator("#ou")).to_have_value("Carcassonne")


def test_modifier_la_recherche_sans_javascript(site_demo, contexte):
    page = contexte(java_script_enabled=False, **TELEPHONE).new_page()
    page.goto(site_demo + "/trouver/?ou=Limoux&rayon=20")
    expect(page.locator("#ou")).to_be_hidden()
    page.get_by_text("Modifier la recherche").click()
    page.fill("#ou", "Quillan")
    page.click("#recherche-lieux button[type=submit]")
    page.wait_for_url("**/trouver/?ou=Quillan*")
    expect(page.locator("h2#resultats-titre")).to_contain_text("Quillan")


def test_un_repere_de_groupe_mene_au_premier_de_ses_lieux(site_demo, page):
    _ouvrir(page, site_demo + "/trouver/?ou=Limoux&rayon=5")
    groupe = page.locator(".carte__dessin svg .point--groupe").first
    numeros = groupe.get_attribute("data-numeros").split(",")
    assert len(numeros) >= 2
    libelle = groupe.locator("text").text_content()
    assert libelle in (
        ", ".join(numeros),
        f"{numeros[0]}–{numeros[-1]}",
        f"{numeros[0]}, {numeros[1]}…",
    )
    groupe.click()
    expect(page.locator(f"#lieu-{numeros[0]} h3 a")).to_be_focused()


def test_la_petite_carte_ne_couvre_pas_le_formulaire_de_signalement(site_demo, page):
    from sun.inclusion.models import Lieu

    lieu = Lieu.objects.filter(code_insee="11206").order_by("nom").first()
    _ouvrir(page, f"{site_demo}/lieux/{lieu.pk}/")
    for cible in ("#signaler fieldset", "#id_message", "#signaler button[type=submit]"):
        page.locator(cible).scroll_into_view_if_needed()
        carte = page.locator(".carte--petite").bounding_box()
        champ = page.locator(cible).bounding_box()
        dessus = not (carte["y"] + carte["height"] <= champ["y"] or champ["y"] + champ["height"] <= carte["y"]
                      or carte["x"] + carte["width"] <= champ["x"] or champ["x"] + champ["width"] <= carte["x"])  # fmt: skip
        assert not dessus, f"la carte couvre {cible}"


def test_fond_de_carte_depuis_un_serveur_de_tuiles_local(site_demo, page, tuiles):
    _ouvrir(page, site_demo + "/trouver/?ou=Limoux&rayon=5")
    images = page.locator(".carte__dessin svg image")
    expect(images.first).to_be_attached()
    expect(page.locator(".carte__attribution")).to_have_text(
        "Fond de carte : © Serveur de tuiles d'essai"
    )
    page.wait_for_load_state("networkidle")
    assert len(tuiles) == images.count() and len(tuiles) <= 30
    z = int(tuiles[0].split("/")[2])
    assert 10 <= z <= 18  # a town and its surroundings
    x, y = _tuile(43.0546, 2.2187, z)  # Limoux
    assert f"/plan/{z}/{x}/{y}.png" in tuiles
    # The same map is drawn under the commune outline, without hiding it.
    assert page.locator(".carte__dessin svg path").count() == 1


def test_carte_des_lieux_axe_et_telephone(site_demo, contexte):
    page = contexte(**TELEPHONE).new_page()
    from sun.inclusion.models import Lieu

    lieu = Lieu.objects.filter(code_insee="11206").order_by("nom").first()
    axe = Axe()
    for chemin in ("/carte-des-lieux/", "/trouver/?ou=Limoux&rayon=5",
                   "/trouver/?ou=Carcassonne&rayon=2&ouvert=maintenant&jour=dimanche",
        "/trouver/?ou=11300",  # « Laquelle ? » and its 29 communes
                   f"/lieux/{lieu.pk}/"):  # fmt: skip
        _ouvrir(page, site_demo + chemin)
        largeur = page.evaluate("document.documentElement.scrollWidth")
        assert largeur <= 360, f"{chemin} déborde : {largeur}px"
        resultat = axe.run(page)
        assert not resultat.response["violations"], chemin + " : " + resultat.generate_report()
    _ouvrir(page, site_demo + "/carte-des-lieux/")
    total = page.locator("#table-lieux tbody tr").count()
    assert total == Lieu.objects.filter(code_insee__startswith="11", latitude__isnull=False).count()
    numeros = page.locator(".carte__dessin svg .point[data-numeros]").evaluate_all(
        "(gs) => gs.flatMap((g) => g.dataset.numeros.split(',').map(Number))"
    )
    assert sorted(numeros) == list(range(1, total + 1))
