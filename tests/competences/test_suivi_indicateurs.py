"""The training indicators: masked under 5 people, demonstration sessions never counted."""

import pytest

from sun.competences import referentiel
from sun.competences.models import Personne
from sun.competences.services import retirer_consentement
from sun.core.indicators import Niveau, TerritoireInconnu, obtenir
from tests.competences.fabriques_suivi import presents, session_de_l_annee
from tests.competences.factories import DirectionFactory, InscriptionFactory

pytestmark = pytest.mark.django_db
DEP = (Niveau.DEPARTEMENT, "11")
CODES_PERSONNES = ["competences.agents_formes", "competences.heures_formation",
                   *[f"competences.formes_{t}" for t, _ in referentiel.THEMES]]  # fmt: skip


def _v(code, niveau=Niveau.DEPARTEMENT, territoire="11"):
    return obtenir(code).calculer(niveau, territoire)


def test_tous_les_indicateurs_declares():
    for code in [*CODES_PERSONNES, "competences.elus_formes", "competences.satisfaction_formations",
                 "competences.part_elus_formes"]:  # fmt: skip
        assert obtenir(code).source


def test_moins_de_5_masque_et_note():
    presents(4, theme="ia")
    for code in ["competences.agents_formes", "competences.heures_formation",
                 "competences.formes_ia"]:  # fmt: skip
        v = _v(code)
        assert v.valeur is None, code
        assert "Moins de 5" in v.note
    assert _v("competences.formes_cybersecurite").valeur == 0


def test_5_et_plus_affiche():
    presents(5, theme="ia", satisfaction=3)
    assert _v("competences.agents_formes").valeur == 5
    assert _v("competences.formes_ia").valeur == 5
    assert _v("competences.heures_formation").valeur == 35
    assert _v("competences.satisfaction_formations").valeur == 3


def test_la_demonstration_ne_compte_dans_aucun_indicateur():
    presents(6, theme="ia", satisfaction=4, demonstration=True)
    presents(6, categorie="elu", theme="ia", demonstration=True)
    for code in [*CODES_PERSONNES, "competences.elus_formes"]:
        v = _v(code)
        assert v.valeur == 0, code
        if code.endswith(("agents_formes", "elus_formes", "formes_ia")):
            assert "démonstration" in v.note
    assert _v("competences.satisfaction_formations").valeur is None


def test_absents_et_annulees_non_comptes():
    session = presents(5)
    InscriptionFactory(session=session, statut="absent")
    presents(5, annulee=True)
    assert _v("competences.agents_formes").valeur == 5


def test_satisfaction_masquee_sous_5_reponses():
    session = presents(4, satisfaction=4)
    presents(3, session=session)
    v = _v("competences.satisfaction_formations")
    assert v.valeur is None and "réponses" in v.note


def test_par_direction():
    d, autre = DirectionFactory(code="routes"), DirectionFactory(code="culture")
    presents(5, direction=d)
    presents(2, direction=autre)
    assert _v("competences.agents_formes", Niveau.DIRECTION, "routes").valeur == 5
    assert _v("competences.agents_formes", Niveau.DIRECTION, "culture").valeur is None
    with pytest.raises(TerritoireInconnu):
        _v("competences.agents_formes", Niveau.DIRECTION, "inconnue")


def test_elus_formes_et_part_avec_une_ligne_anonyme():
    session = session_de_l_annee(publics=["elus"])
    presents(5, session=session, categorie="elu")
    presents(3, categorie="elu", session=session_de_l_annee(), demonstration=False)
    assert _v("competences.elus_formes").valeur == 8
    assert _v("competences.part_elus_formes").valeur == 100.0
    retirer_consentement(Personne.objects.elus().first())
    assert _v("competences.elus_formes").valeur == 8  # the anonymous line still counts
    assert _v("competences.agents_formes").valeur == 0
