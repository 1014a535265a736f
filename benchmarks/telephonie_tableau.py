"""Benchmark: the telephone dashboard of a service for a year of calls.

A throw-away SQLite database (in a temporary var/ folder) with one service, one queue and a
year of calls (250,000 by default, written with bulk_create, the calendar fields as the
importer stores them). Then, in the same run, under concurrent logged-in clients, through
`sun serve` (gunicorn, 2 workers):

- the dashboard `/espace/qualite/telephone/<code>/?periode=annee&annee=…` (figures cached per
  version of the telephone data and rendered once per version),
- a static file of the same size served by the same server;

goal: p50 of the dashboard within ×3 of the static file. The time of one computation of the
figures without any kept result is printed too.
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from charge import SUN, charger, demarrer, port_libre

CODE = "bench-accueil"
ANNEE = 2024


def generer(n: int) -> None:
    """`n` calls over the working hours of ANNEE, with realistic outcomes and waits."""
    from sun.core.versions import donnees_ecrites
    from sun.qualite.models import Appel, FileAttente, Issue
    from sun.relation.models import ServiceInstructeur

    paris = ZoneInfo("Europe/Paris")
    service = ServiceInstructeur.objects.create(code=CODE, nom="Accueil du Département",
                                                adresse_postale="Carcassonne",
                                                telephone="04 68 11 68 11")  # fmt: skip
    file = FileAttente.objects.create(code="BENCH", nom="Standard", service=service)
    jours = [date(ANNEE, 1, 1) + timedelta(days=k) for k in range(366)]
    ouvres = [j for j in jours if j.isoweekday() <= 5]
    alea = random.Random(42)
    issues = [Issue.DECROCHE] * 78 + [Issue.ABANDON_ATTENTE] * 12 + [Issue.ABANDON_SONNERIE] * 3 + \
        [Issue.RAPPEL] * 2 + [Issue.MESSAGERIE] * 2 + [Issue.HORS_HORAIRES] * 2 + [Issue.SVI_SEUL]  # fmt: skip
    debut = time.perf_counter()
    lot = []
    for i in range(n):
        jour = alea.choice(ouvres)
        minute = int(alea.triangular(8 * 60, 17 * 60 + 30, 10 * 60))
        moment = datetime(jour.year, jour.month, jour.day, minute // 60, minute % 60, tzinfo=paris)
        issue = alea.choice(issues)
        lot.append(Appel(file=file, source="bench", identifiant=f"b{i}", debut=moment, jour=jour,
                         jour_semaine=jour.isoweekday(), demi_heure=minute // 30, issue=issue,
                         attente_s=int(alea.expovariate(1 / 35)),
                         conversation_s=int(alea.expovariate(1 / 240)) if issue == Issue.DECROCHE
                         else 0))  # fmt: skip
        if len(lot) == 10_000:
            Appel.objects.bulk_create(lot)
            lot = []
    Appel.objects.bulk_create(lot)
    donnees_ecrites(Appel)
    print(f"Appels générés : {n} en {time.perf_counter() - debut:.1f} s (bulk_create)")


def session() -> str:
    """The session key of a logged-in agent."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore

    from sun.comptes.roles import Role

    agent = get_user_model().objects.create_user("bench-agent", password=None)
    agent.groups.add(Group.objects.get_or_create(name=Role.AGENT.value)[0])
    s = SessionStore()
    s[SESSION_KEY], s[BACKEND_SESSION_KEY] = (
        str(agent.pk),
        "django.contrib.auth.backends.ModelBackend",
    )
    s[HASH_SESSION_KEY] = agent.get_session_auth_hash()
    s.create()
    return s.session_key


