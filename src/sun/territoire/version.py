"""A version of the territory, so that each server process knows when to rebuild its index of
communes (`sun.territoire.index_communes`).

As for the register of places (`sun.inclusion.lieux.version_registre`): a token in the shared
cache, published once per committed transaction that changed the territory (what the other
processes see), and a counter in this process, bumped at every write (what this process sees
of its own uncommitted writes). A territory load calls `territoire_modifie` once; single saves
(the admin, tests) reach it through the model signals connected in `apps.py`.
"""

import itertools
import uuid

from django.core.cache import cache
from django.db import transaction

CLE_VERSION = "territoire:version"
_ecritures_locales = itertools.count()
_derniere_ecriture = 0


def _publier() -> str:
    version = uuid.uuid4().hex
    cache.set(CLE_VERSION, version, None)
    return version


def territoire_modifie(**_ignores) -> None:
    global _derniere_ecriture
    _derniere_ecriture = next(_ecritures_locales) + 1
    connexion = transaction.get_connection()
    if not any(fonction is _publier for _, fonction, _ in connexion.run_on_commit):
        transaction.on_commit(_publier)


def version_territoire() -> tuple[str, int]:
    return cache.get(CLE_VERSION) or _publier(), _derniere_ecriture
