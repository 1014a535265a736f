"""Coverage: for each commune, the crow-fly distance from its centre to the nearest active place
offering each service of the standard (and to any place), and the population within 5, 10, 15
and 20 km of help.

One KD-tree per service, on unit vectors like the search index, queried once for all
communes: the nearest place of 35,000 communes costs one query per service, not 35,000 × 30,000
distances. Results are cached under the register's version: recomputed when the register
changes, not on every page view.
"""

import math
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from django.core.cache import cache
from django.utils import timezone
from scipy.spatial import cKDTree

from sun.inclusion.analyses.queries import indices_fragilite
from sun.inclusion.lieux.recherche import RAYON_TERRE_KM, _vecteurs, index_lieux
from sun.inclusion.lieux.standard import ENUMERATIONS
from sun.inclusion.lieux.version_registre import version_registre
from sun.territoire.models import Commune

SEUILS_KM = (5, 10, 15, 20)
TOUS = "tous les services"
SERVICES = [*ENUMERATIONS["services"], TOUS]
SEUIL_FRAGILITE = 6  # on the 0–10 scale of the index: the more fragile half of the scale and above
SANS_EPCI = "Sans intercommunalité"


def distances_au_plus_proche(communes_xyz: np.ndarray, lieux_xyz: np.ndarray) -> np.ndarray:
    """Great-circle distance (km) from each commune to the nearest place; inf without places."""
    if not len(lieux_xyz):
        return np.full(len(communes_xyz), np.inf)
    cordes, _ = cKDTree(lieux_xyz).query(communes_xyz, k=1)
    return 2 * RAYON_TERRE_KM * np.arcsin(np.minimum(np.asarray(cordes) / 2, 1))


def distances_par_service(communes_xyz: np.ndarray, lieux_xyz: np.ndarray, masques: np.ndarray,
                          bits: dict[str, int]) -> dict[str, np.ndarray]:  # fmt: skip
    """{service: distances} for every service (a place offers it when its bit is set), and for
    any place (TOUS)."""
    resultat = {service: distances_au_plus_proche(communes_xyz, lieux_xyz[(masques & bit) != 0])
                for service, bit in bits.items()}  # fmt: skip
    resultat[TOUS] = distances_au_plus_proche(communes_xyz, lieux_xyz)
    return resultat


@dataclass
class Couverture:
    xyz: np.ndarray  # commune centres as unit vectors
    codes: list[str]
    noms: list[str]
    epci: list[str]
    populations: np.ndarray
    distances: dict[str, np.ndarray]
    date: datetime
    lieux: int

    def population_a_moins_de(self, service: str, km: float) -> int:
        return int(self.populations[self.distances[service] <= km].sum())

    def communes_sans_lieu(self, service: str, km: float) -> list[int]:
        """Indices of the communes with no place offering `service` within `km`, most
        populated first."""
        indices = np.flatnonzero(self.distances[service] > km)
        return sorted(indices.tolist(), key=lambda i: -self.populations[i])


def couverture(code_departement: str) -> Couverture:
    """Coverage of a département's communes by the register's visible places (every place of
    the register counts, including across the département's border)."""
    jeton, ecritures = version_registre()
    cle = f"inclusion:couverture:{code_departement}:{jeton}:{ecritures}"
    resultat = cache.get(cle)
    if resultat is None:
        resultat = _calculer(code_departement)
        cache.set(cle, resultat, 24 * 3600)
    return resultat


