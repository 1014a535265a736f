"""`sun preparer`, `sun serve` and `sun django`: installing, serving and administering the site."""

import argparse
import os
import sys

from sun.cli.sortie import DONNEES, OK, ErreurCommande, barre, verifier_base


def preparer(args) -> int:
    """Migrate, collect static files, load the configured territory and demo content if missing."""
    from sun.core import installation

    verifier_base()
    installation.preparer(recharger=args.recharger, demo=not args.sans_demo, barre=barre)
    return OK


def serve(args) -> int:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    verifier_base()
    executeur = MigrationExecutor(connection)
    if executeur.migration_plan(executeur.loader.graph.leaf_nodes()):
        raise ErreurCommande("La base n'est pas à jour : lancez d'abord « sun preparer ».", DONNEES)
    adresse = f"{args.hote}:{args.port}"
    print(f"SUN sert sur http://{adresse}/ (Ctrl+C pour arrêter)")
    if args.dev:
        os.environ["SUN_DEBUG"] = "1"
        call_command("runserver", adresse)
        return OK
    os.execvp(
        sys.executable,
        [
            sys.executable,
            "-m",
            "gunicorn",
            "sun.wsgi",
            "--bind",
            adresse,
            "--workers",
            str(args.workers),
            "--access-logfile",
            "-",
            "--timeout",
            "60",
        ],
    )
    return OK  # not reached: exec replaces this process


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
    p.set_defaults(fonction=serve)

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
