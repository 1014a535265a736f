"""What the import benchmarks share: a throw-away folder and database (a PostgreSQL database of
their own beside DATABASE_URL's, else a SQLite file), migrated, and the time and peak memory
of a command run in its own process."""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

SUN = str(Path(sys.executable).parent / "sun")


def base_postgres(url: str, nom: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + nom


def administrer(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(base_postgres(url, "postgres"), autocommit=True) as connexion:
        connexion.execute(sql)


def mesurer(commande: list[str], env: dict) -> tuple[float, float, str]:
    """(seconds, peak MB, output) of a command in its own process."""
    debut = time.perf_counter()
    enfant = subprocess.run(["/usr/bin/time", "-f", "%M", *commande], env=env,
                            capture_output=True, text=True)  # fmt: skip
    duree = time.perf_counter() - debut
    if enfant.returncode != 0:
        raise SystemExit(enfant.stdout + enfant.stderr)
    memoire = int(enfant.stderr.strip().splitlines()[-1]) / 1024
    return duree, memoire, enfant.stdout


@contextmanager
def base_jetable(nom: str, prefixe: str):
    """Yield (folder, environment of the commands, PostgreSQL or not) for a migrated
    throw-away database `nom`; both are removed afterwards, whatever happens."""
    dossier = Path(tempfile.mkdtemp(prefix=prefixe))
    url = os.environ.get("DATABASE_URL", "")
    postgres = url.startswith("postgres")
    base = base_postgres(url, nom) if postgres else f"sqlite:///{dossier / 'bench.sqlite3'}"
    env = {**os.environ, "SUN_VAR_DIR": str(dossier), "DJANGO_SETTINGS_MODULE": "sun.settings",
           "DATABASE_URL": base, "SUN_IMPORT_DUREE_MAX_S": "7200"}  # fmt: skip
    env.pop("SUN_CACHE_URL", None)
    if postgres:
        administrer(url, f"DROP DATABASE IF EXISTS {nom} WITH (FORCE)")
        administrer(url, f"CREATE DATABASE {nom}")
    try:
        subprocess.run([SUN, "django", "migrate", "--noinput"], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        yield dossier, env, postgres
    finally:
        if postgres:
            administrer(url, f"DROP DATABASE IF EXISTS {nom} WITH (FORCE)")
        shutil.rmtree(dossier, ignore_errors=True)
