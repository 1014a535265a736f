"""What the import benchmarks share: a PostgreSQL database of their own beside the one given,
and the time and peak memory of a command run in its own process."""

import subprocess
import time


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
