"""Rate limits: fixed-window counters, atomic and shared by every process and every server.

A rule reads « 120/min » (or « 10/5m », « 5/h », « 1000/d »; empty: no limit). Each request
of a client (`sun.core.client.adresse_client`) for a named limit adds one to the counter of the
current window: in Redis when SUN_CACHE_URL names one (one atomic INCR with its expiry,
shared by every server), else in a small SQLite file of this machine (one atomic UPSERT,
shared by its processes). A request is refused once the counter
passes the rule, so a burst of concurrent requests cannot slip through between a read and a
write. Client addresses are kept only as a keyed hash, and only for the window.
"""

import fcntl
import hashlib
import os
import random
import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

REGLE = re.compile(r"^(\d+)/(\d*)(s|sec|m|min|h|hour|d|day)$")
SECONDES = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


class RegleIllisible(ValueError):
    pass


@dataclass(frozen=True)
class Regle:
    nombre: int
    duree: int  # seconds


@dataclass(frozen=True)
class Decompte:
    permis: bool
    attente: float  # seconds until the window ends


def lire_regle(texte: str, reglage: str = "") -> Regle | None:
    """« 120/min » → Regle(120, 60); « 10/5m » → Regle(10, 300); empty → None."""
    texte = (texte or "").strip()
    if not texte:
        return None
    trouve = REGLE.match(texte)
    if trouve is None:
        raise RegleIllisible(f"{reglage or 'Limite'} illisible : « {texte} » (exemple : 120/min).")
    return Regle(int(trouve.group(1)), int(trouve.group(2) or 1) * SECONDES[trouve.group(3)])


def horloge() -> float:
    """Now, in seconds (tests set it: a window must not end in the middle of a test)."""
    return time.time()


def compter(
    nom: str, client: str, regle: Regle | None, maintenant: float | None = None
) -> Decompte:
    """Count one request of `client` under the limit `nom`; refused beyond the rule."""
    if regle is None:
        return Decompte(True, 0.0)
    instant = horloge() if maintenant is None else maintenant
    fin = (int(instant) // regle.duree + 1) * regle.duree
    empreinte = hashlib.sha256(f"{settings.SECRET_KEY}:{client}".encode()).hexdigest()[:24]
    nombre = _incrementer(f"limite:{nom}:{empreinte}:{fin}", regle.duree + 1)
    return Decompte(nombre <= regle.nombre, max(0.0, fin - instant))


def _incrementer(cle: str, expiration: int) -> int:
    if partage := _redis():
        cle = partage.make_and_validate_key(cle)
        client = partage._cache.get_client(cle, write=True)
        with client.pipeline() as operations:
            operations.incr(cle)
            operations.expire(cle, expiration, nx=True)
            nombre, _ = operations.execute()
        return int(nombre)
    return _compteurs_locaux().incrementer(cle, expiration)


def _redis() -> RedisCache | None:
    if "limites" in settings.CACHES and isinstance(caches["limites"], RedisCache):
        return caches["limites"]
    return None


def effacer() -> None:
    """Forget every counter (tests; an administrator after a false alarm)."""
    if partage := _redis():
        partage.clear()
    else:
        _compteurs_locaux().effacer()


class _CompteursLocaux:
    """One machine without Redis: the counters in a small SQLite file of their own under
    var/ (not the site's database, whose writes an import may hold for minutes). One UPSERT
    per request, atomic between every process and thread of the machine; expired windows are
    removed now and then."""

    def __init__(self, chemin: Path):
        self.chemin = chemin
        self._fil = threading.local()

    def _connexion(self) -> sqlite3.Connection:
        connexion = getattr(self._fil, "connexion", None)
        if connexion is None or getattr(self._fil, "pid", None) != os.getpid():
            connexion = sqlite3.connect(self.chemin, timeout=5, isolation_level=None)
            connexion.execute("PRAGMA journal_mode=WAL")
            connexion.execute(
                "PRAGMA synchronous=OFF"
            )  # counters: losing the last on a crash is fine
            connexion.execute("CREATE TABLE IF NOT EXISTS compteur (cle TEXT PRIMARY KEY, "
                              "nombre INTEGER NOT NULL, fin REAL NOT NULL) WITHOUT ROWID")  # fmt: skip
            verrou = os.open(f"{self.chemin}.verrou", os.O_RDWR | os.O_CREAT, 0o600)
            self._fil.connexion, self._fil.verrou, self._fil.pid = connexion, verrou, os.getpid()
        return connexion

    def incrementer(self, cle: str, expiration: int) -> int:
        maintenant = time.time()
        connexion = self._connexion()
        # SQLite's own wait for its write lock sleeps in steps of up to 100 ms: under a crowd,
        # requests would queue behind those sleeps. A lock of the kernel (flock, one open file
        # per thread) wakes the next writer at once; SQLite then never waits.
        fcntl.flock(self._fil.verrou, fcntl.LOCK_EX)
        try:
            (nombre,) = connexion.execute(
                "INSERT INTO compteur (cle, nombre, fin) VALUES (?, 1, ?) ON CONFLICT (cle) DO "
                "UPDATE SET nombre = nombre + 1 RETURNING nombre", (cle, maintenant + expiration),
            ).fetchone()  # fmt: skip
            if random.random() < 0.01:
                connexion.execute("DELETE FROM compteur WHERE fin < ?", (maintenant,))
        finally:
            fcntl.flock(self._fil.verrou, fcntl.LOCK_UN)
        return int(nombre)

    def effacer(self) -> None:
        connexion = self._connexion()
        fcntl.flock(self._fil.verrou, fcntl.LOCK_EX)
        try:
            connexion.execute("DELETE FROM compteur")
        finally:
            fcntl.flock(self._fil.verrou, fcntl.LOCK_UN)


_locaux: dict[str, _CompteursLocaux] = {}


def _compteurs_locaux() -> _CompteursLocaux:
    chemin = str(Path(settings.VAR_DIR) / "limites.sqlite3")
    if chemin not in _locaux:
        _locaux[chemin] = _CompteursLocaux(Path(chemin))
    return _locaux[chemin]
