"""Benchmark: automatic merges on a labelled set of REAL pairs, SUN vs the national algorithm.

The set (benchmarks/donnees/paires_reelles/, see its LISEZMOI.md) holds records of the raw
input files of the national cartography pipeline (mednum-cli), phones and e-mails replaced by
anonymous tokens, and pairs labelled by reading them: cross-source and within-source, with
hard negatives (different services of one town, one network in neighbouring towns, itinerant
stops sharing a SIRET).

Both methods run on all the records, blocking included, as they would on an import:
- SUN: `doublons.comparer` (grid and commune blocking, scores); a pair at or above
  SEUIL_FUSION is merged automatically; two records of one source never are.
- National (mednum-cli, NOTES-inclusion.md): same INSEE code, different sources, compatible
  typologies; trunc((ratio(address) + ratio(name) + distance score) / 3) > 83.

Printed: precision and recall of the automatic merges over the labelled pairs, for each, and
the goal (precision ≥ 0.99, recall ≥ 0.9).
"""

import csv
import sys
import time
from pathlib import Path

import algorithme_national

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sun.inclusion.lieux.doublons import SEUIL_FUSION, Fiche, Lot, comparer

EXAMEN: set[frozenset] = set()  # pairs SUN merges or puts in the review queue
DOSSIER = Path(__file__).resolve().parent / "donnees" / "paires_reelles"


def _nombre(valeur: str) -> float | None:
    try:
        return float(valeur)
    except (TypeError, ValueError):
        return None


def charger() -> tuple[list[dict], list[tuple[str, str, bool, str]]]:
    with (DOSSIER / "lieux.csv").open(encoding="utf-8") as f:
        lieux = list(csv.DictReader(f))
    for lieu in lieux:
        lieu["latitude"], lieu["longitude"] = _nombre(lieu["latitude"]), _nombre(lieu["longitude"])
    with (DOSSIER / "paires.csv").open(encoding="utf-8") as f:
        paires = [
            (p["id_a"], p["id_b"], p["doublon"] == "oui", p["genre"]) for p in csv.DictReader(f)
        ]
    return lieux, paires


def fusions_sun(lieux: list[dict]) -> set[frozenset]:
    fiches = [
        Fiche.depuis(
            l["id"], l["nom"], l["adresse"], l["code_insee"], l["latitude"], l["longitude"],
            l["precision"] == "exacte", l["telephone"],
            [c for c in l["courriels"].split("|") if c], l["source"], l["commune"],
        )
        for l in lieux
    ]  # fmt: skip
    lot = Lot(fiches)
    resultats = comparer(lot)
    EXAMEN.clear()
    EXAMEN.update(frozenset((lot.cles[i], lot.cles[j])) for i, j, _, _ in resultats)
    return {frozenset((lot.cles[i], lot.cles[j])) for i, j, v, _ in resultats if v >= SEUIL_FUSION}


def score_seul(lieux: list[dict], paires) -> dict:
    """SUN's scores on every labelled pair as if its two records came from two sources: how
    the scoring alone does on the hard within-source negatives (same address, other service)."""
    import numpy as np

    from sun.inclusion.lieux.doublons import _evaluer

    par_id = {l["id"]: l for l in lieux}
    fiches = []
    for a, b, _, _ in paires:
        for cle, source in ((a, "A"), (b, "B")):
            l = par_id[cle]
            fiches.append(Fiche.depuis(
                l["id"], l["nom"], l["adresse"], l["code_insee"], l["latitude"], l["longitude"],
                l["precision"] == "exacte", l["telephone"],
                [c for c in l["courriels"].split("|") if c], source, l["commune"],
            ))  # fmt: skip
    i = np.arange(0, len(fiches), 2)
    resultats = _evaluer(Lot(fiches), i, i + 1, tri=False)
    fusions = {frozenset((a, b)) for (_, _, v, _), (a, b, _, _) in zip(resultats, paires, strict=True)
               if v >= SEUIL_FUSION}  # fmt: skip
    return mesures(fusions, paires)


