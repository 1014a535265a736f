"""Benchmark: the register of requests at the scale of a département (PostgreSQL).

A throw-away PostgreSQL database (created and dropped here) with a register of 1,000,000
requests over 50 démarches of 6 services and the 3 years up to today, generated in one
INSERT … SELECT; one démarche holds 200,000 of them. Then, in the same run:

(a) the service dashboard `/espace/relation/services/<code>/` (counts by status from the
    counters, the next 50 implicit decisions and the deadlines from the partial index) of the
    largest service, under 10 concurrent logged-in clients, next to a static file of the same
    size served by the same server (`sun serve`, gunicorn); goal: p50 within ×3;
(b) recomputing the deadlines of the 200,000 requests of one démarche after its regime changes
    (`changer_regime(..., appliquer_aux_demandes="toutes")`: two set-based UPDATEs, the history
    of open requests in one INSERT … SELECT, the counters of the service recounted), next to a
    plain UPDATE of the same rows; goal: within ×3.

DATABASE_URL of the server to use (its database name is replaced): BENCH_POSTGRES, by default
postgres://postgres@127.0.0.1:5432/postgres.
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
from pathlib import Path

from charge import SUN, charger, demarrer, port_libre

BASE = "sun_bench_relation"
SERVICES, DEMARCHES, GRANDE = 6, 50, 200_000

GENERER = """
INSERT INTO relation_demande (code_suivi, demarche_id, service_id, canal, recue_le,
    enregistree_le, objet, statut, regime, delai_valeur, delai_unite, pieces_en_attente,
    jours_suspendus_pieces, date_decision_implicite, decidee_le, dans_les_temps, typologie,
    source_externe, numero_externe, lien_externe, demonstration)
SELECT 'B' || lpad(i::text, 8, '0'), d.id, d.service_id,
    (ARRAY['en_ligne','en_ligne','telephone','guichet','courrier','courriel'])[1 + i %% 6],
    g.recue, now(), '', g.statut, 'sva', 2, 'mois', false, 0,
    (g.recue + interval '2 months')::date,
    CASE WHEN g.statut IN ('accepte','refuse','sans_suite') THEN g.recue + (i * 13) %% 90 END,
    CASE WHEN g.statut IN ('accepte','refuse','sans_suite')
         THEN g.recue + (i * 13) %% 90 <= (g.recue + interval '2 months')::date END,
    '', '', '', '', false
FROM generate_series(1, %(n)s) AS i
CROSS JOIN LATERAL (SELECT CASE WHEN i <= %(grande)s THEN 0 ELSE 1 + i %% %(autres)s END AS rang,
    CURRENT_DATE - 1095 + ((i::bigint * 7919) %% 1095)::int AS recue) AS r
JOIN (SELECT id, service_id, row_number() OVER (ORDER BY slug) - 1 AS rang
      FROM relation_demarche WHERE slug LIKE 'bench-%%') AS d ON d.rang = r.rang
CROSS JOIN LATERAL (SELECT r.recue,
    CASE WHEN r.recue > CURRENT_DATE - 90 AND i %% 2 = 0
         THEN (ARRAY['en_construction','en_instruction','incomplet'])[1 + i %% 3]
         WHEN (i * 37) %% 100 < 70 THEN 'accepte'
         WHEN (i * 37) %% 100 < 90 THEN 'refuse' ELSE 'sans_suite' END AS statut) AS g