def mesurer_calcul(fois: int = 5) -> float:
    """Median time (ms) of one computation of the figures, nothing kept."""
    from sun.qualite.telephonie.statistiques.periodes import lire
    from sun.qualite.telephonie.statistiques.tableau import calculer_service
    from sun.relation.models import ServiceInstructeur

    service = ServiceInstructeur.objects.get(code=CODE)
    periode = lire({"periode": "annee", "annee": str(ANNEE)}, date(ANNEE, 12, 31))
    durees = []
    for _ in range(fois):
        debut = time.perf_counter()
        calculer_service(service.pk, periode)
        durees.append((time.perf_counter() - debut) * 1000)
    return statistics.median(durees)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--appels", type=int, default=int(os.environ.get("BENCH_APPELS", "250000")))
    parser.add_argument("--duree", type=float, default=20.0, help="secondes par cible")
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    dossier = Path(tempfile.mkdtemp(prefix="sun-bench-telephonie-"))
    env = {**os.environ, "SUN_VAR_DIR": str(dossier), "SUN_DEPARTEMENT": "11",
           "SUN_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SETTINGS_MODULE": "sun.settings"}  # fmt: skip
    for variable in ("SUN_CACHE_URL", "DATABASE_URL"):
        env.pop(variable, None)
    try:
        subprocess.run([SUN, "preparer", "--sans-demo"], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        os.environ.clear()
        os.environ.update(env)
        import django

        django.setup()
        generer(args.appels)
        cle = session()
        calcul = mesurer_calcul()
        from django.db import connections

        connections.close_all()
        chemin = f"/espace/qualite/telephone/{CODE}/?periode=annee&annee={ANNEE}"
        port = port_libre()
        base = f"http://127.0.0.1:{port}"

        def requete(_alea=None):
            return urllib.request.Request(base + chemin, headers={"Cookie": f"sessionid={cle}"})

        serveur = demarrer(env, port, "/sante")
        try:
            with urllib.request.urlopen(requete()) as reponse:
                page = reponse.read()
                assert reponse.status == 200 and b"<svg" in page, reponse.status
        finally:
            serveur.terminate()
            serveur.wait()
        (dossier / "static" / "bench-telephonie.html").write_bytes(page)
        serveur = demarrer(env, port, "/static/bench-telephonie.html")
        try:
            for _ in range(20):
                urllib.request.urlopen(requete()).read()
            print(f"Page du tableau de bord : {len(page)} octets ; {args.clients} clients "
                  f"connectés, {args.duree:.0f} s par cible")  # fmt: skip
            statique = charger(lambda a: base + "/static/bench-telephonie.html", args.duree,
                               args.clients)  # fmt: skip
            tableau = charger(requete, args.duree, args.clients)
            # What any logged-in page costs on this server (session, user, roles, menus).
            accueil = charger(
                lambda a: urllib.request.Request(
                    base + "/espace/", headers={"Cookie": f"sessionid={cle}"}
                ),
                args.duree,
                args.clients,
            )
        finally:
            serveur.terminate()
            serveur.wait()
        print(f"Calcul des chiffres sans résultat gardé ({args.appels} appels) : {calcul:.0f} ms ; "
              "ensuite gardés jusqu'à la prochaine écriture")  # fmt: skip
        for nom, r in (("Fichier statique, même taille", statique),
                       ("Tableau de bord téléphonique", tableau),
                       ("Accueil de l'espace (connecté)", accueil)):  # fmt: skip
            print(f"{nom:<32} p50 {r['p50']:7.1f} ms  p99 {r['p99']:7.1f} ms  "
                  f"{r['debit']:6.1f} req/s  erreurs {r['erreurs']}")  # fmt: skip
        print(f"Ratio tableau / statique : p50 ×{tableau['p50'] / statique['p50']:.2f} "
              f"(objectif ≤ ×3) ; plancher accueil / statique ×{accueil['p50'] / statique['p50']:.2f}"
              f" ; tableau / accueil ×{tableau['p50'] / accueil['p50']:.2f}")  # fmt: skip
        return 0 if tableau["erreurs"] == 0 else 1
    finally:
        shutil.rmtree(dossier, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
