"""Content-Security-Policy and Permissions-Policy on every kind of response."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/", "/trouver/", "/communes/?q=limoux", "/donnees-personnelles/", "/admin/login/",
         "/se-connecter/", "/api/communes?q=limoux", "/api/docs", "/api/openapi.json",
         "/page-qui-n-existe-pas/"]  # fmt: skip


def _directives(entete: str) -> dict[str, list[str]]:
    directives = {}
    for morceau in entete.split(";"):
        nom, *valeurs = morceau.split()
        directives[nom] = valeurs
    return directives


@pytest.mark.parametrize("chemin", PAGES)
def test_politique_de_securite_du_contenu(client, chemin):
    reponse = client.get(chemin)
    d = _directives(reponse["Content-Security-Policy"])
    assert d["default-src"] == ["'self'"]
    assert d["script-src"] == ["'self'"]  # no inline script, no eval, no other host
    assert d["style-src"] == ["'self'", "'unsafe-inline'"]
    assert d["img-src"] == ["'self'", "data:"]  # no basemap configured
    assert d["connect-src"] == ["'self'"]
    assert d["object-src"] == ["'none'"] and d["frame-ancestors"] == ["'none'"]
    assert d["form-action"] == ["'self'"] and d["base-uri"] == ["'self'"]


@pytest.mark.parametrize("chemin", PAGES)
def test_politique_de_permissions(client, chemin):
    politique = client.get(chemin)["Permissions-Policy"]
    fonctions = dict(f.split("=") for f in politique.split(", "))
    attendue = "(self)" if chemin == "/trouver/" else "()"
    assert fonctions["geolocation"] == attendue
    for refusee in ("camera", "microphone", "payment", "usb", "accelerometer"):
        assert fonctions[refusee] == "()"


def test_aucun_script_en_ligne_dans_les_gabarits():
    """script-src 'self' holds only while every <script> has a src (JSON data blocks aside)."""
    import re
    from pathlib import Path

    import sun

    racine = Path(sun.__file__).parent
    fautifs = []
    for gabarit in racine.rglob("*.html"):
        contenu = gabarit.read_text()
        for balise in re.findall(r"<script\b[^>]*>", contenu):
            if "src=" not in balise and "application/json" not in balise:
                fautifs.append(f"{gabarit.relative_to(racine)}: {balise}")
        fautifs += [f"{gabarit.relative_to(racine)}: {m}"
                    for m in re.findall(r"\son[a-z]+=\"", contenu)]  # fmt: skip
        if "javascript:" in contenu:
            fautifs.append(f"{gabarit.relative_to(racine)}: javascript:")
    assert fautifs == []


def test_tuiles_du_fond_de_carte_autorisees(client, settings):
    """With SUN_CARTE_TUILES_URL, its host (only) joins img-src, as soon as it is set."""
    assert "geopf" not in client.get("/")["Content-Security-Policy"]
    settings.SUN_CARTE_TUILES_URL = (
        "https://data.geopf.fr/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}"
    )
    politique = client.get("/trouver/")["Content-Security-Policy"]
    directive = next(d.strip() for d in politique.split(";") if d.strip().startswith("img-src"))
    assert directive == "img-src 'self' data: https://data.geopf.fr"


def test_refus_csrf_en_francais_dans_le_site():
    from django.test import Client

    reponse = Client(enforce_csrf_checks=True).post("/se-connecter/", {"username": "x"})
    page = reponse.content.decode()
    assert reponse.status_code == 403 and "Le formulaire a expiré" in page and "Retour" in page
