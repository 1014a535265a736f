"""The aggregated diagnoses: indicators at DEPARTEMENT and DIRECTION (masked under 5 people,
the latest finished diagnosis of each person, drafts and demonstration never counted) and the
page per direction (pilots see only aggregates)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sun.competences import referentiel
from sun.competences.models import Direction
from sun.comptes.roles import Role
from sun.core.indicators import Niveau, obtenir
from tests.competences.factories import DiagnosticFactory, DirectionFactory, PersonneFactory

pytestmark = pytest.mark.django_db
SUIVI = reverse("espace:competences_suivi_diagnostics")
CODES = ["competences.niveau_crcn", "competences.diagnostics_termines",
         *(f"competences.niveau_crcn_{d}" for d in referentiel.DOMAINES)]  # fmt: skip


def _niveaux(n: int, **autres) -> dict:
    return {c.code: n for c in referentiel.COMPETENCES} | autres


def _termine(personne, niveau: int, il_y_a: int = 1, **kw):
    return DiagnosticFactory(personne=personne, reponses=_niveaux(niveau),
                             termine_le=timezone.now() - timedelta(days=il_y_a), **kw)  # fmt: skip


def _valeur(code: str, niveau=Niveau.DEPARTEMENT, territoire="departement"):
    return obtenir(code).calculer(niveau, territoire)


@pytest.fixture
def routes():
    """5 people of the roads direction, each with a finished diagnosis at level 4; one of
    them had an older one at 8 and has a new draft at 0: only the latest finished counts."""
    d = DirectionFactory(code="routes", nom="Direction des routes")
    personnes = [PersonneFactory(direction=d, nom=f"Routier{i}") for i in range(5)]
    for p in personnes:
        _termine(p, 4)
    _termine(personnes[0], 8, il_y_a=100)
    DiagnosticFactory(personne=personnes[0], reponses=_niveaux(0))  # a draft
    return d


def _demo():
    d = DirectionFactory(code="demo-x", nom="Direction de démonstration", demonstration=True)
    for _ in range(6):
        _termine(PersonneFactory(direction=d, demonstration=True), 1, demonstration=True)
    return d


@pytest.mark.parametrize("code", CODES)
def test_declares_aux_deux_niveaux(code):
    assert set(obtenir(code).niveaux) == {Niveau.DEPARTEMENT, Niveau.DIRECTION}


def test_masque_sous_5_personnes():
    d = DirectionFactory(code="culture")
    for _ in range(4):
        _termine(PersonneFactory(direction=d), 5)
    for code in CODES:
        for niveau, territoire in ((Niveau.DEPARTEMENT, "departement"),
                                   (Niveau.DIRECTION, "culture")):  # fmt: skip
            v = _valeur(code, niveau, territoire)
            assert v.valeur is None and "non affiché" in v.note and v.source


def test_rien_encore_masque_avec_une_note():
    v = _valeur("competences.diagnostics_termines")
    assert v.valeur is None and v.note


def test_dernier_diagnostic_termine_brouillon_non_compte(routes):
    assert _valeur("competences.diagnostics_termines").valeur == 5
    assert _valeur("competences.niveau_crcn").valeur == 4
    for d in referentiel.DOMAINES:
        assert _valeur(f"competences.niveau_crcn_{d}").valeur == 4
    v = _valeur("competences.niveau_crcn", Niveau.DIRECTION, "routes")
    assert v.valeur == 4 and v.date == timezone.localdate(timezone.now() - timedelta(days=1))


def test_niveau_par_domaine_distinct(routes):
    p = PersonneFactory(direction=routes)
    DiagnosticFactory(personne=p, reponses=_niveaux(4, **{"5.1": 8, "5.2": 8}),
                      termine_le=timezone.now())  # fmt: skip
    assert _valeur("competences.diagnostics_termines").valeur == 6
    # Domain 5 of the newcomer: 8; mean over 6 people (4×5 + 8) / 6 = 4.7.
    assert _valeur("competences.niveau_crcn_5").valeur == 4.7
    assert _valeur("competences.niveau_crcn_1").valeur == 4


def test_demonstration_jamais_comptee(routes):
    demo = _demo()
    # A real person with a demonstration diagnosis: not counted either.
    _termine(PersonneFactory(direction=routes), 0, demonstration=True)
    v = _valeur("competences.diagnostics_termines")
    assert v.valeur == 5 and "démonstration" in v.note
    assert _valeur("competences.niveau_crcn").valeur == 4
    v = _valeur("competences.diagnostics_termines", Niveau.DIRECTION, demo.code)
    assert v.valeur is None


def test_page_par_direction_pilote_agregats_seulement(client, utilisateur_avec_role, routes):
    DirectionFactory(code="culture", nom="Direction de la culture")
    _termine(PersonneFactory(direction=Direction.objects.get(code="culture")), 2)
    _demo()
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    r = client.get(SUIVI)
    texte = r.content.decode()
    assert r.status_code == 200
    assert "Direction des routes" in texte and "non affiché (moins de 5)" in texte
    assert "Routier0" not in texte  # nobody's name
    assert "DÉMONSTRATION" in texte and "<svg" in texte and "<caption>" in texte
    assert "Source" in texte


@pytest.mark.parametrize("role,statut", [(Role.FORMATION, 200), (Role.ADMINISTRATEUR, 200),
                                         (Role.AGENT, 403), (Role.INFORMATIQUE, 403),
                                         (Role.MEDIATEUR, 403)])  # fmt: skip
def test_page_par_direction_roles(client, utilisateur_avec_role, role, statut):
    client.force_login(utilisateur_avec_role(role))
    assert client.get(SUIVI).status_code == statut


def test_page_par_direction_anonyme(client):
    r = client.get(SUIVI)
    assert r.status_code == 302 and r["Location"].startswith("/se-connecter/")
