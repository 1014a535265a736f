"""Load-testing helpers shared by the API benchmarks: start `sun serve`, run concurrent clients,
print percentiles and ratios against a static file served by the same server."""

import json
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

SUN = str(Path(sys.executable).parent / "sun")


def port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def demarrer(env: dict, port: int, sonde: str) -> subprocess.Popen:
    """Start `sun serve` (gunicorn, 2 workers) and wait until `sonde` answers."""
    serveur = subprocess.Popen(
        # Without the task worker: the web processes alone, as measured before tasks existed.
        [SUN, "serve", "--port", str(port), "--workers", "2", "--sans-worker"],
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


def afficher(reference: dict, api: dict, nom_api: str) -> None:
    for nom, r in (("JSON statique", reference), (nom_api, api)):
        print(
            f"{nom:<20} p50 {r['p50']:7.1f} ms  p99 {r['p99']:7.1f} ms  {r['debit']:7.1f} req/s  erreurs {r['erreurs']}"
        )
    print(
        f"Ratio API / statique : p50 ×{api['p50'] / reference['p50']:.2f}  p99 ×{api['p99'] / reference['p99']:.2f}"
    )
    print(json.dumps({"reference": reference, "api": api}))


def comparer_au_statique(env: dict, dossier: Path, exemple: str, chemin_de, nom: str, duree: float,
                         clients: int, echauffement: int = 0) -> int:  # fmt: skip
    """Start `sun serve`, save the answer to `exemple` as a static file (restarting, as
    WhiteNoise indexes static files at start-up), warm up, then load the static file and the
    API in turn (`chemin_de(alea)` gives each request's path). Exit code: 0 without errors."""
    port = port_libre()
    base = f"http://127.0.0.1:{port}"
    serveur = demarrer(env, port, "/sante")
    try:
        reponse = urllib.request.urlopen(base + exemple).read()
        (dossier / "static" / "bench-reference.json").write_bytes(reponse)
        serveur.terminate()
        serveur.wait()
        serveur = demarrer(env, port, "/static/bench-reference.json")
        alea = random.Random(1)
        for _ in range(echauffement):
            urllib.request.urlopen(base + chemin_de(alea)).read()
        print(
            f"Réponse de référence : {len(reponse)} octets ; {clients} clients, {duree:.0f} s par cible"
        )
        reference = charger(lambda a: base + "/static/bench-reference.json", duree, clients)
        api = charger(lambda a: base + chemin_de(a), duree, clients)
        afficher(reference, api, nom)
        return 0 if api["erreurs"] == 0 else 1
    finally:
        serveur.terminate()
        serveur.wait()


def preparer_territoire(env: dict, departements: list[str]) -> None:
    """A throw-away database with the given départements (["--tous"]: all of France)."""
    subprocess.run([SUN, "preparer", "--sans-demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([SUN, "territoire", "charger", *departements], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
