"""The deadline engine against the worked examples of the notes (CRPA, quantième rule), and
properties on every date."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sun.relation.delais import (
    Pieces,
    Regime,
    ajouter_delai,
    ajouter_mois,
    dans_les_temps,
    echeance,
)

SVA2, SVR2 = Regime("sva", 2, "mois"), Regime("svr", 2, "mois")


@pytest.mark.parametrize(("recue", "expiration", "reclamable"), [
    (date(2023, 5, 15), date(2023, 7, 15), date(2023, 7, 16)),  # Saturday: not moved
    (date(2025, 2, 1), date(2025, 4, 1), date(2025, 4, 2)),
    (date(2023, 7, 31), date(2023, 9, 30), date(2023, 10, 1)),  # clamped
    (date(2023, 8, 31), date(2023, 10, 31), date(2023, 11, 1)),
    (date(2022, 12, 30), date(2023, 2, 28), date(2023, 3, 1)),  # no 30 February
    (date(2022, 12, 31), date(2023, 2, 28), date(2023, 3, 1)),
    (date(2023, 12, 29), date(2024, 2, 29), date(2024, 3, 1)),  # leap year
    (date(2024, 1, 10), date(2024, 3, 10), date(2024, 3, 11)),  # Sunday: not moved
])  # fmt: skip
@pytest.mark.parametrize("regime", [SVA2, SVR2])
def test_exemples_des_notes(recue, expiration, reclamable, regime):
    e = echeance(regime, recue)
    assert (e.expiration, e.reclamable_le) == (expiration, reclamable)


def test_vagneux_demande_du_1er_fevrier():
    """« demande le 1er février → décision le 1er avril à minuit, réclamable le 2 avril »."""
    assert echeance(SVA2, date(2025, 2, 1)).reclamable_le == date(2025, 4, 2)


def test_pieces_sva_le_delai_repart_de_leur_reception():
    """Receipt 10 Jan 2024, pieces asked 20 Jan, received 5 Feb: SVA → 5 Apr, claimable 6 Apr."""
    e = echeance(SVA2, date(2024, 1, 10), [Pieces(date(2024, 1, 20), date(2024, 2, 5))])
    assert (e.expiration, e.reclamable_le) == (date(2024, 4, 5), date(2024, 4, 6))


def test_pieces_svr_le_delai_est_suspendu():
    """Same case under SVR: 10 Mar 2024 + 16 suspended days → 26 Mar."""
    e = echeance(SVR2, date(2024, 1, 10), [Pieces(date(2024, 1, 20), date(2024, 2, 5))])
    assert (e.expiration, e.jours_suspendus) == (date(2024, 3, 26), 16)


def test_pieces_attendues_pas_de_date():
    e = echeance(SVA2, date(2024, 1, 10), [Pieces(date(2024, 1, 20))])
    assert e.expiration is None and e.suspendue


def test_svr_suspendu_pendant_le_delai_laisse():
    """L114-5: the SVR clock is suspended during the time given to send the pieces; sending
    them earlier ends the suspension; pieces still awaited suspend it to the end of that time."""
    demandees, avant = date(2024, 1, 20), date(2024, 2, 20)  # 31 days given
    attendues = echeance(SVR2, date(2024, 1, 10), [Pieces(demandees, None, avant)])
    assert (attendues.expiration, attendues.jours_suspendus) == (date(2024, 4, 10), 31)
    tot = echeance(SVR2, date(2024, 1, 10), [Pieces(demandees, date(2024, 2, 5), avant)])
    assert tot.expiration == date(2024, 3, 26)  # the notes' worked example
    tard = echeance(SVR2, date(2024, 1, 10), [Pieces(demandees, date(2024, 3, 1), avant)])
    assert tard.expiration == date(2024, 4, 10)  # suspension ended with the time given
    # SVA: no date while awaited, whatever the time given.
    assert echeance(SVA2, date(2024, 1, 10), [Pieces(demandees, None, avant)]).expiration is None


def test_delai_laisse_avant_la_demande_refuse():
    with pytest.raises(ValueError, match="finit avant leur demande"):
        echeance(SVR2, date(2024, 1, 10), [Pieces(date(2024, 1, 20), None, date(2024, 1, 19))])


def test_deux_demandes_de_pieces():
    pieces = [
        Pieces(date(2024, 1, 20), date(2024, 2, 5)),
        Pieces(date(2024, 2, 10), date(2024, 2, 12)),
    ]
    assert echeance(SVA2, date(2024, 1, 10), pieces).expiration == date(2024, 4, 12)
    assert echeance(SVR2, date(2024, 1, 10), pieces).expiration == date(2024, 3, 28)


def test_pieces_avant_leur_demande_refusees():
    with pytest.raises(ValueError, match="avant d'avoir été demandées"):
        echeance(SVA2, date(2024, 1, 10), [Pieces(date(2024, 1, 20), date(2024, 1, 19))])


def test_hors_regime():
    assert echeance(Regime("aucun"), date(2024, 1, 10)).expiration is None


def test_jours_et_semaines():
    assert echeance(Regime("sva", 15, "jours"), date(2024, 12, 29)).expiration == date(2025, 1, 13)
    assert echeance(Regime("svr", 4, "semaines"), date(2024, 2, 1)).expiration == date(2024, 2, 29)


@pytest.mark.parametrize(("recue", "mois", "attendu"), [
    (date(2024, 12, 31), 2, date(2025, 2, 28)),
    (date(2023, 12, 29), 2, date(2024, 2, 29)),
    (date(2023, 12, 30), 2, date(2024, 2, 29)),
    (date(2023, 12, 31), 2, date(2024, 2, 29)),
    (date(2024, 12, 29), 2, date(2025, 2, 28)),
    (date(2024, 8, 31), 4, date(2024, 12, 31)),
    (date(2024, 10, 31), 4, date(2025, 2, 28)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
    (date(2024, 2, 29), 48, date(2028, 2, 29)),
])  # fmt: skip
def test_fins_de_mois(recue, mois, attendu):
    assert ajouter_mois(recue, mois) == attendu


JOURS = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@given(JOURS, st.integers(min_value=1, max_value=36))
def test_quantieme_a_quantieme(d, n):
    """Same day of the month when it exists, else the last day of that month; never in the
    month after."""
    fin = ajouter_mois(d, n)
    assert (fin.year * 12 + fin.month) - (d.year * 12 + d.month) == n
    lendemain = fin + timedelta(days=1)
    assert fin.day == d.day or (fin.day < d.day and lendemain.month != fin.month)


@given(JOURS, JOURS, st.integers(min_value=1, max_value=24))
def test_monotone(a, b, n):
    if a <= b:
        assert ajouter_mois(a, n) <= ajouter_mois(b, n)


@given(
    JOURS,
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=1, max_value=60),
)
def test_pieces_ne_raccourcissent_jamais_le_delai(recue, apres, duree, donne):
    demandees = recue + timedelta(days=apres)
    avant = demandees + timedelta(days=donne)
    pieces = [Pieces(demandees, demandees + timedelta(days=duree), avant)]
    for regime in (SVA2, SVR2):
        assert echeance(regime, recue, pieces).expiration >= echeance(regime, recue).expiration
    # SVR: never suspended beyond the time given, nor beyond the arrival.
    assert echeance(SVR2, recue, pieces).jours_suspendus == min(duree, donne)


@given(JOURS, st.integers(min_value=1, max_value=400))
def test_jours(d, n):
    assert ajouter_delai(d, n, "jours") == d + timedelta(days=n)


def test_dans_les_temps():
    assert dans_les_temps(date(2024, 3, 10), date(2024, 3, 10), date(2024, 1, 10), None) is True
    assert dans_les_temps(date(2024, 3, 11), date(2024, 3, 10), date(2024, 1, 10), None) is False
    assert dans_les_temps(None, date(2024, 3, 10), date(2024, 1, 10), None) is None
    assert dans_les_temps(date(2024, 1, 20), None, date(2024, 1, 10), 10) is True
    assert dans_les_temps(date(2024, 1, 21), None, date(2024, 1, 10), 10) is False
    assert dans_les_temps(date(2024, 1, 21), None, date(2024, 1, 10), None) is None
