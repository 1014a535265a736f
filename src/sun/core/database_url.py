"""DATABASE_URL read into Django's DATABASES entry, with a French error when it is malformed.

Read by the settings at import time: a malformed value raises ImproperlyConfigured, which the
`sun` command reports in one French line with exit code 2 (sun.cli.sortie), instead of a
traceback from dj_database_url.
"""

import re

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

# The databases SUN runs on (its tests run on both); other schemes need drivers SUN lacks.
SCHEMAS = ("sqlite", "postgres", "postgresql", "pgsql")
EXEMPLE = "postgres://utilisateur@hote:5432/base ou sqlite:////chemin/vers/sun.sqlite3"


def masquer(url: str) -> str:
    """The URL without its password, to quote it in an error message."""
    return re.sub(r"(//[^:/@]*):[^@/]*@", r"\1:***@", url)


def lire(url: str, conn_max_age: str = "60") -> dict:
    """The DATABASES["default"] entry for `url`; ImproperlyConfigured in French otherwise."""
    schema = url.split("://", 1)[0].lower() if "://" in url else ""
    if schema not in SCHEMAS:
        raison = (
            f"le schéma « {schema}:// » n'est pas pris en charge : SQLite ou PostgreSQL seulement"
            if schema
            else "il manque « schéma:// » au début"
        )
        raise ImproperlyConfigured(_message(url, raison))
    try:
        age = int(conn_max_age)
    except ValueError:
        raise ImproperlyConfigured(
            f"SUN_DB_CONN_MAX_AGE illisible : « {conn_max_age} » n'est pas un nombre de secondes"
            " (exemple : 60)."
        ) from None
    try:
        return dj_database_url.parse(url, conn_max_age=age)
    except ValueError as exc:  # dj_database_url's ParseError, UnknownSchemeError
        raise ImproperlyConfigured(_message(url, "l'adresse est mal formée")) from exc


def _message(url: str, raison: str) -> str:
    return f"DATABASE_URL illisible : « {masquer(url)} », {raison}. Exemple : {EXEMPLE}."
