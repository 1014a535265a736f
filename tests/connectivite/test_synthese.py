"""The set-based gathering of a commune's connectivity and its aggregation."""

from datetime import date

import pytest

from sun.connectivite.cuivre import Phase, expliquer
from sun.connectivite.synthese import agreger, rassembler
from tests.connectivite import factories as f

pytestmark = pytest.mark.django_db


def test_rassembler_une_commune_complete():
    f.commune_complete("11011")
    c = rassembler(["11011", "11022"])
    aragon, azille = c["11011"], c["11022"]
    assert aragon.locaux == 1000 and aragon.part_fibre == 80.0
    assert aragon.meilleure_technologie.startswith("Fibre")
    assert aragon.sans_thd_filaire == 50
    assert aragon.serie[0] == (date(2017, 12, 31), 100) and len(aragon.serie) == 9
    assert aragon.cuivre.lot == "3" and len(aragon.mobile) == 4
    assert azille.locaux is None and azille.part_fibre is None and azille.cuivre is None


def test_le_fichier_cuivre_le_plus_recent_l_emporte_et_l_historique_reste():
    f.cuivre("11011", date_fc=date(2026, 1, 31), date_edition=date(2024, 1, 10))
    f.cuivre("11011", date_fc=date(2027, 1, 31), date_edition=date(2025, 3, 31),
             genre="cuivre_gouv")  # fmt: skip
    c = rassembler(["11011"])["11011"]
    assert c.cuivre.date_fc == date(2027, 1, 31)
    assert [h.date_fc for h in c.historique_cuivre] == [date(2027, 1, 31), date(2026, 1, 31)]


def test_agreger_additionne_les_locaux_et_les_series():
    f.fixe("11011", nbr=100, ftth=50, cu_30=40, sat=10)
    f.fixe("11022", nbr=300, ftth=270, cu_30=20, sat=10)
    f.serie("11011", [(date(2024, 12, 31), 40), (date(2025, 12, 31), 50)], locaux_estimes=100)
    c = rassembler(["11011", "11022"])
    total = agreger(list(c.values()))
    assert total.locaux == 400 and total.part_fibre == 80.0
    assert total.serie == [(date(2024, 12, 31), 40), (date(2025, 12, 31), 50)]


def test_nombre_de_requetes_independant_du_nombre_de_communes(django_assert_max_num_queries):
    for code in ("11011", "11022", "11023"):
        f.commune_complete(code)
    with django_assert_max_num_queries(12):
        rassembler(["11011", "11022", "11023", "11063"])


@pytest.mark.parametrize(
    ("jour", "phase"),
    [(date(2025, 6, 1), Phase.AVANT_FC), (date(2026, 6, 1), Phase.FC_PASSEE),
     (date(2027, 6, 1), Phase.FT_PASSEE)],
)  # fmt: skip
def test_explication_du_cuivre_selon_le_jour(jour, phase):
    calendrier = f.cuivre("11011")
    explication = expliquer(calendrier, jour)
    assert explication.phase == phase
    if phase == Phase.AVANT_FC:
        assert explication.jours_avant_prochaine == (date(2026, 1, 31) - jour).days


def test_sans_calendrier():
    assert expliquer(None, date(2026, 1, 1)).phase == Phase.SANS_CALENDRIER
