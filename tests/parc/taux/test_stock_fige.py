"""Freezing B (the 1 January snapshot): once 1 January has passed, once only; a later edit does
not move a past rate; the daily job freezes the current year once."""

from datetime import date

import pytest

from sun.parc.cycle_vie import RefusCycleVie
from sun.parc.models import StockReforme
from sun.parc.taux import reemploi
from sun.parc.taux.services import figer_si_besoin, figer_stock
from tests.parc.taux.outils import lot

pytestmark = pytest.mark.django_db


def test_figer_garde_b_malgre_une_correction_ulterieure(utilisateur_avec_role):
    gardes = lot(3, reforme=date(2024, 6, 1))
    lot(2, reforme=date(2024, 6, 1), demonstration=True)
    stock = figer_stock(2025, utilisateur_avec_role(), jour=date(2025, 1, 2))
    assert (stock.nombre, sorted(stock.equipements)) == (3, sorted(e.pk for e in gardes))
    lot(4, reforme=date(2024, 7, 1))  # entered late, dated before 1 January
    t = reemploi.taux_annee(2025)
    assert (t.b, t.b_calcule, t.fige_differe) == (3, 7, True)
    assert "figé le" in t.etat_du_stock
    assert reemploi.liste_b(2025, t.fige).count() == 3


def test_figer_refuse_avant_le_1er_janvier_et_deux_fois():
    with pytest.raises(RefusCycleVie, match="qu'à partir de ce jour"):
        figer_stock(2026, jour=date(2025, 12, 31))
    figer_stock(2026, jour=date(2026, 1, 1))
    with pytest.raises(RefusCycleVie, match="déjà figé"):
        figer_stock(2026, jour=date(2026, 2, 1))
    assert StockReforme.objects.count() == 1


def test_la_tache_quotidienne_fige_l_annee_en_cours_une_fois():
    assert "rien à figer" in figer_si_besoin(date(2026, 1, 1))
    lot(2, reforme=date(2025, 10, 1))
    assert figer_si_besoin(date(2026, 1, 1)) == (
        "Stock réformé au 1er janvier 2026 figé : 2 équipement(s)."
    )
    lot(1, reforme=date(2025, 11, 1))
    assert "déjà figé" in figer_si_besoin(date(2026, 1, 2))
    assert StockReforme.objects.get(annee=2026).nombre == 2
