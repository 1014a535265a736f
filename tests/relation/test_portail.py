"""The public portal of démarches: search (accents, case, word prefixes), filters, the page of
one démarche per regime, the help link and the desks first in the help search."""

from datetime import timedelta

import pytest
from django.urls import reverse

from sun.relation.catalogue import queries, textes
from sun.relation.models import Demarche
from tests.outils import texte
from tests.relation.factories import DemarcheFactory

pytestmark = pytest.mark.django_db

SERVICE_AIDE = "Aide aux démarches administratives"


@pytest.fixture
def catalogue():
    apa = DemarcheFactory(
        slug="apa", titre="Demander l'aide à l'autonomie (APA)", theme="autonomie",
        publics=["personnes-agees"], resume="Une aide pour rester chez soi. Le service vient.",
        canaux=[{"type": "en_ligne", "outil": "demarches_simplifiees",
                 "url": "https://www.demarches-simplifiees.fr/commencer/apa-aude"},
                {"type": "telephone", "telephone": "0468116811",
                 "horaires": "du lundi au vendredi, 9 h à 12 h"}],
    )  # fmt: skip
    pch = DemarcheFactory(
        slug="pch", titre="Prestation de compensation du handicap", theme="handicap",
        publics=["personnes-handicapees"], regime="svr", delai_valeur=4,
        resume="Une aide pour les dépenses liées au handicap.",
        canaux=[{"type": "courrier", "adresse": "MDPH, 11000 Carcassonne"}],
    )  # fmt: skip
    cachee = DemarcheFactory(slug="cachee", titre="Aide cachée à l'autonomie", publiee=False)
    return apa, pch, cachee


def _titres(reponse) -> str:
    return texte(reponse).split('id="resultats-titre"')[1]


def test_recherche_sans_accents_ni_casse_par_debut_de_mot(client, catalogue):
    page = _titres(client.get("/demarches/", {"q": "Aide a l'AUTONOMIE"}))
    assert "Demander l'aide à l'autonomie (APA)" in page
    assert "Prestation de compensation" not in page
    assert "Aide cachée" not in page  # not published
    assert "1 démarche pour votre recherche" in page
    # word prefixes, every word must match, thème and publics count
    assert [d.slug for d in queries.portail("handi")] == ["pch"]
    assert [d.slug for d in queries.portail("personnes agées")] == ["apa"]
    assert list(queries.portail("autonomie handicap")) == []
    assert list(queries.portail("tonomie")) == []  # not a word prefix


def test_filtres_public_theme_canal(client, catalogue):
    assert [d.slug for d in queries.portail(publics=["personnes-handicapees"])] == ["pch"]
    assert [d.slug for d in queries.portail(themes=["autonomie"])] == ["apa"]
    assert [d.slug for d in queries.portail(canaux=["courrier"])] == ["pch"]
    assert [d.slug for d in queries.portail(canaux=["courrier", "telephone"])] == ["apa", "pch"]
    page = _titres(client.get("/demarches/", {"canal": "telephone", "theme": "autonomie"}))
    assert "l'autonomie (APA)" in page and "Prestation" not in page
    # an unknown choice is said and left out, the rest of the search still applies
    reponse = client.get("/demarches/", {"theme": "inconnu", "q": "prestation"})
    assert "n'est pas un choix proposé" in texte(reponse)
    assert "Prestation de compensation" in _titres(reponse)


def test_liste_montre_resume_canaux_et_a_verifier(client, catalogue):
    page = texte(client.get("/demarches/"))
    assert "Une aide pour rester chez soi." in page
    assert "Le service vient." not in page  # one line only
    assert '<span class="etiquette">En ligne</span>' in page
    assert "à vérifier par le service" in page
    assert 'href="/demarches/apa/"' in page
    # the filters list only what the published démarches use
    assert "Personnes âgées" in page and "Associations" not in page


def test_page_sva(client, catalogue):
    page = texte(client.get("/demarches/apa/"))
    assert "Sans réponse au bout de deux mois, votre demande est acceptée." in page
    assert "https://www.demarches-simplifiees.fr/commencer/apa-aude" in page
    assert "Démarches Simplifiées" in page
    assert "du lundi au vendredi, 9 h à 12 h" in page
    assert "Direction n°" in page and "04 68 11 68 11" in page
    assert "mis à jour le" in page
    aide = reverse("trouver") + "?services=Aide+aux+d%C3%A9marches+administratives&amp;demarche=apa"
    assert aide in reponse_brute(client, "/demarches/apa/")
    assert "Pas encore assez de demandes terminées" in page


def reponse_brute(client, url) -> str:
    return client.get(url).content.decode()


