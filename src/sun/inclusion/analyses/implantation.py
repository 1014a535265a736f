"""« Où ouvrir une permanence ? »: the communes where new sites would bring the most people
within reach of help.

Method (a greedy maximal-coverage heuristic, the usual one for siting services): a commune is
« within reach » when its centre is within the chosen distance of a place. Starting from the
places that exist, SUN adds one site at a time, each time in the commune whose centre brings
the most not-yet-covered population within reach (optionally weighted by the fragility index),
until the number of sites asked for is reached or nobody is left to cover. Each step's gain is
kept, so the coordinator sees what every added site brings.
"""

from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

from sun.inclusion.lieux.recherche import RAYON_TERRE_KM


def _corde(km: float) -> float:
    return 2 * np.sin(km / RAYON_TERRE_KM / 2)


@dataclass
class Site:
    commune: int  # index of the chosen commune
    gain: float  # weighted population newly within reach
    gain_habitants: int


@dataclass
class Proposition:
    sites: list[Site]
    couverts_avant: np.ndarray  # bool per commune
    couverts_apres: np.ndarray
    habitants_avant: int
    habitants_apres: int


def proposer(communes_xyz: np.ndarray, populations: np.ndarray, distances_actuelles: np.ndarray,
             nombre: int, km: float, poids: np.ndarray | None = None) -> Proposition:  # fmt: skip
    """`distances_actuelles`: km from each commune to the nearest existing place; `poids`:
    a weight per commune (fragility), 1 by default."""
    poids = np.ones(len(populations)) if poids is None else poids
    valeur = populations * poids
    couverts = distances_actuelles <= km
    avant = couverts.copy()
    voisins = (
        cKDTree(communes_xyz).query_ball_point(communes_xyz, _corde(km))
        if len(communes_xyz)
        else []
    )
    voisins = [np.asarray(v, dtype=int) for v in voisins]
    sites = []
    for _ in range(max(0, nombre)):
        gains = (
            np.array([valeur[v[~couverts[v]]].sum() for v in voisins]) if voisins else np.array([])
        )
        if not len(gains) or gains.max() <= 0:
            break  # nobody left to cover
        meilleur = int(np.argmax(gains))
        nouveaux = voisins[meilleur][~couverts[voisins[meilleur]]]
        sites.append(Site(meilleur, float(gains[meilleur]), int(populations[nouveaux].sum())))
        couverts[nouveaux] = True
    return Proposition(
        sites, avant, couverts, int(populations[avant].sum()), int(populations[couverts].sum())
    )
