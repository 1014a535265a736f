"""The catalogue's public pages: search and filters, drafts hidden, the stable address, the
dated file with its checksum, a withdrawn dataset (410), the old open-data page, and the
number of queries of the list."""

import hashlib

import pytest
from django.urls import reverse

from sun.donnees.catalogue import services
from sun.donnees.models import StatutJeu
from tests.donnees import fabriques_catalogue
from tests.donnees.fabriques_catalogue import (
    CSV_SIMPLE,
    jeu_avec_version,
    jeu_publie,
)
from tests.outils import texte

pytestmark = pytest.mark.django_db

# Fixtures shared by the catalogue's tests.
administrateur = fabriques_catalogue.administrateur
agent = fabriques_catalogue.agent
stockage = fabriques_catalogue.stockage


@pytest.fixture
def catalogue(agent, stockage):
    subv = jeu_publie(agent, stockage, titre="Subventions aux associations",
                      themes=["solidarites"], mots_cles=["subventions", "Associations"])  # fmt: skip
    equip = jeu_publie(agent, stockage, titre="Équipements sportifs", themes=["sports"],
                       mots_cles=["équipements"],
                       description="Les gymnases, stades et piscines du département.")  # fmt: skip
    brouillon = jeu_avec_version(agent, stockage, titre="Brouillon secret")
    return {"subv": subv, "equip": equip, "brouillon": brouillon}


def _titres(reponse) -> list[str]:
    page = texte(reponse)
    return [t for t in ("Subventions aux associations", "Équipements sportifs",
                        "Brouillon secret") if t in page]  # fmt: skip


def test_liste_recherche_et_filtres(client, catalogue):
    url = reverse("donnees_catalogue")
    assert _titres(client.get(url)) == ["Subventions aux associations", "Équipements sportifs"]
    # Accent- and case-insensitive search over title, description and keywords.
    assert _titres(client.get(url, {"q": "EQUIPEMENTS"})) == ["Équipements sportifs"]
    assert _titres(client.get(url, {"q": "piscines"})) == ["Équipements sportifs"]
    assert _titres(client.get(url, {"theme": "solidarites"})) == ["Subventions aux associations"]
    assert _titres(client.get(url, {"mot_cle": "associations"})) == [
        "Subventions aux associations"]  # fmt: skip
    assert _titres(client.get(url, {"q": "secret"})) == []
    page = texte(client.get(url))
    assert "Sports (1)" in page and "Action sociale, solidarités (1)" in page
    assert 'href="/lieux/export/lieux-de-mediation-numerique.csv"' in page
    assert "Licence Ouverte 2.0" in page


def test_liste_en_peu_de_requetes(client, agent, stockage, catalogue,
                                  django_assert_max_num_queries):  # fmt: skip
    for n in range(5):
        jeu_publie(agent, stockage, titre=f"Jeu supplémentaire {n}")
    with django_assert_max_num_queries(8):
        assert client.get(reverse("donnees_catalogue")).status_code == 200


def test_brouillon_jamais_public(client, catalogue):
    jeu, ressource, version = catalogue["brouillon"]
    services.publier_version_deposee(version, par=jeu.cree_par)
    assert client.get(reverse("donnees_jeu", args=[jeu.slug])).status_code == 404
    assert client.get(reverse("donnees_ressource", args=[ressource.uuid])).status_code == 404
    assert client.get(reverse("donnees_version", args=[ressource.uuid, 1])).status_code == 404
    assert client.get(reverse("donnees_version_rapport",
                              args=[ressource.uuid, 1])).status_code == 404  # fmt: skip


def test_page_du_jeu(client, catalogue):
    jeu, ressource, version = catalogue["subv"]
    page = texte(client.get(reverse("donnees_jeu", args=[jeu.slug])))
    for attendu in ("Subventions aux associations", "donnees@example.org", "Annuelle",
                    version.sha256, "Réutiliser ces données", "Sans schéma déclaré",
                    f'href="/donnees/r/{ressource.uuid}"', f'/donnees/r/{ressource.uuid}/1"',
                    "Qualité des métadonnées", "11 (Aude)"):  # fmt: skip
        assert attendu in page, attendu


def test_adresse_stable_puis_fichier_date(client, agent, stockage, catalogue):
    _jeu, ressource, v1 = catalogue["subv"]
    reponse = client.get(reverse("donnees_ressource", args=[ressource.uuid]))
    assert reponse.status_code == 302
    assert reponse["Location"] == f"/donnees/r/{ressource.uuid}/1"
    fichier = client.get(reponse["Location"])
    contenu = b"".join(fichier.streaming_content)
    assert fichier.status_code == 200 and contenu == CSV_SIMPLE
    assert hashlib.sha256(contenu).hexdigest() == v1.sha256
    assert fichier["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="a.csv"' in fichier["Content-Disposition"]
    etag = fichier["ETag"]
    assert client.get(reponse["Location"], HTTP_IF_NONE_MATCH=etag).status_code == 304
    # A new published version: the stable address follows, the dated one stays.
    from tests.donnees.fabriques_catalogue import fichier as envoi

    v2 = services.deposer_fichier(ressource, envoi(stockage, "b.csv", b"code\n1\n"),
                                  nom_fichier="b.csv", par=agent)  # fmt: skip
    assert client.get(reverse("donnees_ressource", args=[ressource.uuid]))["Location"].endswith(
        "/1"
    )  # not published yet
    services.publier_version_deposee(v2, par=agent)
    assert client.get(reverse("donnees_ressource", args=[ressource.uuid]))["Location"].endswith(
        "/2")  # fmt: skip
    assert b"".join(client.get(f"/donnees/r/{ressource.uuid}/1").streaming_content) == CSV_SIMPLE
    assert client.get(f"/donnees/r/{ressource.uuid}/3").status_code == 404


def test_rapport_public_de_la_version(client, catalogue):
    _jeu, ressource, version = catalogue["subv"]
    page = texte(client.get(reverse("donnees_version_rapport", args=[ressource.uuid, 1])))
    assert 'class="rapport-validation"' in page and version.sha256 in page


def test_ressource_sans_version_publiee_404_en_francais(client, agent, catalogue):
    jeu, _, _ = catalogue["subv"]
    vide = services.ajouter_ressource(jeu, titre="À venir", format="csv", par=agent)
    reponse = client.get(reverse("donnees_ressource", args=[vide.uuid]))
    assert reponse.status_code == 404 and "Aucun fichier publié" in texte(reponse)


def test_jeu_retire_410_et_fichiers_dates_gardes(client, agent, catalogue):
    jeu, ressource, _version = catalogue["subv"]
    services.retirer_jeu(jeu, par=agent)
    jeu.refresh_from_db()
    assert jeu.statut == StatutJeu.RETIRE
    reponse = client.get(reverse("donnees_ressource", args=[ressource.uuid]))
    assert reponse.status_code == 410 and "Jeu de données retiré" in texte(reponse)
    page = client.get(reverse("donnees_jeu", args=[jeu.slug]))
    assert page.status_code == 200 and "a été retiré du catalogue" in texte(page)
    fichier = client.get(reverse("donnees_version", args=[ressource.uuid, 1]))
    assert fichier.status_code == 200
    assert _titres(client.get(reverse("donnees_catalogue"))) == ["Équipements sportifs"]


def test_ancienne_page_des_donnees_ouvertes_redirige(client):
    reponse = client.get("/donnees-ouvertes/")
    assert reponse.status_code == 301 and reponse["Location"] == "/donnees/"
