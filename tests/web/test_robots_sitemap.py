"""Found by those who look for it: robots.txt, sitemap.xml, links to open data and FNE."""

import re

import pytest

from sun.inclusion.demo.lieux import creer_lieux_demo
from sun.inclusion.lieux.services import fermer_lieu, importer_lieux
from sun.inclusion.models import Lieu
from sun.territoire.models import EPCI, Commune
from tests.inclusion.outils import ecrire_csv, lieu_v1
from tests.outils import texte

pytestmark = pytest.mark.django_db


def test_robots_txt_ecarte_l_espace_agents_et_donne_le_plan(client):
    reponse = client.get("/robots.txt")
    assert reponse.status_code == 200 and reponse["Content-Type"].startswith("text/plain")
    lignes = reponse.content.decode().splitlines()
    assert lignes[0] == "User-agent: *"
    for interdit in ("/espace/", "/admin/", "/se-connecter/", "/trouver/?"):
        assert f"Disallow: {interdit}" in lignes
    assert "Disallow: /" not in lignes  # the public site stays open
    assert "Sitemap: http://testserver/sitemap.xml" in lignes


def test_sitemap_xml_pages_communes_epci_et_lieux_publics(client, tmp_path):
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", [
        lieu_v1(), lieu_v1(id="ferme", pivot="22110001600099", nom="Lieu fermé", latitude="43.25"),
    ]), "Source test")  # fmt: skip
    fermer_lieu(Lieu.objects.get(nom="Lieu fermé"), commentaire="test")
    creer_lieux_demo("11")
    reponse = client.get("/sitemap.xml")
    assert reponse.status_code == 200 and "xml" in reponse["Content-Type"]
    adresses = re.findall(r"<loc>http://testserver([^<]+)</loc>", reponse.content.decode())
    for page in ("/", "/trouver/", "/carte-des-lieux/", "/communes/", "/carte/", "/avancement/",
                 "/france-numerique-ensemble/", "/donnees/", "/plan-du-site/",
                 "/mentions-legales/", "/accessibilite/"):  # fmt: skip
        assert page in adresses, page
    communes = {a for a in adresses if a.startswith("/communes/") and a != "/communes/"}
    assert communes == {f"/communes/{c}/" for c in Commune.objects.filter(departement__code="11")
                        .values_list("code_insee", flat=True)}  # fmt: skip
    assert len(communes) == 433 and "/communes/75056/" not in adresses
    epci = {a for a in adresses if a.startswith("/epci/")}
    assert epci and epci == {f"/epci/{e}/" for e in EPCI.objects.filter(departements__code="11")
                             .values_list("code_siren", flat=True)}  # fmt: skip
    lieux = [a for a in adresses if a.startswith("/lieux/")]
    # The real open place only: neither the closed one nor the demonstration places.
    assert lieux == [f"/lieux/{Lieu.objects.get(nom='Médiathèque de Lézignan').pk}/"]
    assert "<lastmod>2024-05-02</lastmod>" in reponse.content.decode()
    assert not [a for a in adresses if a.startswith(("/espace", "/se-connecter", "/admin", "/api"))]


def test_donnees_ouvertes_et_france_numerique_ensemble_liees_du_pied_de_page_et_de_l_accueil(
    client,
):
    for chemin in ("/", "/mentions-legales/", "/carte/"):
        pied = texte(client.get(chemin)).split('class="pied"')[1]
        assert 'href="/donnees/"' in pied and 'href="/france-numerique-ensemble/"' in pied
    accueil = texte(client.get("/")).split('class="pied"')[0]
    assert 'href="/donnees/"' in accueil and 'href="/france-numerique-ensemble/"' in accueil
    # The former open-data page now leads to the catalogue, which keeps the places' exports.
    page = texte(client.get("/donnees-ouvertes/", follow=True))
    for export in ("lieux-de-mediation-numerique.csv", "lieux-de-mediation-numerique.json",
                   "lieux-de-mediation-numerique.geojson", "data-inclusion/structures.json",
                   "data-inclusion/services.json"):  # fmt: skip
        assert f'href="/lieux/export/{export}"' in page, export


def test_trouver_de_l_aide_dans_le_plan_du_site(client):
    plan = texte(client.get("/plan-du-site/"))
    assert "Trouver de l'aide numérique près de chez moi</a>" in plan
    for lien in ("/trouver/", "/carte-des-lieux/", "/donnees/"):
        assert f'href="{lien}"' in plan, lien