def test_page_svr_et_sans_regime(client, catalogue):
    page = texte(client.get("/demarches/pch/"))
    assert "Sans réponse au bout de quatre mois, votre demande est refusée." in page
    assert "contester ce refus" in page
    DemarcheFactory(slug="sub", titre="Subvention", regime="aucun")
    assert "Le service vous répondra par écrit." in texte(client.get("/demarches/sub/"))
    assert client.get("/demarches/cachee/").status_code == 404
    assert client.get("/demarches/inconnue/").status_code == 404


def test_textes_des_regimes():
    assert textes.sans_reponse("sva", 3, "mois")[0] == (
        "Sans réponse au bout de trois mois, votre demande est acceptée."
    )
    assert textes.sans_reponse("svr", 15, "jours")[0] == (
        "Sans réponse au bout de 15 jours, votre demande est refusée."
    )
    assert textes.sans_reponse("sva", 1, "semaines")[0].startswith("Sans réponse au bout d'une")
    assert textes.sans_reponse("aucun", 2, "mois") == ["Le service vous répondra par écrit."]
    assert textes.jours(0) == "moins d'un jour" and textes.jours(1) == "1 jour"


def test_delai_observe_sur_la_page(client, catalogue):
    # The page reads « today » (the server's day): requests closed yesterday.
    from django.utils import timezone

    from sun.relation.registre.services import changer_statut
    from tests.relation.factories import demande

    apa = catalogue[0]
    today = timezone.localdate()
    for jours in (3, 5, 8, 10, 20, 30):
        d = demande(apa, recue_le=today - timedelta(days=jours + 1), aujourd_hui=today)
        changer_statut(d, "en_instruction", aujourd_hui=today)
        changer_statut(d, "accepte", le=today - timedelta(days=1), aujourd_hui=today)
    page = texte(client.get("/demarches/apa/"))
    assert "Dans la plupart des cas :" in page
    assert "6 demandes terminées" in page


def test_aide_pres_de_chez_moi_montre_les_guichets_d_abord(client, catalogue):
    from tests.inclusion.factories import LieuFactory

    guichet = LieuFactory(nom="Maison départementale des solidarités de Limoux",
                          latitude=43.05, longitude=2.22, services=[SERVICE_AIDE])  # fmt: skip
    loin = LieuFactory(nom="Antenne de Narbonne", latitude=43.18, longitude=3.0)
    d = DemarcheFactory(slug="asp", titre="Aide sociale à l'hébergement",
                        canaux=[{"type": "guichet", "adresse": "1 rue X"}])  # fmt: skip
    d.canaux.get().lieux.set([guichet, loin])
    page = texte(client.get("/demarches/asp/"))
    assert "Maison départementale des solidarités de Limoux" in page
    sans_position = texte(client.get("/trouver/", {"services": SERVICE_AIDE, "demarche": "asp"}))
    assert "Guichets où faire cette démarche" in sans_position
    assert sans_position.index("Antenne de Narbonne") < sans_position.index("Maison dép")
    assert 'name="demarche" value="asp"' in sans_position
    # with a position: nearest first, with the distance
    pres = guichets_autour(d.slug, 43.05, 2.2)
    assert [t.lieu.nom for t in pres] == [guichet.nom, loin.nom]
    assert pres[0].distance_km < 2
    # an unknown démarche: the usual page only
    assert "Guichets où faire" not in texte(client.get("/trouver/", {"demarche": "nimporte"}))


def guichets_autour(slug, lat, lon):
    return queries.guichets_pour_recherche(slug, lat, lon, departement="11")


def test_page_en_cache_pour_les_anonymes(client, catalogue, django_assert_max_num_queries):
    client.get("/demarches/")
    with django_assert_max_num_queries(3):  # the version tokens only
        reponse = client.get("/demarches/")
    assert reponse.status_code == 200 and reponse.has_header("ETag")
    Demarche.objects.filter(slug="apa").update(titre="Nouveau titre")  # bulk: no signal
    apa = Demarche.objects.get(slug="apa")
    apa.save()
    assert "Nouveau titre" in texte(client.get("/demarches/"))


def test_menu_plan_du_site_et_sitemap(client, catalogue):
    assert 'href="/demarches/"' in reponse_brute(client, "/")
    assert 'href="/demarches/"' in reponse_brute(client, "/plan-du-site/")
    plan = reponse_brute(client, "/sitemap.xml")
    assert "/demarches/apa/" in plan and "/demarches/cachee/" not in plan


def test_methodes(client, catalogue):
    assert client.post("/demarches/").status_code == 405
    assert client.post("/demarches/apa/").status_code == 405
    assert client.put("/suivi/").status_code == 405
