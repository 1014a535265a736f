"""Pivots: SIRET, SIREN (kept, as the standard allows) and RNA, checked and reported."""

import pytest

from sun.inclusion.lieux.normalisation import Signalements, luhn, pivot


@pytest.mark.parametrize(
    ("brut", "attendu", "alerte"),
    [
        ("732 829 320 00074", "73282932000074", False),  # a valid SIRET, spaced
        ("732829320", "732829320", False),  # a SIREN: kept (all the hub-lo SIRENs were lost)
        ("73282932000075", "73282932000075", True),  # wrong key: kept and reported
        ("732829321", "732829321", True),
        ("W751212517", "W751212517", False),  # RNA
        ("73282932000074.0", "73282932000074", False),  # through a spreadsheet
        ("0.0", "", False),
        ("12345", "", False),  # neither: dropped and reported
    ],
)
def test_pivots(brut, attendu, alerte):
    s = Signalements()
    assert pivot(brut, s) == attendu
    assert any("invalide" in x.raison for x in s.liste) is alerte


def test_luhn():
    assert luhn("732829320") and luhn("73282932000074") and not luhn("73282932000075")
