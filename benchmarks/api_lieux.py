"""Benchmark: place search API vs a static JSON file of similar size, same server, same run.

Loads all of France in a throw-away database, imports a generated national register of
30,000 places (benchmarks/import_lieux.py's generator), starts `sun serve` (gunicorn, 2
workers), then runs C concurrent clients for D seconds against a static copy of a typical
answer and against /api/lieux with varied queries (points all over France, radius, filters,
« ouvert maintenant », a given day, pages). Anonymous rate limiting stays on, with a limit the
run cannot reach, so that its cost is measured. Prints p50, p99, throughput, errors, ratios.
"""

import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from charge import SUN, comparer_au_statique, preparer_territoire
from import_lieux import generer

SERVICES = ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien",
            "Accès internet et matériel informatique", "Insertion professionnelle via le numérique"]  # fmt: skip
JOURS = ["lundi", "mercredi", "samedi"]


def requete(alea: random.Random, centres: list[tuple[float, float]]) -> str:
    lat, lon = alea.choice(centres)
    parametres = [("lat", f"{lat + alea.uniform(-0.05, 0.05):.4f}"),
                  ("lon", f"{lon + alea.uniform(-0.05, 0.05):.4f}"),
                  ("rayon_km", alea.choice(["5", "10", "20", "50"])), ("taille", "20")]  # fmt: skip
    tirage = alea.random()
    if tirage < 0.3:
        parametres.append(("services", alea.choice(SERVICES)))
    elif tirage < 0.45:
        parametres.append(("ouvert_maintenant", "true"))
    elif tirage < 0.55:
        parametres.append(("jour", alea.choice(JOURS)))
    if alea.random() < 0.1:
        parametres.append(("page", "2"))
    return "/api/lieux?" + urllib.parse.urlencode(parametres)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lieux", type=int, default=int(os.environ.get("BENCH_LIEUX", "30000")))
    parser.add_argument("--duree", type=float, default=60.0, help="secondes par cible")
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()

    dossier = Path(tempfile.mkdtemp(prefix="sun-bench-lieux-"))
    env = {**os.environ, "SUN_VAR_DIR": str(dossier), "SUN_DEPARTEMENT": "11",
           "SUN_ALLOWED_HOSTS": "127.0.0.1", "SUN_API_LIMITE_ANONYME": "100000000/min",
           "DJANGO_SETTINGS_MODULE": "sun.settings"}  # fmt: skip
    env.pop("DATABASE_URL", None)
    try:
        debut = time.perf_counter()
        preparer_territoire(env, ["--tous"])
        fichier = dossier / "lieux.csv"
        generer(fichier, env, args.lieux)
        subprocess.run([SUN, "lieux", "importer", str(fichier), "--source", "Banc d'essai"], env=env,
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        with sqlite3.connect(dossier / "sun.sqlite3") as base:
            centres = base.execute("SELECT latitude, longitude FROM territoire_commune "
                                   "WHERE latitude IS NOT NULL").fetchall()  # fmt: skip
            nombre = base.execute("SELECT count(*) FROM inclusion_lieu").fetchone()[0]
        print(
            f"Registre national : {nombre} lieux sur {len(centres)} communes, prêt en {time.perf_counter() - debut:.0f} s"
        )
        print("Objectifs : p50 ≤ ×3, p99 ≤ ×5, aucune erreur.")
        # Each worker builds its index on its first search: warm both before measuring.
        return comparer_au_statique(
            env, dossier, "/api/lieux?lat=43.2130&lon=2.3491&rayon_km=50&taille=20",
            lambda a: requete(a, centres), "API /api/lieux", args.duree, args.clients, echauffement=20,
        )  # fmt: skip
    finally:
        shutil.rmtree(dossier, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
