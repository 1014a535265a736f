"""Public tracking: the right code with one proof shows the request; a wrong proof, an unknown
code and a malformed code get the same answer after the same queries; POST with CSRF, never
cached, rate-limited."""

import re
from datetime import date

import pytest
from django.test import Client

from sun.relation.registre.services import demander_pieces
from sun.relation.registre.suivi import retrouver
from tests.outils import texte
from tests.relation.factories import DemarcheFactory, demande

pytestmark = pytest.mark.django_db
AUJOURD_HUI = date(2024, 6, 1)


@pytest.fixture
def d():
    return demande(DemarcheFactory(titre="Allocation personnalisée d'autonomie"),
                   recue_le=date(2024, 1, 10), nom="Jeanne Martin-Élie", code_postal="11000")  # fmt: skip


@pytest.mark.parametrize(
    "preuve", ["11000", "11 000", "jeanne martin-elie", " JEANNE  MARTIN-ÉLIE"]
)
def test_bonne_preuve(d, preuve):
    etat = retrouver(d.code_suivi.lower().replace("-", " "), preuve)
    assert etat is not None and etat.code_suivi == d.code_suivi
    assert etat.statut == "Déposée"
    assert etat.date_decision_implicite == date(2024, 3, 10)
    assert etat.reclamable_le == date(2024, 3, 11)


@pytest.mark.parametrize("preuve", ["11001", "Jeanne", "", "x"])
def test_mauvaise_preuve(d, preuve):
    assert retrouver(d.code_suivi, preuve) is None


def test_preuve_vide_chez_l_usager_ne_correspond_jamais():
    sans_cp = demande(code_postal="")
    assert retrouver(sans_cp.code_suivi, "") is None
    assert retrouver(sans_cp.code_suivi, "jeanne martin") is not None


def test_pieces_manquantes_affichees(client, d):
    demander_pieces(d, ["Avis d'imposition 2023"], a_fournir_avant=date(2024, 2, 20),
                    le=date(2024, 1, 20), aujourd_hui=AUJOURD_HUI)  # fmt: skip
    page = texte(client.post("/suivi/", {"code": d.code_suivi, "preuve": "11000"}))
    assert "Incomplète : pièces demandées" in page
    assert "Avis d'imposition 2023" in page and "20 février 2024" in page
    assert "Reçue le" in page and "10 janvier 2024" in page


def _sans_variable(page: str, *codes: str) -> str:
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
    for code in codes:
        page = page.replace(code, "CODE")
    return page


def test_mauvais_code_mauvaise_preuve_inconnu_meme_reponse(client, d, django_assert_num_queries):
    inconnu = "ACDE-FHJK" if d.code_suivi != "ACDE-FHJK" else "ACDE-FHJM"
    reponses = []
    for code, preuve in ((d.code_suivi, "11999"), (inconnu, "11999"), ("0000-0000", "11999")):
        with django_assert_num_queries(2):  # the same queries whatever the case
            assert retrouver(code, preuve) is None
        reponse = client.post("/suivi/", {"code": code, "preuve": preuve})
        assert reponse.status_code == 200
        reponses.append(_sans_variable(texte(reponse), code))
    assert reponses[0] == reponses[1] == reponses[2]
    assert "Nous ne trouvons pas de demande" in reponses[0]
    # the right proof, same queries
    with django_assert_num_queries(2):
        assert retrouver(d.code_suivi, "11000") is not None


def test_post_seulement_jamais_en_cache(client, d):
    page = texte(client.get("/suivi/", {"code": d.code_suivi, "preuve": "11000"}))
    assert "Déposée" not in page  # a GET never looks up
    reponse = client.post("/suivi/", {"code": d.code_suivi, "preuve": "11000"})
    assert "Déposée" in texte(reponse)
    assert "no-store" in reponse["Cache-Control"]


def test_formulaire_incomplet(client):
    reponse = client.post("/suivi/", {"code": "", "preuve": ""})
    assert "Ce champ est obligatoire." in texte(reponse)


def test_csrf_exige(d):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/suivi/", {"code": d.code_suivi, "preuve": "11000"}).status_code == 403


def test_limite_de_debit(client, d, settings):
    settings.SUN_LIMITE_SUIVI = "3/h"
    for _ in range(3):
        assert client.post("/suivi/", {"code": "ACDE-FHJK", "preuve": "11000"}).status_code == 200
    reponse = client.post("/suivi/", {"code": d.code_suivi, "preuve": "11000"})
    assert reponse.status_code == 429 and reponse.has_header("Retry-After")
    assert client.get("/suivi/").status_code == 200  # showing the form is not an attempt
