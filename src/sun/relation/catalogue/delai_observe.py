"""The processing time actually observed for a démarche, computed as Démarches Simplifiées
computes the estimate it shows to users.

Démarches Simplifiées (`app/models/concerns/procedure_stats_concern.rb`,
`usual_traitement_time_for_recent_dossiers`, with `Traitement.for_traitement_time_stats` and
`Array#percentile` of `lib/core_ext/array.rb`) takes the files closed (accepté, refusé,
classé sans suite) in the last 30 days (`NB_DAYS_RECENT_DOSSIERS`, the range « now − 30 days
.. now »), their processing time « closed at − deposited at », sorts them, cuts the sorted
list into slices of ceil(n / 3) (`each_slice`), and takes the 90th percentile
(`USUAL_TRAITEMENT_TIME_PERCENTILE`, linear interpolation between closest ranks) of each
slice: the fastest, the usual and the slow cases (`Procedure::EstimatedDelayComponent`:
« dans le meilleur des cas… », « les dossiers demandant quelques échanges… », « si votre
dossier est incomplet… »). It shows nothing below 3 files.

Here the register holds dates, not times: a processing time is `decidee_le − recue_le` in
days, and each percentile is rounded up to a whole day (as DS's monthly figure converts
seconds to days with `ceil`). Differences, on purpose: nothing is shown below 5 requests
(figures about people are masked under 5), and demonstration requests never count.
"""

import math
from dataclasses import dataclass
from datetime import date, timedelta

from sun.relation.models import FINALS, Demande

JOURS_RECENTS = 30  # DS NB_DAYS_RECENT_DOSSIERS
CENTILE = 90  # DS USUAL_TRAITEMENT_TIME_PERCENTILE
GROUPES = 3  # DS clusters_count
SEUIL = 5  # below this, no figure (masked)


@dataclass(frozen=True)
class DelaiObserve:
    """The three figures DS shows (days), on how many closed requests, over which days."""

    rapide: int
    habituel: int  # « dans la plupart des cas »
    long: int
    nombre: int
    du: date
    au: date


def centile(valeurs: list[float], p: float) -> float:
    """DS `Array#percentile`: linear interpolation between the closest ranks."""
    v = sorted(valeurs)
    if not v:
        return 0
    if len(v) == 1:
        return v[0]
    if p == 100:
        return v[-1]
    rang = p / 100 * (len(v) - 1)
    bas = math.floor(rang)
    haut = v[bas + 1] if bas + 1 < len(v) else v[bas]
    return v[bas] + (haut - v[bas]) * (rang - bas)


def figures(durees: list[float]) -> tuple[int, int, int] | None:
    """The 90th percentile of each third of the sorted durations, rounded up (DS)."""
    durees = sorted(durees)
    if len(durees) < GROUPES:
        return None
    taille = math.ceil(len(durees) / GROUPES)
    tranches = [durees[i : i + taille] for i in range(0, len(durees), taille)]
    if len(tranches) < GROUPES:  # DS: fewer than three slices, no estimate
        return None
    rapide, habituel, long = (math.ceil(centile(t, CENTILE)) for t in tranches[:GROUPES])
    return rapide, habituel, long


def periode(aujourd_hui: date) -> tuple[date, date]:
    return aujourd_hui - timedelta(days=JOURS_RECENTS), aujourd_hui


def delais_observes(demarche_ids: list[int], aujourd_hui: date) -> dict[int, DelaiObserve]:
    """For each démarche of `demarche_ids` with at least 5 real requests closed in the 30 days
    up to `aujourd_hui`, its observed processing time; the others are absent. One query."""
    du, au = periode(aujourd_hui)
    durees: dict[int, list[float]] = {}
    lignes = (Demande.objects.filter(demarche_id__in=list(demarche_ids), demonstration=False,
                                     statut__in=FINALS, decidee_le__gte=du, decidee_le__lte=au)
              .values_list("demarche_id", "recue_le", "decidee_le").order_by())  # fmt: skip
    for demarche_id, recue_le, decidee_le in lignes.iterator(chunk_size=5000):
        durees.setdefault(demarche_id, []).append(float((decidee_le - recue_le).days))
    resultat = {}
    for demarche_id, liste in durees.items():
        if len(liste) < SEUIL:
            continue
        trois = figures(liste)
        if trois is not None:
            resultat[demarche_id] = DelaiObserve(*trois, nombre=len(liste), du=du, au=au)
    return resultat


def delai_du_jour(demarche_id: int, aujourd_hui: date) -> DelaiObserve | None:
    """`delais_observes` for one démarche, computed once a day (shared cache)."""
    from sun.core.calculs_versionnes import calcul_versionne
    from sun.core.versions import empreinte

    # Kept in a 1-tuple: the cache cannot tell a stored None from a miss.
    return calcul_versionne(
        f"relation:delai-observe:{demarche_id}", empreinte([], aujourd_hui.isoformat()),
        lambda: (delais_observes([demarche_id], aujourd_hui).get(demarche_id),),
        duree=36 * 3600,
    )[0]  # fmt: skip
