"""A version of the register, so that each server process knows when to rebuild its search
index.

Two parts: a token in the shared cache, bumped once per committed transaction that wrote to
the register (what the other processes see), and a counter in this process, bumped at every
write (what this process sees of its own uncommitted writes).
"""

import itertools
import uuid

from django.core.cache import cache
from django.db import transaction

CLE_VERSION = "inclusion:registre:version"
_ecritures_locales = itertools.count()
_derniere_ecriture = 0


def _publier() -> str:
    version = uuid.uuid4().hex
    cache.set(CLE_VERSION, version, None)
    return version


def registre_modifie() -> None:
    global _derniere_ecriture
    _derniere_ecriture = next(_ecritures_locales) + 1
    connexion = transaction.get_connection()
    # One publication per transaction, however many places it writes.
    if not any(fonction is _publier for _, fonction, _ in connexion.run_on_commit):
        transaction.on_commit(_publier)


def version_registre() -> tuple[str, int]:
    return cache.get(CLE_VERSION) or _publier(), _derniere_ecriture
