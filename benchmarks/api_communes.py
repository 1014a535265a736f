"""Benchmark: commune search API vs a static JSON file of similar size, same server, same run.

Starts `sun serve` (gunicorn, 2 workers) on a throw-away database holding the chosen
départements (all of France by default), then runs C concurrent clients for D seconds against
each target with varied queries, and prints p50, p99, throughput, errors and the ratios.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from charge import comparer_au_statique, preparer_territoire

REQUETES = [
    "carcassonne", "saint", "lezignan", "11000", "narbonne", "sainte marie", "75056", "ajaccio",
    "mont", "la", "castel", "bourg", "villeneuve", "13001", "brest", "paris", "lyon", "vic",
]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--departements", default="tous", help="« tous » ou liste : 11,34,66")
    parser.add_argument("--duree", type=float, default=20.0, help="secondes par cible")
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()

    dossier = Path(tempfile.mkdtemp(prefix="sun-bench-"))
    env = {
        **os.environ,
        "SUN_VAR_DIR": str(dossier),
        "SUN_DEPARTEMENT": "11",
        "SUN_ALLOWED_HOSTS": "127.0.0.1",
        # Every endpoint is rate-limited: a limit the run cannot reach, so that its cost is
        # measured (as in api_lieux.py).
        "SUN_API_LIMITE_ANONYME": "100000000/min",
    }
    env.pop("DATABASE_URL", None) if "BENCH_DATABASE_URL" not in os.environ else env.update(
        DATABASE_URL=os.environ["BENCH_DATABASE_URL"]
    )
    try:
        debut = time.perf_counter()
        preparer_territoire(
            env, ["--tous"] if args.departements == "tous" else args.departements.split(",")
        )
        print(f"Territoire chargé ({args.departements}) en {time.perf_counter() - debut:.1f} s")
        return comparer_au_statique(
            env, dossier, "/api/communes?q=saint&taille=20",
            lambda a: f"/api/communes?taille=20&q={urllib.request.quote(a.choice(REQUETES))}",
            "API /api/communes", args.duree, args.clients,
        )  # fmt: skip
    finally:
        shutil.rmtree(dossier, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