def _typologies_compatibles(a: str, b: str) -> bool:
    ta, tb = set(filter(None, a.split("|"))), set(filter(None, b.split("|")))
    return not ta or not tb or bool(ta & tb) or ({"RFS", "PIMMS"} <= (ta | tb) and ta != tb)


def fusions_nationales(lieux: list[dict]) -> set[frozenset]:
    par_commune: dict[str, list[dict]] = {}
    for lieu in lieux:
        # The pipeline geocodes every record to get its INSEE code; the raw files often lack
        # it, so the postcode stands in for it here (the same blocking, a little wider).
        if cle := lieu["code_postal"] or lieu["code_insee"]:
            par_commune.setdefault(cle, []).append(lieu)
    fusions = set()
    for groupe in par_commune.values():
        for n, a in enumerate(groupe):
            for b in groupe[n + 1 :]:
                if a["source"] == b["source"] or not _typologies_compatibles(
                    a["typologie"], b["typologie"]
                ):
                    continue
                point_a = None if a["latitude"] is None else (a["latitude"], a["longitude"])
                point_b = None if b["latitude"] is None else (b["latitude"], b["longitude"])
                total = algorithme_national.score(
                    a["nom"], a["adresse"], point_a, b["nom"], b["adresse"], point_b
                )
                if total > algorithme_national.SEUIL:
                    fusions.add(frozenset((a["id"], b["id"])))
    return fusions


def mesures(fusions: set[frozenset], paires) -> dict:
    vp = sum(1 for a, b, doublon, _ in paires if doublon and frozenset((a, b)) in fusions)
    fp = sum(1 for a, b, doublon, _ in paires if not doublon and frozenset((a, b)) in fusions)
    doublons = sum(1 for p in paires if p[2])
    return {
        "fusions": vp + fp,
        "fausses": fp,
        "precision": vp / (vp + fp) if vp + fp else 1.0,
        "rappel": vp / doublons if doublons else 1.0,
    }


def main() -> None:
    lieux, paires = charger()
    doublons = sum(1 for p in paires if p[2])
    print(
        f"Jeu réel étiqueté : {len(lieux)} fiches, {len(paires)} paires "
        f"({doublons} doublons, {sum(1 for p in paires if p[3] == 'meme-source')} d'une même source)"
    )
    for nom, methode in (("SUN", fusions_sun), ("Algorithme national", fusions_nationales)):
        debut = time.perf_counter()
        fusions = methode(lieux)
        duree = time.perf_counter() - debut
        m = mesures(fusions, paires)
        inter = [p for p in paires if p[3] == "inter-sources"]
        mi = mesures(fusions, inter)
        print(
            f"  {nom:<20} fusions automatiques {m['fusions']:>4} dont fausses {m['fausses']:>3} ; "
            f"précision {m['precision']:.3f} ; rappel {m['rappel']:.3f} "
            f"(inter-sources : précision {mi['precision']:.3f}, rappel {mi['rappel']:.3f}) ; "
            f"{duree:.2f} s"
        )
    m = score_seul(lieux, paires)
    print(
        f"  SUN, score seul sur toutes les paires (sources supposées différentes) : précision "
        f"{m['precision']:.3f} ({m['fausses']} fausses), rappel {m['rappel']:.3f}"
    )
    internes = [p for p in paires if p[3] == "meme-source" and p[2]]
    vus = sum(1 for a, b, *_ in internes if frozenset((a, b)) in EXAMEN)
    print(
        f"  SUN, doublons d'une même source ({len(internes)}) : jamais fusionnés seuls, "
        f"{vus} proposés aux coordinateurs ({vus / max(1, len(internes)):.0%})"
    )
    print("  Objectif : précision ≥ 0,99 et rappel ≥ 0,9 des fusions automatiques.")


if __name__ == "__main__":
    main()
