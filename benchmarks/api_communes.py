"""Benchmark: commune search API vs a static JSON file of similar size, same server, same run.

Starts `sun serve` (gunicorn, 2 workers) on a throw-away database holding the chosen
départements (all of France by default), then runs C concurrent clients for D seconds against
each target with varied queries, and prints p50, p99, throughput, errors and the ratios.
"""

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

SUN = str(Path(sys.executable).parent / "sun")
REQUETES = [
    "carcassonne", "saint", "lezignan", "11000", "narbonne", "sainte marie", "75056", "ajaccio",
    "mont", "la", "castel", "bourg", "villeneuve", "13001", "brest", "paris", "lyon", "vic",
]  # fmt: skip


def port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def demarrer(env: dict, port: int, sonde: str) -> subprocess.Popen:
    """Start `sun serve` and wait until `sonde` answers."""
    serveur = subprocess.Popen(
        [SUN, "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{sonde}", timeout=1)
            return serveur
        except OSError:
            time.sleep(0.2)
    serveur.terminate()
    raise RuntimeError("le serveur n'a pas démarré")


def charger(url_de: callable, duree: float, clients: int) -> dict:
    latences: list[float] = []
    erreurs = 0
    verrou = threading.Lock()
    fin = time.monotonic() + duree

    def client(graine: int) -> None:
        nonlocal erreurs
        alea = random.Random(graine)
        while time.monotonic() < fin:
            debut = time.perf_counter()
            try:
                with urllib.request.urlopen(url_de(alea), timeout=10) as reponse:
                    reponse.read()
                    ok = reponse.status == 200
            except Exception:
                ok = False
            ecoule = time.perf_counter() - debut
            with verrou:
                latences.append(ecoule) if ok else None
                erreurs += 0 if ok else 1

    fils = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    latences.sort()
    q = statistics.quantiles(latences, n=100) if len(latences) > 1 else [0] * 99
    return {
        "n": len(latences),
        "erreurs": erreurs,
        "p50": q[49] * 1000,
        "p99": q[98] * 1000,
        "debit": len(latences) / duree,
    }


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
    }
    env.pop("DATABASE_URL", None) if "BENCH_DATABASE_URL" not in os.environ else env.update(
        DATABASE_URL=os.environ["BENCH_DATABASE_URL"]
    )
    serveur = None
    try:
        debut = time.perf_counter()
        subprocess.run(
            [SUN, "preparer", "--sans-demo"], env=env, check=True, stdout=subprocess.DEVNULL
        )
        cible = ["--tous"] if args.departements == "tous" else args.departements.split(",")
        subprocess.run(
            [SUN, "territoire", "charger", *cible], env=env, check=True, stdout=subprocess.DEVNULL
        )
        print(f"Territoire chargé ({args.departements}) en {time.perf_counter() - debut:.1f} s")

        port = port_libre()
        base = f"http://127.0.0.1:{port}"
        serveur = demarrer(env, port, "/sante")
        # Baseline: a typical API answer, saved as a static file served by the same server
        # (restarted, as WhiteNoise indexes static files at start-up).
        exemple = urllib.request.urlopen(base + "/api/communes?q=saint&taille=20").read()
        (dossier / "static" / "bench-reference.json").write_bytes(exemple)
        serveur.terminate()
        serveur.wait()
        serveur = demarrer(env, port, "/static/bench-reference.json")
        print(
            f"Réponse de référence : {len(exemple)} octets ; {args.clients} clients, {args.duree:.0f} s par cible"
        )

        reference = charger(
            lambda a: base + "/static/bench-reference.json", args.duree, args.clients
        )
        api = charger(
            lambda a: f"{base}/api/communes?taille=20&q={urllib.request.quote(a.choice(REQUETES))}",
            args.duree,
            args.clients,
        )
        for nom, r in (("JSON statique", reference), ("API /api/communes", api)):
            print(
                f"{nom:<20} p50 {r['p50']:7.1f} ms  p99 {r['p99']:7.1f} ms  {r['debit']:7.1f} req/s  erreurs {r['erreurs']}"
            )
        print(
            f"Ratio API / statique : p50 ×{api['p50'] / reference['p50']:.2f}  p99 ×{api['p99'] / reference['p99']:.2f}"
        )
        print(json.dumps({"reference": reference, "api": api}))
        return 0 if api["erreurs"] == 0 else 1
    finally:
        if serveur:
            serveur.terminate()
            serveur.wait()
        shutil.rmtree(dossier, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
