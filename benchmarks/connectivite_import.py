"""Benchmark: importing the national connectivity files (issue 17, item 7).

Generated files with the exact real headers (`sun.connectivite.importation.generation`):
the three ARCEP « Ma connexion internet » commune files of one quarter (BENCH_COMMUNES rows
each, 35,000 by default) and a 9-year FttH observatory workbook (35,000 communes × 36 quarters
T4 2017 … T3 2026, about 1.26 million quarterly values). Each is imported with `--tous` (the
whole of France) by `sun connectivite importer`, in its own process, next to a floor measured
in the same run, in its own process too: start Python and Django, read the same file (csv
module; openpyxl read-only for the workbook), insert the raw rows as text with executemany into
a plain table in one transaction (for the workbook: one raw row per commune and quarter, the
same number of rows SUN writes). Prints the times, the ratios (goal ≤ ×3) and SUN's peak memory.

The database is DATABASE_URL's server: PostgreSQL (a throw-away database `sun_bench_connectivite`
is created there and dropped), or, without DATABASE_URL, a throw-away SQLite file.
    .venv/bin/python benchmarks/connectivite_import.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python benchmarks/connectivite_import.py
"""

import argparse
import os
import subprocess
import sys
import time

from processus import SUN, base_jetable, mesurer

BASE = "sun_bench_connectivite"

GENERER = """
import sys
from pathlib import Path
import django; django.setup()
from sun.connectivite.importation import generation
from datetime import date
dossier, n = Path(sys.argv[1]), int(sys.argv[2])
codes = generation.codes_communes(n)
generation.ecrire_mci(dossier, codes, date(2026, 3, 31))
generation.ecrire_ftth(dossier, codes, dernier=(2026, 3), nombre=36)
"""

PLANCHER_CSV = """
import csv, sys
import django; django.setup()
from django.db import connection, transaction
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    lecteur = csv.reader(f, delimiter=";")
    n = len(next(lecteur))
    with transaction.atomic(), connection.cursor() as curseur:
        curseur.execute("CREATE TEMPORARY TABLE plancher (" + ", ".join(f"c{i} text" for i in range(n)) + ")")
        curseur.executemany("INSERT INTO plancher VALUES (" + ", ".join(["%s"] * n) + ")", lecteur)
"""

PLANCHER_XLSX = """
import sys
import django; django.setup()
from django.db import connection, transaction
from openpyxl import load_workbook

classeur = load_workbook(sys.argv[1], read_only=True, data_only=True)
lignes = classeur["Communes"].iter_rows(values_only=True)
for entete in lignes:
    if entete and entete[0] == "Code commune":
        break
colonnes = [i for i, c in enumerate(entete) if isinstance(c, str) and c[:1] == "T" and c[1:2].isdigit()]
def rangees():
    for ligne in lignes:
        for i in colonnes:
            if ligne[i] is not None:
                yield (str(ligne[0]), entete[i], str(ligne[i]))
with transaction.atomic(), connection.cursor() as curseur:
    curseur.execute("CREATE TEMPORARY TABLE plancher (code text, trimestre text, valeur text)")
    curseur.executemany("INSERT INTO plancher VALUES (%s, %s, %s)", rangees())
classeur.close()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--communes", type=int,
                        default=int(os.environ.get("BENCH_COMMUNES", "35000")))  # fmt: skip
    args = parser.parse_args()
    with base_jetable(BASE, "sun-bench-connectivite-") as (dossier, env, postgres):
        print(f"Base : {'PostgreSQL' if postgres else 'SQLite'} ; {args.communes} communes")
        echec = False
        debut = time.perf_counter()
        subprocess.run([sys.executable, "-c", GENERER, str(dossier), str(args.communes)], env=env,
                       check=True)  # fmt: skip
        print(f"Fichiers synthétiques écrits en {time.perf_counter() - debut:.0f} s")
        fichiers = sorted(dossier.glob("*.csv")) + sorted(dossier.glob("*.xlsx"))
        total_sun = total_plancher = 0.0
        for fichier in fichiers:
            script = PLANCHER_XLSX if fichier.suffix == ".xlsx" else PLANCHER_CSV
            plancher, _, _ = mesurer([sys.executable, "-c", script, str(fichier)], env)
            duree, memoire, sortie = mesurer(
                [SUN, "connectivite", "importer", str(fichier), "--tous"], env
            )
            lignes = [ligne for ligne in sortie.splitlines() if ligne.startswith("  ")][:3]
            print(f"{fichier.name} ({fichier.stat().st_size / 1e6:.0f} Mo)")
            print("\n".join("  " + ligne.strip() for ligne in lignes))
            print(f"  plancher {plancher:6.1f} s ; SUN {duree:6.1f} s ; ×{duree / plancher:.2f} "
                  f"(objectif ≤ 3) ; pic mémoire SUN {memoire:.0f} Mo")  # fmt: skip
            echec |= duree / plancher > 3
            total_sun, total_plancher = total_sun + duree, total_plancher + plancher
            if fichier.suffix == ".xlsx":
                duree2, _, sortie2 = mesurer(
                    [SUN, "connectivite", "importer", str(fichier), "--tous"], env
                )
                inchanges = [
                    ligne.strip() for ligne in sortie2.splitlines() if "inchangés" in ligne
                ]
                print(f"  réimport de la même édition : {duree2:6.1f} s ({' '.join(inchanges)})")
        print(f"Total : plancher {total_plancher:.1f} s ; SUN {total_sun:.1f} s ; "
              f"×{total_sun / total_plancher:.2f}")  # fmt: skip
        return 1 if echec else 0


if __name__ == "__main__":
    sys.exit(main())
