"""The observed processing time, computed as Démarches Simplifiées computes its estimate."""

from datetime import date, timedelta

import pytest

from sun.relation.catalogue.delai_observe import centile, delais_observes, figures
from sun.relation.registre.services import changer_statut
from tests.relation.factories import DemarcheFactory, demande

AUJOURD_HUI = date(2024, 6, 1)


def test_centile_comme_ds():
    # DS lib/core_ext/array.rb: linear interpolation between closest ranks.
    assert centile([], 90) == 0
    assert centile([7], 90) == 7
    assert centile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) == pytest.approx(9.1)
    assert centile([10, 1], 100) == 10
    assert centile([0, 10], 50) == 5


def test_trois_tranches_et_arrondi_au_jour_superieur():
    # 9 durations → slices of 3: [1,2,3] [4,5,6] [7,8,30]
    assert figures([30, 1, 2, 3, 4, 5, 6, 7, 8]) == (3, 6, 26)  # 8 + 0.8 × 22 = 25.6 → 26
    # 5 durations → slices of 2: [1,2] [3,4] [5]
    assert figures([5, 4, 3, 2, 1]) == (2, 4, 5)
    assert figures([1, 2]) is None
    assert figures([1, 2, 3, 4]) is None  # DS: each_slice(2) gives 2 slices, no estimate


def _close(demarche, recue_le, decidee_le, **autres):
    d = demande(demarche, recue_le=recue_le, aujourd_hui=AUJOURD_HUI, **autres)
    changer_statut(d, "en_instruction", aujourd_hui=AUJOURD_HUI)
    return changer_statut(d, "accepte", le=decidee_le, aujourd_hui=AUJOURD_HUI)


@pytest.mark.django_db
def test_delais_observes_30_jours_masque_sous_5_sans_demonstration():
    a, b = DemarcheFactory(), DemarcheFactory()
    for duree in (2, 4, 6, 8, 10):
        _close(a, AUJOURD_HUI - timedelta(days=duree + 1), AUJOURD_HUI - timedelta(days=1))
    # outside the 30 days, still open, demonstration: never counted
    _close(a, date(2024, 3, 1), AUJOURD_HUI - timedelta(days=31))
    demande(a, recue_le=date(2024, 5, 1), aujourd_hui=AUJOURD_HUI)
    _close(a, date(2024, 5, 1), AUJOURD_HUI, demonstration=True)
    # b: 4 requests only, masked
    for duree in (1, 2, 3, 4):
        _close(b, AUJOURD_HUI - timedelta(days=duree), AUJOURD_HUI)
    resultat = delais_observes([a.pk, b.pk], AUJOURD_HUI)
    assert set(resultat) == {a.pk}
    r = resultat[a.pk]
    assert (r.rapide, r.habituel, r.long) == (4, 8, 10)  # [2,4] [6,8] [10]: p90 3.8, 7.8, 10
    assert r.nombre == 5
    assert (r.du, r.au) == (date(2024, 5, 2), AUJOURD_HUI)
    # a request closed exactly 30 days ago counts (DS: now − 30 days .. now)
    _close(b, date(2024, 4, 20), date(2024, 5, 2))
    assert delais_observes([b.pk], AUJOURD_HUI)[b.pk].nombre == 5
