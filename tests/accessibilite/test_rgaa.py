"""The RGAA rules as pure functions: criteria of the shipped file, rate, state, due date."""

from datetime import date
from decimal import Decimal

from sun.accessibilite import rgaa
from sun.accessibilite.rgaa import Etat


def test_criteres_du_fichier_officiel():
    themes = rgaa.themes()
    assert len(themes) == 13
    assert sum(len(t.criteres) for t in themes) == rgaa.NOMBRE_CRITERES == 106
    assert [len(t.criteres) for t in themes] == [9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12]
    assert rgaa.numeros()[0] == "1.1" and rgaa.numeros()[-1] == "13.12"
    premier = themes[0].criteres[0]
    assert premier.titre.startswith("Chaque image porteuse d’information a-t-elle une alternative")
    assert "](" not in "".join(c.titre for t in themes for c in t.criteres)


def test_taux_et_etat():
    assert rgaa.taux(37, 51) == Decimal("72.55")
    assert rgaa.taux(0, 0) is None
    assert rgaa.chiffres_de_la_grille({"1.1": "C", "1.2": "NC", "1.3": "NA"}) == (1, 2)
    assert rgaa.etat(Decimal(100), True) == Etat.TOTAL
    assert rgaa.etat(Decimal("99.99"), True) == Etat.PARTIEL
    assert rgaa.etat(Decimal(50), True) == Etat.PARTIEL
    assert rgaa.etat(Decimal("49.99"), True) == Etat.NON
    assert rgaa.etat(Decimal(100), False) == Etat.NON  # no valid audit
    assert rgaa.etat(None, True) == Etat.NON


def test_echeance():
    assert rgaa.echeance(None, "RGAA 4.1.2") is None
    assert rgaa.echeance(date(2024, 5, 2), "RGAA 4.1.2") == date(2027, 5, 2)
    assert rgaa.echeance(date(2024, 2, 29), "RGAA 4.1.2") == date(2027, 2, 28)
    # Established with RGAA 4.1: 18 months after RGAA 4.1.2 (18 April 2023) at the latest.
    assert rgaa.echeance(date(2022, 3, 15), "RGAA 4.1") == date(2024, 10, 18)
    assert rgaa.echeance(date(2021, 6, 1), "RGAA 4.1") == date(2024, 6, 1)
    assert rgaa.echeance(date(2023, 9, 1), "RGAA 4.1") == date(2024, 10, 18)
    # A redesign after the declaration ends it.
    assert rgaa.echeance(date(2024, 5, 2), "RGAA 4.1.2", date(2025, 1, 10)) == date(2025, 1, 10)
    assert rgaa.echeance(date(2024, 5, 2), "RGAA 4.1.2", date(2024, 1, 10)) == date(2027, 5, 2)
