"""Benchmark: importing a GLPI export of 100,000 computers (issue 18, item 9).

A synthetic export written exactly as GLPI writes it (`sun parc generer-glpi`: BOM, every
field quoted, `;`, trailing `;`, multi-line MAC cells, French labels with their group prefix,
day-first dates, « 60 mois »). Then, in the same run, each in its own process:
- a floor: start Python and Django, read the file with the csv module, insert the raw rows
  (17 text columns, no check, no conversion) with executemany into a plain table in one
  transaction;
- SUN's full import (`sun parc importer`: layout recognised from the header, mapping, the
  duplicates pass over the keys, dates, warranty ends, statuses and types through the
  source's tables, sites created, bulk inserts of the items, their « entrée » events and
  the exits of the « Recyclé » ones, one transaction, the journal and the report).
Prints both times, the ratio (goal ≤ ×3) and SUN's peak memory; then re-imports the same
file (nothing written) and prints that time too.

The database is DATABASE_URL's server: PostgreSQL (a throw-away database `sun_bench_parc` is
created there and dropped), or, without DATABASE_URL, a throw-away SQLite file.
    .venv/bin/python benchmarks/parc_import.py [--lignes 100000]
"""

import argparse
import os
import subprocess
import sys
import time

from processus import SUN, base_jetable, mesurer

BASE = "sun_bench_parc"

PLANCHER = """
import csv, sys
import django; django.setup()
from django.db import connection, transaction

with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    lecteur = csv.reader(f, delimiter=";")
    n = len(next(lecteur))
    with transaction.atomic(), connection.cursor() as curseur:
        curseur.execute("CREATE TEMPORARY TABLE plancher (" + ", ".join(f"c{i} text" for i in range(n)) + ")")
        curseur.executemany("INSERT INTO plancher VALUES (" + ", ".join(["%s"] * n) + ")", lecteur)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lignes", type=int,
                        default=int(os.environ.get("BENCH_LIGNES", "100000")))  # fmt: skip
    args = parser.parse_args()
    with base_jetable(BASE, "sun-bench-parc-") as (dossier, env, postgres):
        print(f"Base : {'PostgreSQL' if postgres else 'SQLite'} ; {args.lignes} ordinateurs")
        fichier = dossier / "glpi-export.csv"
        debut = time.perf_counter()
        subprocess.run([SUN, "parc", "generer-glpi", "--lignes", str(args.lignes), "--sortie",
                        str(fichier)], env=env, check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        print(f"Export GLPI synthétique écrit en {time.perf_counter() - debut:.0f} s "
              f"({fichier.stat().st_size / 1e6:.0f} Mo)")  # fmt: skip
        plancher, _, _ = mesurer([sys.executable, "-c", PLANCHER, str(fichier)], env)
        duree, memoire, sortie = mesurer([SUN, "parc", "importer", str(fichier)], env)
        lignes = [ligne.strip() for ligne in sortie.splitlines() if ligne.startswith("  ")][:3]
        print("\n".join("  " + ligne for ligne in lignes))
        print(f"  plancher {plancher:6.1f} s ; SUN {duree:6.1f} s ; ×{duree / plancher:.2f} "
              f"(objectif ≤ 3) ; pic mémoire SUN {memoire:.0f} Mo")  # fmt: skip
        duree2, _, sortie2 = mesurer([SUN, "parc", "importer", str(fichier)], env)
        inchanges = [ligne.strip() for ligne in sortie2.splitlines() if "inchangés" in ligne]
        print(f"  réimport du même fichier : {duree2:6.1f} s ({' '.join(inchanges)})")
        return 1 if duree / plancher > 3 else 0


if __name__ == "__main__":
    sys.exit(main())