"""


def base_postgres(nom: str) -> str:
    serveur = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
    return serveur.rsplit("/", 1)[0] + "/" + nom


def administrer(sql: str) -> None:
    import psycopg

    with psycopg.connect(base_postgres("postgres"), autocommit=True) as connexion:
        connexion.execute(sql)


def generer(n: int) -> tuple[str, int]:
    """The catalogue (6 services, 50 démarches) and `n` requests, the counters recounted.
    Returns the code of the largest service and the id of the largest démarche."""
    from datetime import date

    from django.db import connection

    from sun.relation.models import Demarche, ServiceInstructeur
    from sun.relation.registre.compteurs import recompter

    services = [ServiceInstructeur.objects.create(
        code=f"bench-service-{k}", nom=f"Direction n° {k}", adresse_postale="Carcassonne",
        telephone="04 68 11 68 11") for k in range(SERVICES)]  # fmt: skip
    for k in range(DEMARCHES):
        Demarche.objects.create(
            slug=f"bench-demarche-{k:02d}", titre=f"Démarche n° {k}", resume="Banc d'essai.",
            publics=["particuliers"], theme="autonomie", service=services[k % SERVICES],
            regime="sva", delai_valeur=2, delai_unite="mois", ouverte_le=date(2000, 1, 1),
        )  # fmt: skip
    debut = time.perf_counter()
    with connection.cursor() as curseur:
        curseur.execute(GENERER, {"n": n, "grande": GRANDE, "autres": DEMARCHES - 1})
    recompter()
    with connection.cursor() as curseur:
        curseur.execute("VACUUM ANALYZE relation_demande")
        curseur.execute("VACUUM ANALYZE relation_compteurdemandes")
    print(f"Registre généré : {n} demandes en {time.perf_counter() - debut:.1f} s "
          "(INSERT … SELECT, compteurs recomptés, ANALYZE)")  # fmt: skip
    grande = Demarche.objects.get(slug="bench-demarche-00")
    return grande.service.code, grande.pk


def mesurer_regime(demarche_id: int, repetitions: int) -> dict:
    """(b): changer_regime on the largest démarche, next to a plain UPDATE of its rows."""
    from django.db import connection, transaction

    from sun.relation.catalogue.services import changer_regime
    from sun.relation.models import Demarche

    def vide():
        with connection.cursor() as curseur:
            curseur.execute("VACUUM ANALYZE relation_demande")

    simple, regime = [], []
    regles = [("svr", 3, "mois"), ("sva", 2, "mois")]
    for r in range(repetitions):
        vide()
        debut = time.perf_counter()
        with transaction.atomic(), connection.cursor() as curseur:
            curseur.execute("UPDATE relation_demande SET date_decision_implicite = "
                            "date_decision_implicite WHERE demarche_id = %s", [demarche_id])  # fmt: skip
            lignes = curseur.rowcount
        simple.append(time.perf_counter() - debut)
        vide()
        demarche = Demarche.objects.get(pk=demarche_id)
        debut = time.perf_counter()
        n = changer_regime(demarche, *regles[r % 2], appliquer_aux_demandes="toutes")
        regime.append(time.perf_counter() - debut)
        assert n == lignes == GRANDE, (n, lignes)
    return {"lignes": lignes, "update": statistics.median(simple),
            "changer_regime": statistics.median(regime)}  # fmt: skip


def sessions(nombre: int) -> list[str]:
    """`nombre` sessions of an agent (who reads every service's dashboard), as after a login."""
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
    cles = []
    for _ in range(nombre):
        session = SessionStore()
        session[SESSION_KEY] = str(agent.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = agent.get_session_auth_hash()
        session.create()
        cles.append(session.session_key)
    return cles


def adresse_du_tableau(code: str) -> str:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("espace:relation_service", args=[code])
    except NoReverseMatch:
        return f"/espace/relation/services/{code}/"


def mesurer_tableau(env, dossier: Path, chemin: str, cles: list[str], duree, clients) -> tuple:
    """(a): the dashboard and a static file of the same size, same server, same run."""
    port = port_libre()
    base = f"http://127.0.0.1:{port}"

    def requete(alea: random.Random, url: str):
        return urllib.request.Request(url, headers={"Cookie": f"sessionid={alea.choice(cles)}"})

    serveur = demarrer(env, port, "/sante")
    try:
        with urllib.request.urlopen(requete(random.Random(0), base + chemin)) as reponse:
            page = reponse.read()
            assert reponse.status == 200 and b"<h1" in page, reponse.status
        (dossier / "static" / "bench-relation.html").write_bytes(page)
    finally:
        serveur.terminate()
        serveur.wait()
    serveur = demarrer(env, port, "/static/bench-relation.html")  # WhiteNoise indexes at start
    try:
        alea = random.Random(1)
        for _ in range(20):  # warm both workers
            urllib.request.urlopen(requete(alea, base + chemin)).read()
        print(f"Page du tableau de bord : {len(page)} octets ; {clients} clients connectés, "
              f"{duree:.0f} s par cible")  # fmt: skip
        statique = charger(lambda a: base + "/static/bench-relation.html", duree, clients)
        tableau = charger(lambda a: requete(a, base + chemin), duree, clients)
        # What any logged-in page costs on this server (session, user, roles, menus, template):
        # the floor of a dashboard, whatever it computes.
        accueil = charger(lambda a: requete(a, base + "/espace/"), duree, clients)
        return statique, tableau, accueil
    finally:
        serveur.terminate()
        serveur.wait()


def mesurer_calcul(code: str, fois: int = 7) -> float:
    """Median time (ms) of computing the dashboard's figures, without any kept result."""
    from django.db import connections
    from django.utils import timezone

    from sun.relation.models import ServiceInstructeur
    from sun.relation.queries import tableau_service

    service = ServiceInstructeur.objects.get(code=code)
    durees = []
    for _ in range(fois):
        debut = time.perf_counter()
        tableau_service(service.pk, timezone.localdate())
        durees.append((time.perf_counter() - debut) * 1000)
    connections.close_all()
    return statistics.median(durees)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--demandes", type=int, default=int(os.environ.get("BENCH_DEMANDES",
                                                                           "1000000")))  # fmt: skip
    parser.add_argument("--duree", type=float, default=30.0, help="secondes par cible")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--garder", action="store_true", help="garder la base (analyse)")
    args = parser.parse_args()

    dossier = Path(tempfile.mkdtemp(prefix="sun-bench-relation-"))
    env = {**os.environ, "SUN_VAR_DIR": str(dossier), "SUN_DEPARTEMENT": "11",
           "SUN_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SETTINGS_MODULE": "sun.settings",
           "DATABASE_URL": base_postgres(BASE)}  # fmt: skip
    env.pop("SUN_CACHE_URL", None)
    administrer(f"DROP DATABASE IF EXISTS {BASE} WITH (FORCE)")
    administrer(f"CREATE DATABASE {BASE}")
    try:
        subprocess.run([SUN, "preparer", "--sans-demo"], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        os.environ.update(env)
        import django

        django.setup()
        code, demarche_id = generer(args.demandes)
        print("Objectifs : (a) p50 du tableau de bord ≤ ×3 du fichier statique ; "
              "(b) changer_regime ≤ ×3 d'un UPDATE simple des mêmes lignes.")  # fmt: skip
        b = mesurer_regime(demarche_id, args.repetitions)
        from django.db import connection

        with connection.cursor() as curseur:  # as autovacuum would after (b)'s UPDATEs
            curseur.execute("VACUUM ANALYZE relation_demande")
        cles = sessions(args.clients)
        from django.db import connections

        connections.close_all()
        calcul = mesurer_calcul(code)
        statique, tableau, accueil = mesurer_tableau(env, dossier, adresse_du_tableau(code), cles,
                                                     args.duree, args.clients)  # fmt: skip
        print(f"Calcul du tableau sans résultat gardé (un processus) : {calcul:.1f} ms ; ensuite "
              "gardé jusqu'à la prochaine écriture au registre")  # fmt: skip
        for nom, r in (("Fichier statique, même taille", statique),
                       (f"Tableau de bord du service {code}", tableau),
                       ("Accueil de l'espace (page connectée)", accueil)):  # fmt: skip
            print(f"{nom:<40} p50 {r['p50']:7.1f} ms  p99 {r['p99']:7.1f} ms  "
                  f"{r['debit']:6.1f} req/s  erreurs {r['erreurs']}")  # fmt: skip
        ratio_a = tableau["p50"] / statique["p50"]
        print(f"(a) ratio tableau / statique : p50 ×{ratio_a:.2f}  "
              f"p99 ×{tableau['p99'] / statique['p99']:.2f}")  # fmt: skip
        print(f"    plancher : accueil de l'espace / statique p50 ×{accueil['p50'] / statique['p50']:.2f} ;"
              f" tableau / accueil p50 ×{tableau['p50'] / accueil['p50']:.2f}")  # fmt: skip
        ratio_b = b["changer_regime"] / b["update"]
        print(f"(b) {b['lignes']} demandes : UPDATE simple {b['update'] * 1000:.0f} ms, "
              f"changer_regime {b['changer_regime'] * 1000:.0f} ms (médianes de "
              f"{args.repetitions}) : ×{ratio_b:.2f}")  # fmt: skip
        return 0 if tableau["erreurs"] == 0 else 1
    finally:
        from django.db import connections

        connections.close_all()
        if not args.garder:
            administrer(f"DROP DATABASE IF EXISTS {BASE} WITH (FORCE)")
        shutil.rmtree(dossier, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