def _calculer(code_departement: str) -> Couverture:
    lignes = list(
        Commune.objects.filter(departement__code=code_departement, latitude__isnull=False)
        .order_by("code_insee")
        .values_list(
            "code_insee", "nom", "epci__nom", "population_municipale", "latitude", "longitude"
        )
    )
    communes_xyz = (
        _vecteurs([l[4] for l in lignes], [l[5] for l in lignes]) if lignes else np.empty((0, 3))
    )
    index = index_lieux()
    lieux_xyz = index.arbre.data if index.arbre is not None else np.empty((0, 3))
    return Couverture(
        xyz=communes_xyz, codes=[l[0] for l in lignes], noms=[l[1] for l in lignes], epci=[l[2] or "" for l in lignes],
        populations=np.array([l[3] or 0 for l in lignes], dtype=np.int64),
        distances=distances_par_service(communes_xyz, lieux_xyz, index.masques["services"], index.bits["services"]),
        date=timezone.now(), lieux=len(index),
    )  # fmt: skip


# --- what the coverage page shows -------------------------------------------------------------
def km_ou_rien(distance: float) -> float | None:
    """A distance in km, None for « no place at all » (infinite)."""
    return None if math.isinf(distance) else float(distance)


@dataclass
class SyntheseCouverture:
    """The coverage of a département for one service and one distance."""

    total: int  # population of the communes
    par_seuil: list[tuple[str, list[tuple[int, int]]]]  # per service: (km, population within)
    par_epci: list[tuple[str, int, int, float]]  # EPCI, population, within km, %: least first
    sans: list[tuple[str, str, str, int, float | None]]  # communes without a place within km
    prioritaires: list[tuple[str, str, float, int, float | None]]  # the fragile ones of `sans`
    ifn_charge: bool  # the fragility index is loaded for these communes
    valeurs: dict[str, float | None]  # INSEE code → km to the nearest place (the map)

    @property
    def population_prioritaire(self) -> int:
        return sum(p[3] for p in self.prioritaires)


def synthese_couverture(resultat: Couverture, service: str, km: int) -> SyntheseCouverture:
    """Population within reach per service and threshold, per EPCI, the communes without a place
    within `km` and, among them, the priority list: fragile (index ≥ SEUIL_FRAGILITE) and far
    from help."""
    distances = resultat.distances[service]
    par_epci: dict[str, list[int]] = {}
    for i, epci in enumerate(resultat.epci):
        ligne = par_epci.setdefault(epci or SANS_EPCI, [0, 0])
        ligne[0] += int(resultat.populations[i])
        ligne[1] += int(resultat.populations[i]) if distances[i] <= km else 0
    sans = resultat.communes_sans_lieu(service, km)
    fragilite = indices_fragilite(resultat.codes)
    return SyntheseCouverture(
        total=int(resultat.populations.sum()),
        par_seuil=[(s, [(seuil, resultat.population_a_moins_de(s, seuil)) for seuil in SEUILS_KM])
                   for s in SERVICES],
        par_epci=sorted(((nom, pop, dedans, 100 * dedans / pop if pop else 0)
                         for nom, (pop, dedans) in par_epci.items()), key=lambda l: l[3]),
        sans=[(resultat.codes[i], resultat.noms[i], resultat.epci[i], int(resultat.populations[i]),
               km_ou_rien(distances[i])) for i in sans],
        prioritaires=[(resultat.codes[i], resultat.noms[i], fragilite[resultat.codes[i]],
                       int(resultat.populations[i]), km_ou_rien(distances[i]))
                      for i in sans if fragilite.get(resultat.codes[i], 0) >= SEUIL_FRAGILITE],
        ifn_charge=bool(fragilite),
        valeurs={code: (None if math.isinf(d) else round(float(d), 1))
                 for code, d in zip(resultat.codes, distances, strict=True)},
    )  # fmt: skip


ENTETE_CSV = ["code_insee", "commune", "epci", "population", *[f"km_{s}" for s in SERVICES]]


def lignes_csv(resultat: Couverture):
    """The coverage export: one row per commune, km to the nearest place per service."""
    return (
        [code, resultat.noms[i], resultat.epci[i], int(resultat.populations[i]),
         *["" if math.isinf(resultat.distances[s][i]) else f"{resultat.distances[s][i]:.2f}" for s in SERVICES]]
        for i, code in enumerate(resultat.codes)
    )  # fmt: skip
