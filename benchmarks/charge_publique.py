"""Benchmark: the home page while a crowd hammers the costly public pages.

A throw-away database with the Aude, its demonstration content and a generated register of
15,000 places (benchmarks/import_lieux.py's generator); `sun serve` as installed (gunicorn, 2
processes of 4 threads, SQLite). Measured in the same run:

1. the home page alone (one client): its p50, the baseline;
2. the home page while 20 anonymous clients hammer France Numérique Ensemble and the five
   open-data exports, the data having just changed (an import), with the anonymous limits
   lifted, so that only computing once per version protects the site;
3. the same with the default limits (each client beyond its quota gets 429);
4. the home page with two « slowloris » connections open.

Prints p50 and p99 of the home page and the ratios to the baseline (goal: p50 within ×2 in 2
and 3), and what the crowd got (answers per second, statuses).
"""

import argparse
import collections
import multiprocessing
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
import urllib.error
import urllib.request
from pathlib import Path

from charge import SUN, demarrer, port_libre
from import_lieux import generer

COUTEUSES = [
    "/france-numerique-ensemble/",
    "/lieux/export/lieux-de-mediation-numerique.csv",
    "/lieux/export/lieux-de-mediation-numerique.json",
    "/lieux/export/lieux-de-mediation-numerique.geojson",
    "/lieux/export/data-inclusion/structures.json",
    "/lieux/export/data-inclusion/services.json",
]


def obtenir(url: str, entetes: dict | None = None) -> tuple[int, float]:
    debut = time.perf_counter()
    requete = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", **(entetes or {})})
    try:
        with urllib.request.urlopen(requete, timeout=60) as reponse:
            while reponse.read(1 << 16):
                pass
            statut = reponse.status
    except urllib.error.HTTPError as erreur:
        statut = erreur.code
    except OSError:
        statut = 0
    return statut, time.perf_counter() - debut


def mesurer_accueil(base: str, duree: float) -> dict:
    latences, fin = [], time.monotonic() + duree
    while time.monotonic() < fin:
        statut, ecoule = obtenir(base + "/")
        if statut == 200:
            latences.append(ecoule * 1000)
        time.sleep(0.05)  # a visitor, not a load generator
    q = statistics.quantiles(latences, n=100)
    return {"n": len(latences), "p50": q[49], "p99": q[98]}


def _foule(base: str, chemins: list[str], clients: int, arret, file) -> None:
    """In its own process (the crowd is other machines: its threads must not share the
    measuring client's interpreter lock): `clients` threads requesting back to back."""
    statuts: collections.Counter = collections.Counter()
    verrou = threading.Lock()
    debut = time.perf_counter()

    def client(graine: int) -> None:
        alea = random.Random(graine)
        while not arret.is_set():
            statut, _ = obtenir(base + alea.choice(chemins))
            with verrou:
                statuts[statut] += 1

    fils = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    file.put({"requetes_par_s": sum(statuts.values()) / (time.perf_counter() - debut), **statuts})


def sous_la_foule(base: str, chemins: list[str], clients: int, duree: float, avant=None):
    if avant:
        avant()
    arret, file = multiprocessing.Event(), multiprocessing.Queue()
    processus = multiprocessing.Process(target=_foule, args=(base, chemins, clients, arret, file))
    processus.start()
    time.sleep(1)  # the crowd is there before the visitor
    accueil = mesurer_accueil(base, duree)
    arret.set()
    foule_vue = file.get()
    processus.join()
    return accueil, foule_vue


def slowloris(base: str, duree: float) -> dict:
    hote, port = base.removeprefix("http://").split(":")
    lents = []
    for _ in range(2):
        lent = socket.create_connection((hote, int(port)))
        lent.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Lent: ")
        lents.append(lent)
    try:
        return mesurer_accueil(base, duree)
    finally:
        for lent in lents:
            lent.close()


