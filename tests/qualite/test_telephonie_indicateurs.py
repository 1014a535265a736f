"""The telephone indicators of the steering module, département and service levels: the
pick-up rate, the calls received and the median wait over 12 months or a chosen period,
demonstration calls left out and named in the note, nothing under 5 calls."""

from datetime import date, datetime

import pytest

from sun.core.indicators import Niveau, Periode, PeriodeNonCalculee, obtenir
from sun.qualite.models import Issue
from tests.qualite.factories import PARIS, FileAttenteFactory, appels
from tests.relation.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def files():
    autonomie = FileAttenteFactory(code="APA", service=ServiceFactory(code="autonomie"))
    insertion = FileAttenteFactory(code="RSA", service=ServiceFactory(code="insertion"))
    appels(autonomie, 8, datetime(2024, 3, 4, 9, 0, tzinfo=PARIS), attente_s=20)
    appels(autonomie, 2, datetime(2024, 3, 4, 9, 0, tzinfo=PARIS), issue=Issue.ABANDON_ATTENTE,
           attente_s=40)  # fmt: skip
    appels(insertion, 6, datetime(2024, 6, 3, 9, 0, tzinfo=PARIS), attente_s=100)
    appels(insertion, 3, datetime(2024, 6, 3, 9, 0, tzinfo=PARIS), demonstration=True)
    # More than a year before the latest call: only in a period that covers it.
    appels(autonomie, 5, datetime(2023, 2, 1, 9, 0, tzinfo=PARIS), attente_s=300)
    return autonomie, insertion


def test_indicateurs(files):
    recus = obtenir("qualite.appels_recus")
    v = recus.calculer(Niveau.DEPARTEMENT, "11")
    assert v.valeur == 16 and v.date.isoformat() == "2024-06-03"
    assert "3 appels de démonstration" in v.note
    assert recus.calculer(Niveau.SERVICE, "autonomie").valeur == 10
    attente = obtenir("qualite.attente_mediane")
    assert attente.calculer(Niveau.SERVICE, "autonomie").valeur == 20
    assert attente.calculer(Niveau.SERVICE, "insertion").valeur == 100
    assert attente.calculer(Niveau.DEPARTEMENT, "11").valeur == 20  # 8 × 20 s, 6 × 100 s
    taux = obtenir("qualite.taux_decroche")
    assert taux.calculer(Niveau.SERVICE, "autonomie").valeur == 80.0  # 8 of 10, March 2024


def test_sur_une_periode(files):
    taux = obtenir("qualite.taux_decroche")
    annee_2023 = taux.calculer(Niveau.SERVICE, "autonomie", Periode.annee(2023))
    assert annee_2023.valeur == 100.0 and annee_2023.date == date(2023, 2, 1)
    deux_ans = Periode(date(2023, 1, 1), date(2024, 12, 31))
    assert taux.calculer(Niveau.SERVICE, "autonomie", deux_ans).valeur == round(100 * 13 / 15, 1)
    assert taux.calculer(Niveau.SERVICE, "autonomie", Periode.annee(2022)).valeur is None
    recus = obtenir("qualite.appels_recus").calculer(Niveau.DEPARTEMENT, "11", deux_ans)
    assert recus.valeur == 21 and "3 appels de démonstration" in recus.note
    assert str(Periode.annee(2024)) == "année 2024"
    assert str(Periode.annee(2026, jusqu_au=date(2026, 3, 4))) == "du 01/01/2026 au 04/03/2026"
    with pytest.raises(PeriodeNonCalculee, match="pas calculé sur une période"):
        obtenir("territoire.population").calculer(Niveau.DEPARTEMENT, "11", deux_ans)


def test_moins_de_cinq():
    f = FileAttenteFactory(code="PETITE", service=ServiceFactory(code="petit"))
    assert obtenir("qualite.appels_recus").calculer(Niveau.SERVICE, "petit").valeur is None
    appels(f, 4, datetime(2024, 3, 4, 9, 0, tzinfo=PARIS))
    for code in ("qualite.appels_recus", "qualite.attente_mediane", "qualite.taux_decroche"):
        v = obtenir(code).calculer(Niveau.SERVICE, "petit")
        assert v.valeur is None and "Moins de 5" in v.note
