"""The national cartography pipeline's duplicate score, as published (mednum-cli,
src/dedupliquer/steps/duplication-comparisons; see NOTES-inclusion.md), for the benchmarks:
trunc((ratio(address) + ratio(name) + distance score) / 3), a duplicate above SEUIL, the
distance score being 100 below ~40 m and when either point is missing."""

import math

from rapidfuzz import fuzz

SEUIL = 83


def score(nom_a: str, adresse_a: str, point_a, nom_b: str, adresse_b: str, point_b) -> int:
    """Points are (latitude, longitude) or None."""
    if point_a is None or point_b is None:
        distance = 100  # the pipeline's quirk: a missing point is « at 0 »
    else:
        d = math.hypot(point_a[0] - point_b[0], point_a[1] - point_b[1])
        distance = 100 if d < 0.0004 else math.trunc(100 / (d * 1000 + 1))
    return math.trunc((fuzz.ratio(adresse_a, adresse_b) + fuzz.ratio(nom_a, nom_b) + distance) / 3)
