"""Benchmark: importing a large département's year of calls (1,000,000 call records).

A throw-away PostgreSQL database (created and dropped here), migrated; 1,000,000 generated
calls of 8 queues over 365 days written as an Asterisk Master.csv (the headerless cdr_csv
layout, `sun telephonie generer`). Then, in the same run:
- a floor: start Python and Django, read the file with the csv module, insert the raw rows
  (18 text columns, no check, no conversion) with executemany in one transaction;
- SUN's full import (`sun telephonie importer … --correspondance asterisk-cdr`: mapping, dates
  in Paris, durations, outcome rules, the caller's keyed hash, queues created, idempotence key
  checked batch by batch, bulk inserts, one transaction, the journal and report).
Prints both times, the ratio (goal ≤ ×3) and SUN's peak memory (goal < 500 MB, measured by
/usr/bin/time on the import's own process). Then re-imports the same file (nothing written).

DATABASE_URL of the server to use (its database name is replaced): BENCH_POSTGRES, by default
postgres://postgres@127.0.0.1:5432/postgres. BENCH_APPELS: the number of calls.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE = "sun_bench_telephonie"
SUN = str(Path(sys.executable).parent / "sun")

PLANCHER = """
import csv, sys
import django; django.setup()
from django.db import connection, transaction
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    lecteur = csv.reader(f)
    premiere = next(lecteur)
    n = len(premiere)
    with transaction.atomic(), connection.cursor() as curseur:
        curseur.execute("CREATE TEMPORARY TABLE plancher (" + ", ".join(f"c{i} text" for i in range(n)) + ")")
        sql = "INSERT INTO plancher VALUES (" + ", ".join(["%s"] * n) + ")"
        curseur.execute(sql, premiere)
        curseur.executemany(sql, lecteur)
"""


def base_postgres(nom: str) -> str:
    serveur = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
    return serveur.rsplit("/", 1)[0] + "/" + nom


def administrer(sql: str) -> None:
    import psycopg

    with psycopg.connect(base_postgres("postgres"), autocommit=True) as connexion:
        connexion.execute(sql)


def importer(fichier: Path, env: dict) -> tuple[float, float, str]:
    """(seconds, peak MB, report) of SUN's import in its own process."""
    debut = time.perf_counter()
    enfant = subprocess.run(["/usr/bin/time", "-f", "%M", SUN, "telephonie", "importer", str(fichier),
                             "--correspondance", "asterisk-cdr", "--source", "Banc d'essai"],
                            env=env, capture_output=True, text=True)  # fmt: skip
    duree = time.perf_counter() - debut
    if enfant.returncode != 0:
        raise SystemExit(enfant.stdout + enfant.stderr)
    memoire = int(enfant.stderr.strip().splitlines()[-1]) / 1024
    return duree, memoire, "\n".join("  " + ligne for ligne in enfant.stdout.splitlines()[:4])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--appels", type=int, default=int(os.environ.get("BENCH_APPELS", "1000000"))
    )
    parser.add_argument("--garder", action="store_true", help="garder la base (analyse)")
    args = parser.parse_args()

    dossier = Path(tempfile.mkdtemp(prefix="sun-bench-telephonie-"))
    env = {**os.environ, "SUN_VAR_DIR": str(dossier), "DJANGO_SETTINGS_MODULE": "sun.settings",
           "DATABASE_URL": base_postgres(BASE), "SUN_TELEPHONIE_CLE": "cle-du-banc-d-essai",
           "SUN_IMPORT_DUREE_MAX_S": "7200",
           # A year of a large département in one Master.csv is about 250 MB: above the
           # default 200 MB limit of an upload, allowed here for the command line.
           "SUN_IMPORT_TAILLE_MAX": str(600 * 1024 * 1024)}  # fmt: skip
    env.pop("SUN_CACHE_URL", None)
    administrer(f"DROP DATABASE IF EXISTS {BASE} WITH (FORCE)")
    administrer(f"CREATE DATABASE {BASE}")
    try:
        subprocess.run([SUN, "django", "migrate", "--noinput"], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        fichier = dossier / "Master.csv"
        debut = time.perf_counter()
        subprocess.run([SUN, "telephonie", "generer", str(fichier), "--appels", str(args.appels),
                        "--fin", "2025-12-31"], env=env, check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        print(f"Fichier : {args.appels} appels générés en {time.perf_counter() - debut:.0f} s, "
              f"{fichier.stat().st_size / 1e6:.0f} Mo, Asterisk Master.csv (8 files, 365 jours)")  # fmt: skip
        debut = time.perf_counter()
        subprocess.run([sys.executable, "-c", PLANCHER, str(fichier)], env=env, check=True)
        plancher = time.perf_counter() - debut
        print(
            f"Plancher (démarrer, lire le CSV, insérer les lignes brutes, une transaction) : {plancher:6.1f} s"
        )
        duree, memoire, rapport = importer(fichier, env)
        print(rapport)
        print(f"Import SUN complet : {duree:6.1f} s ; pic mémoire de l'import : {memoire:.0f} Mo "
              "(objectif < 500 Mo)")  # fmt: skip
        print(f"Rapport SUN / plancher : ×{duree / plancher:.2f} (objectif : ≤ 3)")
        duree2, memoire2, rapport2 = importer(fichier, env)
        print(rapport2.splitlines()[2] if len(rapport2.splitlines()) > 2 else rapport2)
        print(
            f"Réimport du même fichier (rien d'écrit) : {duree2:6.1f} s ; pic mémoire {memoire2:.0f} Mo"
        )
        return 0 if duree / plancher <= 3 and memoire < 500 else 1
    finally:
        if not args.garder:
            administrer(f"DROP DATABASE IF EXISTS {BASE} WITH (FORCE)")
        shutil.rmtree(dossier, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
