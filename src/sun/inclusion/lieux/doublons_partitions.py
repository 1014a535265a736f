"""The register cut into parts for duplicate detection, so that memory stays bounded.

A register of national size does not fit in memory as comparison columns (about 2 KB per
place). Candidate pairs are places a few hundred metres apart or in one commune, so it is cut
along départements (1° squares for places without an INSEE code), packed into parts of at most
TAILLE_MIN places; each part also holds, as a halo, the exactly located places of other parts
in the grid cells next to its own places (looked for in its départements' bounding boxes
widened by HALO), so that pairs across a border are still found, from the side of the part
being compared. A register below TAILLE_MIN is compared in one part.
"""

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Count, Max, Min, Q, QuerySet
from django.db.models.functions import Substr

from sun.inclusion.lieux.doublons import CELLULE_DEG
from sun.inclusion.models import Lieu

TAILLE_MIN = 15_000
HALO = 2 * CELLULE_DEG


def comparables() -> QuerySet:
    return Lieu.objects.exclude(statut=Lieu.Statut.FERME).filter(demonstration=False)


@dataclass
class Morceau:
    """A département (or a 1° square of places without a code): who it is and where."""

    coeur: Q
    nombre: int
    bornes: tuple | None  # (lat_min, lat_max, lon_min, lon_max) of its located places

    def autour(self) -> Q:
        if self.bornes is None:
            return Q(pk__in=[])
        lat_min, lat_max, lon_min, lon_max = self.bornes
        return Q(latitude__gte=lat_min - HALO, latitude__lte=lat_max + HALO,
                 longitude__gte=lon_min - HALO, longitude__lte=lon_max + HALO)  # fmt: skip


@dataclass
class Partie:
    morceaux: list[Morceau] = field(default_factory=list)

    @property
    def nombre(self) -> int:
        return sum(m.nombre for m in self.morceaux)

    def requetes(self) -> tuple[QuerySet, QuerySet]:
        """The part's own places, and the other places in its départements' boxes (the halo
        is then cut down to the grid cells next to the part's own places)."""
        coeur = reduce(or_, (m.coeur for m in self.morceaux))
        autour = reduce(or_, (m.autour() for m in self.morceaux))
        return comparables().filter(coeur), comparables().filter(autour).exclude(coeur)


def _departements() -> list[Morceau]:
    """One aggregate query: each département's count and bounding box."""
    par_code: dict[str, list] = {}
    for prefixe, nombre, lat_min, lat_max, lon_min, lon_max in (
        comparables().exclude(code_insee="").annotate(p=Substr("code_insee", 1, 3))
        .values("p").annotate(n=Count("pk"), a=Min("latitude"), b=Max("latitude"),
                              c=Min("longitude"), d=Max("longitude"))
        .values_list("p", "n", "a", "b", "c", "d")
    ):  # fmt: skip
        code = prefixe if prefixe.startswith("97") else prefixe[:2]
        cumul = par_code.setdefault(code, [0, None])
        cumul[0] += nombre
        if lat_min is not None:
            boite = (lat_min, lat_max, lon_min, lon_max)
            b = cumul[1]
            cumul[1] = boite if b is None else (min(b[0], boite[0]), max(b[1], boite[1]),
                                                min(b[2], boite[2]), max(b[3], boite[3]))  # fmt: skip
    return [Morceau(Q(code_insee__startswith=code), n, bornes)
            for code, (n, bornes) in sorted(par_code.items())]  # fmt: skip


def _carres() -> list[Morceau]:
    """Places with coordinates but no INSEE code, by 1° squares."""
    carres: dict[tuple, int] = {}
    for lat, lon in (
        comparables().filter(code_insee="", latitude__isnull=False)
        .values_list("latitude", "longitude").iterator(chunk_size=5000)
    ):  # fmt: skip
        cle = (math.floor(lat), math.floor(lon))
        carres[cle] = carres.get(cle, 0) + 1
    return [Morceau(Q(code_insee="", latitude__gte=lat, latitude__lt=lat + 1,
                      longitude__gte=lon, longitude__lt=lon + 1), n, (lat, lat + 1, lon, lon + 1))
            for (lat, lon), n in sorted(carres.items())]  # fmt: skip


def partitions() -> Iterator[tuple[QuerySet, QuerySet | None]]:
    """(the part's own places, the places around it that may pair with them, or None)."""
    if comparables().count() <= TAILLE_MIN:
        yield comparables(), None
        return
    parties = [Partie()]
    for morceau in [*_departements(), *_carres()]:
        if parties[-1].morceaux and parties[-1].nombre + morceau.nombre > TAILLE_MIN:
            parties.append(Partie())
        parties[-1].morceaux.append(morceau)
    for partie in parties:
        yield partie.requetes()