def afficher(nom: str, r: dict, reference: dict) -> None:
    print(f"{nom:<52} p50 {r['p50']:7.1f} ms (×{r['p50'] / reference['p50']:.2f})  "
          f"p99 {r['p99']:7.1f} ms (×{r['p99'] / reference['p99']:.2f})  n={r['n']}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lieux", type=int, default=int(os.environ.get("BENCH_LIEUX", "15000")))
    parser.add_argument("--duree", type=float, default=30.0, help="secondes par mesure")
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()

    dossier = Path(tempfile.mkdtemp(prefix="sun-bench-charge-"))
    env = {**os.environ, "SUN_VAR_DIR": str(dossier), "SUN_DEPARTEMENT": "11",
           "SUN_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SETTINGS_MODULE": "sun.settings"}  # fmt: skip
    for nom in [
        n for n in env if n.startswith("SUN_LIMITE") or n in ("DATABASE_URL", "SUN_CACHE_URL")
    ]:
        env.pop(nom)
    sans_limites = {**env, "SUN_LIMITE_EXPORTS": "", "SUN_LIMITE_PAGES_COUTEUSES": ""}
    try:
        debut = time.perf_counter()
        subprocess.run([SUN, "preparer"], env=env, check=True, stdout=subprocess.DEVNULL)
        # The same generator, longer each time: each import adds 300 places to the register.
        fichiers = [dossier / f"lieux-{i}.csv" for i in range(3)]
        for i, fichier in enumerate(fichiers):
            generer(fichier, env, args.lieux + 300 * i)

        def importer() -> None:  # the data changes: every cached result is now stale
            subprocess.run([SUN, "lieux", "importer", str(fichiers.pop(0)), "--source",
                            "Banc d'essai"], env=env, check=True, stdout=subprocess.DEVNULL)  # fmt: skip

        importer()
        print(f"Base prête en {time.perf_counter() - debut:.0f} s : {args.lieux} lieux générés "
              f"dans l'Aude, {args.clients} clients, {args.duree:.0f} s par mesure.")  # fmt: skip
        print("Objectif : p50 de l'accueil sous la foule ≤ ×2 de son p50 seul.")
        port = port_libre()
        base = f"http://127.0.0.1:{port}"
        resultats = {}
        statique = ["/static/sun/css/sun.css"]
        for nom, reglages in (("sans limites", sans_limites), ("limites par défaut", env)):
            serveur = demarrer(reglages, port, "/sante")
            try:
                for chemin in ["/", *COUTEUSES]:  # computed once, as after a first visit
                    obtenir(base + chemin)
                reference = mesurer_accueil(base, args.duree)
                # The floor: the same crowd on the cheapest answer there is (a static file).
                plancher = sous_la_foule(base, statique, args.clients, args.duree)
                # The register changes, then the crowd arrives on stale pages and files: one
                # process computes each new result, the others serve the previous one.
                accueil, foule_vue = sous_la_foule(base, COUTEUSES, args.clients, args.duree,
                                                   avant=importer)  # fmt: skip
                resultats[nom] = (reference, plancher, accueil, foule_vue)
                if nom == "sans limites":
                    lent = slowloris(base, args.duree / 2)
            finally:
                serveur.terminate()
                serveur.wait()
        reference = resultats["sans limites"][0]
        afficher("Accueil seul", reference, reference)
        for nom, (ref, (plancher, foule_plancher), accueil, foule_vue) in resultats.items():
            print(f"-- {nom} (accueil seul dans cette exécution : p50 {ref['p50']:.1f} ms)")
            afficher("Accueil, foule sur un fichier statique (plancher)", plancher, ref)
            afficher("Accueil, foule sur FNE et les exports", accueil, ref)
            print(f"    rapport au plancher : p50 ×{accueil['p50'] / plancher['p50']:.2f}")
            for quoi, vue in (("statique", foule_plancher), ("FNE et exports", foule_vue)):
                print(f"    foule ({quoi}) : {vue['requetes_par_s']:.0f} réponses/s, statuts "
                      + ", ".join(f"{k}: {v}" for k, v in sorted(vue.items(), key=str)
                                  if k != "requetes_par_s"))  # fmt: skip
        afficher("Accueil avec deux connexions lentes (slowloris)", lent, reference)
        pire = max(a["p50"] / r["p50"] for r, _, a, _ in resultats.values())
        print(f"Ratio p50 le plus haut sous la foule : ×{pire:.2f}")
        return 0
    finally:
        shutil.rmtree(dossier, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
