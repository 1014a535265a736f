"""Versions of shared data, and the in-process indexes rebuilt when they change.

A version has two parts: a token in the shared cache, published once per committed
transaction that wrote (what the other processes see), and a counter in this process, bumped
at every write (what this process sees of its own uncommitted writes). An index is built from
the data at one version and rebuilt, once, by whichever request first sees another version.
"""

import itertools
import threading
import uuid
from collections.abc import Callable
from typing import Generic, TypeVar

from django.core.cache import cache
from django.db import transaction

Index = TypeVar("Index")


class Version:
    def __init__(self, cle: str):
        self.cle = cle
        self._ecritures = itertools.count(1)
        self._derniere = 0
        self.publier = self._publier  # one bound method, recognised among the commit hooks

    def _publier(self) -> str:
        jeton = uuid.uuid4().hex
        cache.set(self.cle, jeton, None)
        return jeton

    def modifiee(self, **_signal) -> None:
        """Something was written (also usable as a model signal receiver)."""
        self._derniere = next(self._ecritures)
        connexion = transaction.get_connection()
        # One publication per transaction, however many rows it writes.
        if not any(fonction is self.publier for _, fonction, _ in connexion.run_on_commit):
            transaction.on_commit(self.publier)

    def actuelle(self) -> tuple[str, int]:
        return cache.get(self.cle) or self.publier(), self._derniere


class IndexDuProcessus(Generic[Index]):
    """This process's index, built by `construire(version)` and kept while `version` holds."""

    def __init__(self, version: Version, construire: Callable[[tuple[str, int]], Index]):
        self.version, self.construire = version, construire
        self.index: Index | None = None
        self._de_la_version: tuple[str, int] | None = None
        self._verrou = threading.Lock()

    def obtenir(self) -> Index:
        version = self.version.actuelle()
        if self.index is None or self._de_la_version != version:
            with self._verrou:
                if self.index is None or self._de_la_version != version:
                    self.index, self._de_la_version = self.construire(version), version
        return self.index

    def oublier(self) -> None:
        self.index = None
