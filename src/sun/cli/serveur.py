"""`sun preparer`, `sun serve` and `sun django`: installing, serving and administering the site."""

import argparse
import os
import signal
import subprocess
import sys

from sun.cli.sortie import DONNEES, ERREUR, OK, ErreurCommande, barre, verifier_base


def preparer(args) -> int:
    """Migrate, collect static files, load the configured territory and demo content if missing."""
    from sun.core import installation

    verifier_base()
    installation.preparer(recharger=args.recharger, demo=not args.sans_demo, barre=barre)
    return OK


def serve(args) -> int:
    """Serve the site with the task worker beside it (a subprocess stopped with the server)."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    verifier_base()
    executeur = MigrationExecutor(connection)
    if executeur.migration_plan(executeur.loader.graph.leaf_nodes()):
        raise ErreurCommande("La base n'est pas à jour : lancez d'abord « sun preparer ».", DONNEES)
    adresse = f"{args.hote}:{args.port}"
    print(f"SUN sert sur http://{adresse}/ (Ctrl+C pour arrêter)")
    worker = None if args.sans_worker else _lancer([sys.executable, "-m", "sun.cli", "worker"])
    try:
        if args.dev:
            os.environ["SUN_DEBUG"] = "1"
            call_command("runserver", adresse)
            return OK
        gunicorn = _lancer([sys.executable, "-m", "gunicorn", "sun.wsgi", "--bind", adresse,
                            "--workers", str(args.workers), "--access-logfile", "-",
                            "--config", "python:sun.gunicorn_conf",
                            "--timeout", "60"])  # fmt: skip
        signal.signal(signal.SIGTERM, lambda *_: gunicorn.terminate())
        try:
            return gunicorn.wait()
        except KeyboardInterrupt:  # Ctrl+C reaches the whole group: gunicorn stops too
            return gunicorn.wait()
    finally:
        _arreter(worker)


def _lancer(commande: list[str]) -> subprocess.Popen:
    return subprocess.Popen(commande)


def _arreter(processus: subprocess.Popen | None, delai: float = 30) -> None:
    """Stop a child: SIGTERM (the worker finishes its task first), then SIGKILL."""
    if processus is None or processus.poll() is not None:
        return
    processus.terminate()
    try:
        processus.wait(delai)
    except subprocess.TimeoutExpired:
        processus.kill()
        processus.wait()


def worker(args) -> int:
    """The task worker: plan the next daily run (once, whatever the number of workers), then
    run the queued tasks (imports of the agent space, daily jobs) until stopped."""
    from django.core.management import call_command

    verifier_base()
    _planifier()
    options = {"batch": True} if args.une_passe else {"interval": args.intervalle}
    call_command("db_worker", queue_name="*", reload=False, startup_delay=False, **options)
    return OK


def _planifier() -> None:
    from django_tasks.exceptions import InvalidTaskError

    from sun.core.taches.services import planifier

    try:
        execution = planifier()
    except InvalidTaskError as exc:
        raise ErreurCommande(
            f"Le service des tâches doit utiliser la base de données (réglage TASKS) : {exc}"
        ) from exc
    if execution is not None:
        print(f"Tâches quotidiennes prévues le {execution.prevue_le:%d/%m/%Y à %H:%M}.")


def taches_planifier(args) -> int:
    verifier_base()
    _planifier()
    return OK


def taches_quotidiennes(args) -> int:
    """Run the daily jobs now, here (not through the worker), and print what they did."""
    from sun.core.taches.services import executer_quotidiennes

    verifier_base()
    echec = False
    for code, r in executer_quotidiennes().items():
        echec = echec or "erreur" in r
        print(f"{r['libelle']} ({code}) : {r.get('resultat') or 'échec : ' + r['erreur']}")
    return ERREUR if echec else OK


def django_passthrough(args) -> int:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["sun django", *args.arguments])
    return OK


def ajouter(sous) -> None:
    """Add `serve` and `preparer` to the sub-commands `sous`."""
    p = sous.add_parser(
        "serve", help="sert le site (gunicorn ; --dev pour le serveur de développement)"
    )
    p.add_argument("--hote", default="127.0.0.1", help="adresse d'écoute (défaut : 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (défaut : 8000)")
    p.add_argument("--workers", type=int, default=2, help="processus de service (défaut : 2)")
    p.add_argument(
        "--dev", action="store_true", help="serveur de développement, rechargement automatique"
    )
    p.add_argument(
        "--sans-worker", action="store_true",
        help="ne lance pas le service des tâches (sun worker) à côté du serveur",
    )  # fmt: skip
    p.set_defaults(fonction=serve)

    p = sous.add_parser(
        "worker", help="service des tâches : imports lancés de l'espace agents, tâches quotidiennes"
    )
    p.add_argument("--une-passe", action="store_true",
                   help="exécute les tâches en file puis s'arrête")  # fmt: skip
    p.add_argument("--intervalle", type=float, default=1.0,
                   help="secondes entre deux regards sur la file (défaut : 1)")  # fmt: skip
    p.set_defaults(fonction=worker)

    p = sous.add_parser(
        "taches", help="tâches quotidiennes : les prévoir, ou les lancer tout de suite"
    )
    ts = p.add_subparsers(title="actions", metavar="ACTION", required=True)
    ts.add_parser("planifier", help="prévoit la prochaine exécution (sans doublon)").set_defaults(
        fonction=taches_planifier
    )
    ts.add_parser("quotidiennes", help="lance maintenant les tâches quotidiennes").set_defaults(
        fonction=taches_quotidiennes
    )

    p = sous.add_parser(
        "preparer",
        help="migre la base, collecte les fichiers statiques, charge le territoire et la démo s'ils manquent",
    )
    p.add_argument(
        "--recharger", action="store_true", help="recharge le territoire même s'il est présent"
    )
    p.add_argument(
        "--sans-demo", action="store_true", help="ne crée pas les comptes de démonstration"
    )
    p.set_defaults(fonction=preparer)


def ajouter_django(sous) -> None:
    """Add `django …` (any Django management command) to the sub-commands `sous`."""
    p = sous.add_parser(
        "django", help="toute commande d'administration Django (migrate, createsuperuser…)"
    )
    p.add_argument("arguments", nargs=argparse.REMAINDER)
    p.set_defaults(fonction=django_passthrough)
