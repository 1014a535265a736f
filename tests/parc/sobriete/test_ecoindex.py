"""The Ecoindex reimplemented from the published method: the five check rows of the notes
(computed with ecoindex 5.10.0), the quantile position, the grade limits."""

import pytest

from sun.parc.sobriete import ecoindex

# (DOM elements, kB, requests, score, grade, g CO2e, cl of water): NOTES-parc.md §8.
CONTROLES = [
    (693, 2420, 78, 44, "D", 2.12, 3.18),
    (600, 1024, 40, 61, "C", 1.78, 2.67),
    (300, 150, 15, 82, "A", 1.36, 2.04),
    (100, 300, 10, 89, "A", 1.22, 1.83),
    (2500, 8000, 250, 6, "G", 2.88, 4.32),
]


@pytest.mark.parametrize(("dom", "ko", "requetes", "score", "note", "ges", "eau"), CONTROLES)
def test_les_cinq_lignes_de_controle(dom, ko, requetes, score, note, ges, eau):
    resultat = ecoindex.calculer(dom, requetes, ko)
    assert resultat == ecoindex.Resultat(score, note, ges, eau)


def test_position_dans_les_quantiles():
    q = ecoindex.QUANTILES_DOM
    assert ecoindex.position(0, q) == 0
    assert ecoindex.position(47, q) == 1  # exactly on a quantile: the start of its interval
    assert ecoindex.position(61, q) == pytest.approx(1.5)  # halfway between 47 and 75
    assert ecoindex.position(594601, q) == 20
    assert ecoindex.position(10**7, q) == 20
    assert ecoindex.position(-3, q) == 0


def test_tables_de_21_quantiles_croissants():
    for table in (ecoindex.QUANTILES_DOM, ecoindex.QUANTILES_REQUETES, ecoindex.QUANTILES_POIDS_KO):
        assert len(table) == 21
        assert list(table) == sorted(set(table))


@pytest.mark.parametrize(
    ("score", "note"),
    [(100, "A"), (81, "A"), (80, "B"), (71, "B"), (70, "C"), (56, "C"), (55, "D"), (41, "D"),
     (40, "E"), (26, "E"), (25, "F"), (11, "F"), (10, "G"), (0, "G")],
)  # fmt: skip
def test_notes_aux_limites_strictes(score, note):
    assert ecoindex.note(score) == note


def test_page_vide_et_page_enorme():
    assert ecoindex.calculer(0, 0, 0).score == 100
    assert ecoindex.calculer(10**6, 10**4, 10**6) == ecoindex.Resultat(0, "G", 3.0, 4.5)


def test_budget_a_donne_la_note_a():
    b = ecoindex.BUDGET_A
    assert ecoindex.calculer(b["elements_dom"], b["requetes"], b["poids_ko"]).note == "A"
