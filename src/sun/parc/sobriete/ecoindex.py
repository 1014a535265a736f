"""The Ecoindex of a web page (GreenIT.fr / CNumR method), reimplemented from its published
description: three measured inputs (DOM elements, HTTP requests, transferred kilobytes)
placed among the quantiles of a reference sample of pages, a weighted score out of 100, a
grade from A to G, and the greenhouse gas and water of one page view.

Written from the method and the public quantile figures of ecoindex 5.10.0 (as the project's
notes give them); no code of the `ecoindex-compute` package is used or copied (its licence,
CC BY-NC-ND, forbids distributing modified versions). Pure: no database, no Django."""

from bisect import bisect_right
from dataclasses import dataclass

VERSION_METHODE = "5.10.0"
SOURCE = (
    "Méthode Ecoindex de GreenIT.fr (Collectif Conception numérique responsable), quantiles "
    f"de la version {VERSION_METHODE} tels que publiés"
)

# 21 quantiles of each input over the reference sample (ecoindex 5.10.0).
QUANTILES_DOM = (
    0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459,
    1801, 2479, 594601,
)  # fmt: skip
QUANTILES_REQUETES = (
    0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920,
)  # fmt: skip
QUANTILES_POIDS_KO = (
    0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27,
    1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26,
)  # fmt: skip
# Weights of the inputs in the score.
POIDS_DOM, POIDS_REQUETES, POIDS_TAILLE = 3, 2, 1
# Lowest score (strictly above) of each grade; below the last one: G.
NOTES = (("A", 80), ("B", 70), ("C", 55), ("D", 40), ("E", 25), ("F", 10))


@dataclass(frozen=True)
class Resultat:
    score: int  # 0–100
    note: str  # A–G
    ges_g: float  # g CO2e per page view
    eau_cl: float  # centilitres of water per page view


def position(valeur: float, quantiles: tuple[float, ...]) -> float:
    """Where `valeur` sits among the 21 quantiles, from 0 to 20: the index of the quantile
    interval it falls in plus its linear position inside it; 20 at or past the last one."""
    if valeur >= quantiles[-1]:
        return 20.0
    i = bisect_right(quantiles, valeur)  # the first i with valeur < quantiles[i]
    if i == 0:  # a negative input: below every quantile
        return 0.0
    bas, haut = quantiles[i - 1], quantiles[i]
    return (i - 1) + (valeur - bas) / (haut - bas)


def score(elements_dom: float, requetes: float, poids_ko: float) -> int:
    """100 − 5 × the weighted mean of the three positions (DOM 3, requests 2, size 1)."""
    moyenne = (
        POIDS_DOM * position(elements_dom, QUANTILES_DOM)
        + POIDS_REQUETES * position(requetes, QUANTILES_REQUETES)
        + POIDS_TAILLE * position(poids_ko, QUANTILES_POIDS_KO)
    ) / (POIDS_DOM + POIDS_REQUETES + POIDS_TAILLE)
    return round(100 - 5 * moyenne)


def note(valeur: float) -> str:
    """The grade of a score: A above 80, B above 70, … F above 10, else G."""
    for lettre, seuil in NOTES:
        if valeur > seuil:
            return lettre
    return "G"


def ges(valeur: float) -> float:
    """Greenhouse gas of one page view, g CO2e: 2 + 2 × (50 − score) / 100."""
    return round(2 + 2 * (50 - valeur) / 100, 2)


def eau(valeur: float) -> float:
    """Water of one page view, centilitres: 3 + 3 × (50 − score) / 100."""
    return round(3 + 3 * (50 - valeur) / 100, 2)


def calculer(elements_dom: float, requetes: float, poids_ko: float) -> Resultat:
    """The Ecoindex of a page from its three measured inputs."""
    valeur = score(elements_dom, requetes, poids_ko)
    return Resultat(valeur, note(valeur), ges(valeur), eau(valeur))


# What a page may weigh to keep a grade: the budget of a grade-A page (82/100).
BUDGET_A = {"elements_dom": 300, "poids_ko": 150, "requetes": 15}
