"""Help near a commune or in an EPCI, for their public pages: the places in and nearest to a
commune with their distance and state, the distance to help per service from the coverage
computation, and the same aggregated over the communes of an EPCI.

Distances are crow-fly, from the commune's centre (its centroid, the point the coverage
computation uses), to the places of the search index (active or to be checked, with a
position; demonstration places included and labelled as such).
"""

import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from sun.core.horaires import Etat
from sun.inclusion.analyses.couverture import SERVICES, TOUS, couverture, km_ou_rien
from sun.inclusion.analyses.queries import indices_fragilite, statuts_des_lieux
from sun.inclusion.lieux.recherche import ResumeLieu, code_departement, etat, index_lieux
from sun.inclusion.models import Lieu
from sun.territoire.timezones import heure_locale

NOMBRE_PROCHES = 10  # places listed around a commune (all of the commune's own, at least)
RAYON_KM = 50  # no further than this


@dataclass
class LieuProche:
    lieu: ResumeLieu
    distance_km: float | None  # None on an EPCI's list (no single centre)
    etat: Etat | None  # open or closed now, next opening; None: hours unknown
    dans_la_commune: bool
    a_verifier: bool  # its information is being checked


@dataclass
class AideAProximite:
    lieux: list[LieuProche]
    moment: datetime  # local time of the opening states
    dans_la_commune: int
    demonstration: int  # demonstration places among `lieux`
    rayon_km: float = RAYON_KM


def _proches(index, indices, distances, moment, communes: set[str]) -> list[LieuProche]:
    statuts = statuts_des_lieux([index.resumes[i].pk for i in indices])
    return [
        LieuProche(
            lieu=index.resumes[i], distance_km=d, etat=etat(index.resumes[i].horaires, moment),
            dans_la_commune=index.resumes[i].code_insee in communes,
            a_verifier=statuts.get(index.resumes[i].pk) == Lieu.Statut.A_VERIFIER,
        )
        for i, d in zip(indices, distances, strict=True)
    ]  # fmt: skip


def _aide(lieux: list[LieuProche], moment: datetime) -> AideAProximite:
    return AideAProximite(
        lieux, moment, sum(p.dans_la_commune for p in lieux),
        sum(p.lieu.demonstration for p in lieux),
    )  # fmt: skip


def aide_a_proximite(commune, maintenant: datetime | None = None) -> AideAProximite | None:
    """Every place of the commune and the nearest others, NOMBRE_PROCHES in all at least,
    within RAYON_KM of its centre, nearest first; None when the commune has no position."""
    if commune.latitude is None or commune.longitude is None:
        return None
    moment = heure_locale(code_departement(commune.code_insee), maintenant)
    index = index_lieux()
    indices, distances = index.autour(commune.latitude, commune.longitude, RAYON_KM)
    garder = [
        k for k, i in enumerate(indices.tolist())
        if k < NOMBRE_PROCHES or index.resumes[i].code_insee == commune.code_insee
    ]  # fmt: skip
    lieux = _proches(index, indices[garder].tolist(), distances[garder].tolist(), moment,
                     {commune.code_insee})  # fmt: skip
    return _aide(lieux, moment)


def lieux_du_territoire(codes_insee: set[str], code_dep: str, maintenant=None) -> AideAProximite:
    """The places located in the given communes (an EPCI's), by commune then name."""
    moment = heure_locale(code_dep, maintenant)
    index = index_lieux()
    indices = sorted(
        (i for i, r in enumerate(index.resumes) if r.code_insee in codes_insee),
        key=lambda i: (index.resumes[i].commune, index.resumes[i].nom),
    )
    return _aide(_proches(index, indices, [None] * len(indices), moment, codes_insee), moment)


# --- distance to help per service -------------------------------------------------------------
@dataclass
class DistanceService:
    service: str
    km: float | None  # None: no place of the register offers it
    moyenne_km: float | None = None  # EPCI: mean over its communes weighted by population
    pire_km: float | None = None  # EPCI: the farthest commune…
    pire_commune: tuple[str, str] | None = None  # … (INSEE code, name)


@dataclass
class Distances:
    services: list[DistanceService]  # « tous les services » first
    date: datetime  # when the coverage was computed
    lieux: int  # places the computation used
    par_commune: dict[str, float | None]  # INSEE code → km to the nearest place (any service)
    demonstration: int = 0  # demonstration places among those of the index


def _demonstration() -> int:
    return index_lieux().demonstration


ORDRE = [TOUS, *[s for s in SERVICES if s != TOUS]]


def distances_commune(code_insee: str, code_dep: str) -> Distances | None:
    """Km from the commune's centre to the nearest place offering each service."""
    resultat = couverture(code_dep)
    if code_insee not in resultat.codes:
        return None  # no position
    i = resultat.codes.index(code_insee)
    services = [DistanceService(s, km_ou_rien(resultat.distances[s][i])) for s in ORDRE]
    return Distances(services, resultat.date, resultat.lieux,
                     {code_insee: km_ou_rien(resultat.distances[TOUS][i])}, _demonstration())  # fmt: skip


def distances_epci(communes: list[tuple[str, str]]) -> Distances | None:
    """Per service, over the communes (INSEE code, département code) of an EPCI: the mean of
    their distances weighted by their municipal population, and the farthest commune."""
    par_dep: dict[str, set[str]] = {}
    for code, dep in communes:
        par_dep.setdefault(dep, set()).add(code)
    lignes, date, lieux = [], None, 0  # (code, name, population, {service: km})
    for dep, codes in sorted(par_dep.items()):
        resultat = couverture(dep)
        date, lieux = resultat.date, resultat.lieux
        for i, code in enumerate(resultat.codes):
            if code in codes:
                lignes.append((code, resultat.noms[i], int(resultat.populations[i]),
                               {s: resultat.distances[s][i] for s in ORDRE}))  # fmt: skip
    if not lignes:
        return None
    poids = np.array([pop for _, _, pop, _ in lignes], dtype=float)
    if not poids.sum():
        poids = np.ones(len(lignes))
    services = []
    for s in ORDRE:
        km = np.array([d[s] for _, _, _, d in lignes])
        pire = int(np.argmax(km))
        moyenne = float((km * poids).sum() / poids.sum()) if np.isfinite(km).all() else math.inf
        services.append(DistanceService(s, None, km_ou_rien(moyenne), km_ou_rien(km[pire]),
                                        (lignes[pire][0], lignes[pire][1])))  # fmt: skip
    return Distances(services, date, lieux, {c: km_ou_rien(d[TOUS]) for c, _, _, d in lignes},
                     _demonstration())  # fmt: skip


@dataclass
class AideEpci:
    lieux: AideAProximite  # the places in its communes
    distances: Distances | None
    communes: list[tuple]  # (commune, places in it, km to the nearest place, IFN or None)


def aide_de_l_epci(communes: list, maintenant: datetime | None = None) -> AideEpci:
    """The EPCI's page: its places, distances per service over its communes, and per commune
    the number of places in it, the distance to the nearest one and its fragility index."""
    codes = [(c.code_insee, code_departement(c.code_insee)) for c in communes]
    distances = distances_epci(codes)
    lieux = lieux_du_territoire({c for c, _ in codes}, codes[0][1] if codes else "75", maintenant)
    par_commune = Counter(p.lieu.code_insee for p in lieux.lieux)
    fragilites = indices_fragilite([c for c, _ in codes])
    lignes = [(c, par_commune[c.code_insee],
               distances.par_commune.get(c.code_insee) if distances else None,
               fragilites.get(c.code_insee)) for c in communes]  # fmt: skip
    return AideEpci(lieux, distances, lignes)
