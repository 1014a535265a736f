"""Help near every commune at once, for the sheets: the places in and nearest to each
commune (the search index's KD-tree, in memory) and the coverage distance to the nearest
place (`sun.inclusion.analyses.couverture`, one computation per département, kept per
version of the register). One query for the status of all the places listed."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sun.connectivite.fiches.queries import statuts_des_lieux
from sun.inclusion.analyses.couverture import TOUS, couverture, km_ou_rien
from sun.inclusion.analyses.proximite import RAYON_KM
from sun.inclusion.lieux.recherche import ResumeLieu, code_departement, index_lieux
from sun.inclusion.models import Lieu

# The commune's own places first (a town's nearest to its centre), then the nearest others:
# a short list that keeps the sheet on two pages (the count of the commune's places is given).
LIEUX_SUR_LA_FICHE = 4


@dataclass
class LieuDeLaFiche:
    lieu: ResumeLieu
    distance_km: float
    dans_la_commune: bool
    a_verifier: bool


@dataclass
class AideAutour:
    lieux: list[LieuDeLaFiche]
    dans_la_commune: int  # places located in the commune (all of them, even past the list)
    demonstration: int  # demonstration places among `lieux`
    distance_km: float | None  # coverage: km from the centre to the nearest place
    calculee_le: datetime | None  # when the coverage was computed
    rayon_km: float = RAYON_KM


def _garder(index, indices, distances, code: str) -> list[tuple[int, float]]:
    """The commune's own places nearest its centre, completed with the nearest others,
    LIEUX_SUR_LA_FICHE in all, nearest first (`indices` come nearest first)."""
    paires = list(zip(indices.tolist(), distances.tolist(), strict=True))
    dedans = [p for p in paires if index.resumes[p[0]].code_insee == code][:LIEUX_SUR_LA_FICHE]
    autour = [p for p in paires if index.resumes[p[0]].code_insee != code]
    return sorted(dedans + autour[: LIEUX_SUR_LA_FICHE - len(dedans)], key=lambda p: p[1])


def aide_autour_des_communes(communes: list) -> dict[str, AideAutour | None]:
    """{code: AideAutour} for every commune with a position (None for the others)."""
    index = index_lieux()
    par_commune = defaultdict(int)
    for resume in index.resumes:
        par_commune[resume.code_insee] += 1
    gardes = {}
    for c in communes:
        if c.latitude is not None and c.longitude is not None:
            indices, distances = index.autour(c.latitude, c.longitude, RAYON_KM)
            gardes[c.code_insee] = _garder(index, indices, distances, c.code_insee)
    statuts = statuts_des_lieux({index.resumes[i].pk for g in gardes.values() for i, _ in g})
    couvertures = {dep: couverture(dep) for dep in {code_departement(c) for c in gardes}}
    rangs = {dep: {code: i for i, code in enumerate(r.codes)} for dep, r in couvertures.items()}
    resultat: dict[str, AideAutour | None] = {}
    for c in communes:
        if c.code_insee not in gardes:
            resultat[c.code_insee] = None
            continue
        lieux = [LieuDeLaFiche(index.resumes[i], d, index.resumes[i].code_insee == c.code_insee,
                               statuts.get(index.resumes[i].pk) == Lieu.Statut.A_VERIFIER)
                 for i, d in gardes[c.code_insee]]  # fmt: skip
        dep = code_departement(c.code_insee)
        rang = rangs[dep].get(c.code_insee)
        distance = km_ou_rien(couvertures[dep].distances[TOUS][rang]) if rang is not None else None
        resultat[c.code_insee] = AideAutour(
            lieux, par_commune[c.code_insee], sum(p.lieu.demonstration for p in lieux), distance,
            couvertures[dep].date,
        )  # fmt: skip
    return resultat
