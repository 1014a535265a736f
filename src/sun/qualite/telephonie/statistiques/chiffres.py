"""How a telephone figure is shown: counts of 1 to 4 calls masked, shares and waits computed on
fewer than 5 calls not shown, waits in minutes and seconds, the rules of a queue in words."""

from sun.core.indicators import NON_AFFICHE
from sun.core.indicators import SEUIL_PERSONNES as SEUIL
from sun.relation.statistiques.percentiles import percentile

MASQUE = "< 5"
SOURCE = "Relevés d'appels des standards téléphoniques (SUN), hors démonstration"
DEFINITION = (
    "Appels décrochés par un agent ÷ appels qui demandaient un agent : tous les appels arrivés "
    "sur une file pendant les horaires d'ouverture (hors serveur vocal seul et hors horaires), "
    "moins les abandons plus courts que le seuil de la file. Rappels, messagerie et "
    "débordements restent au dénominateur : l'appelant n'a pas eu d'agent."
)


def compte(n: int | None) -> int | str:
    """A number of calls as shown: « < 5 » from 1 to 4."""
    n = n or 0
    return MASQUE if 0 < n < SEUIL else n


def affiche(n: int | str) -> str:
    """A count as shown on a page: « 12 345 » (narrow no-break space) or « < 5 »."""
    return n if isinstance(n, str) else f"{n:,}".replace(",", "\u202f")


def part(nombre: int, total: int) -> float | None:
    """`nombre` / `total` in %, one decimal; None (not shown) under SEUIL calls."""
    if total < SEUIL:
        return None
    return round(100 * nombre / total, 1)


def percentiles(histogramme: dict[int, int]) -> tuple[float | None, float | None]:
    """Median and 9th decile of the waits (None under SEUIL answered calls)."""
    if sum(histogramme.values()) < SEUIL:
        return None, None
    return percentile(histogramme, 50), percentile(histogramme, 90)


def duree(secondes: float | None) -> str:
    """45 → « 45 s », 130 → « 2 min 10 s »; None → NON_AFFICHE."""
    if secondes is None:
        return NON_AFFICHE
    s = round(secondes)
    if s < 60:
        return f"{s} s"
    m, s = divmod(s, 60)
    return f"{m} min {s:02d} s" if s else f"{m} min"


def valeurs(ensemble: set[int], unite: str) -> str:
    """One setting of the queues of a service in words: « 5 s » or « 5 s ou 10 s selon la
    file »."""
    textes = [f"{v}{unite}" for v in sorted(ensemble)]
    if not textes:
        return "—"
    return textes[0] if len(textes) == 1 else " ou ".join(textes) + " selon la file"
