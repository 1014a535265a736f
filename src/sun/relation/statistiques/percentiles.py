"""Percentiles from a histogram {value: count}: exact, and what the database sends is one row
per distinct value (processing times in whole days), not one row per request."""

from collections.abc import Iterable, Mapping


def percentile(histogramme: Mapping[int, int], p: float) -> float | None:
    """The `p`-th percentile (0–100) of the values counted in `histogramme`, interpolated
    between the two nearest ranks as PostgreSQL's `percentile_cont` and Python's
    `statistics.quantiles(method="inclusive")` do. None for an empty histogram."""
    valeurs = sorted((v, n) for v, n in histogramme.items() if n > 0)
    total = sum(n for _, n in valeurs)
    if not total:
        return None
    rang = (total - 1) * p / 100
    bas, haut = int(rang), min(int(rang) + 1, total - 1)
    a, b = _au_rang(valeurs, bas), _au_rang(valeurs, haut)
    return a + (b - a) * (rang - bas)


def _au_rang(valeurs: list[tuple[int, int]], rang: int) -> int:
    cumul = 0
    for valeur, nombre in valeurs:
        cumul += nombre
        if rang < cumul:
            return valeur
    return valeurs[-1][0]


def par_groupe(lignes: Iterable[tuple[object, int, int]]) -> dict[object, dict[int, int]]:
    """{group: {value: count}} from rows (group, value, count)."""
    groupes: dict[object, dict[int, int]] = {}
    for groupe, valeur, nombre in lignes:
        histo = groupes.setdefault(groupe, {})
        histo[valeur] = histo.get(valeur, 0) + nombre
    return groupes
