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

from sun.inclusion.analyses.couverture import Couverture
from sun.inclusion.analyses.queries import indices_fragilite
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


# --- what the siting page shows ---------------------------------------------------------------
HORS_DE_PORTEE, A_PORTEE, MIS_A_PORTEE, PROPOSEE = 0, 1, 2, 3


@dataclass
class Implantation:
    proposition: Proposition
    sites: list[tuple[int, str, str, int, int]]  # rank, INSEE code, name, gain, cumulated
    valeurs: dict[str, int]  # INSEE code → HORS_DE_PORTEE, A_PORTEE, MIS_A_PORTEE or PROPOSEE
    total: int  # population of the communes

    @property
    def part_avant(self) -> float:
        return 100 * self.proposition.habitants_avant / self.total if self.total else 0

    @property
    def part_apres(self) -> float:
        return 100 * self.proposition.habitants_apres / self.total if self.total else 0


def implantation(resultat: Couverture, service: str, km: float, nombre: int,
                 fragilite: bool = False) -> Implantation:  # fmt: skip
    """`nombre` new sites for `service` within `km` in the communes of `resultat`, weighted by
    the fragility index when asked (communes without an index weigh 1)."""
    poids = None
    if fragilite:
        indices = indices_fragilite(resultat.codes)
        poids = np.array([indices.get(code, 1.0) for code in resultat.codes])
    proposition = proposer(
        resultat.xyz, resultat.populations, resultat.distances[service], nombre, km, poids
    )
    cumul, sites = proposition.habitants_avant, []
    for rang, site in enumerate(proposition.sites, start=1):
        cumul += site.gain_habitants
        sites.append((rang, resultat.codes[site.commune], resultat.noms[site.commune],
                      site.gain_habitants, cumul))  # fmt: skip
    choisies = {s.commune for s in proposition.sites}
    etats = [PROPOSEE if i in choisies else MIS_A_PORTEE if apres and not avant
             else A_PORTEE if avant else HORS_DE_PORTEE
             for i, (avant, apres) in enumerate(zip(proposition.couverts_avant, proposition.couverts_apres, strict=True))]  # fmt: skip
    return Implantation(proposition, sites, dict(zip(resultat.codes, etats, strict=True)),
                        int(resultat.populations.sum()))  # fmt: skip
