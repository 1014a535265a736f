"""A database that refuses writes: recognise its errors, and check cheaply whether it writes.

SQLite says « attempt to write a readonly database » (file or folder not writable, a
`mode=ro` connection, `PRAGMA query_only`); PostgreSQL raises ReadOnlySqlTransaction
(SQLSTATE 25006, « cannot execute … in a read-only transaction ») on a standby or with
`default_transaction_read_only`. The web (sun.web.lecture_seule) answers 503, the `sun`
command exits with its own code (sun.cli.sortie.LECTURE_SEULE).
"""

import os

from django.db import DatabaseError, connection, transaction

MOTIFS = ("readonly database", "read-only database", "read-only transaction")


def est_lecture_seule(exc: BaseException | None) -> bool:
    """True if `exc` (or the driver error it wraps) says the database refuses writes."""
    while exc is not None:
        if getattr(exc, "sqlstate", None) == "25006":
            return True
        if any(motif in str(exc).lower() for motif in MOTIFS):
            return True
        exc = exc.__cause__
    return False


def base_inscriptible() -> bool:
    """Whether the default database accepts writes, without writing and without waiting.

    PostgreSQL: `SHOW transaction_read_only` (no lock). SQLite: the file and its folder must
    be writable (`os.access`, no lock; a root process passes it whatever the mode), then an
    UPDATE that matches no row, rolled back, asks SQLite itself (read-only connections and
    `query_only` included). It needs the write lock for an instant; with the busy timeout at
    0 it never waits for it: « database is locked » means someone else is writing, so the
    database writes."""
    if connection.vendor == "postgresql":
        with connection.cursor() as curseur:
            curseur.execute("SHOW transaction_read_only")
            return curseur.fetchone()[0] != "on"
    if connection.vendor != "sqlite":
        return True
    nom = str(connection.settings_dict["NAME"])
    if not nom.startswith("file:") and ":memory:" not in nom and os.path.exists(nom):
        dossier = os.path.dirname(os.path.abspath(nom))
        if not (os.access(nom, os.W_OK) and os.access(dossier, os.W_OK)):
            return False
    return _essai_sqlite()


def _essai_sqlite() -> bool:
    with connection.cursor() as curseur:
        curseur.execute("PRAGMA busy_timeout")
        attente = curseur.fetchone()[0]
        curseur.execute("PRAGMA busy_timeout = 0")
        try:
            with transaction.atomic():
                curseur.execute("UPDATE django_migrations SET id = id WHERE 0 = 1")
                transaction.set_rollback(True)
        except DatabaseError as exc:
            if est_lecture_seule(exc):
                return False
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                return True
            raise
        finally:
            curseur.execute(f"PRAGMA busy_timeout = {int(attente)}")
    return True
