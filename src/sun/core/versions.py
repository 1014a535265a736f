"""Versions of shared data, and what is kept while they hold: in-process indexes, computed
pages, pre-generated export files.

A version has two parts: a token in the database (`core.VersionDonnees`), changed once per
committed transaction that wrote (what every other process and every other application server
on the same database sees), and a counter in this process, bumped at every write (what this
process sees of its own uncommitted writes). An index is built from the data at one version and
rebuilt, once, by whichever request first sees another version.

A version follows models (`suivre`): their single saves and deletions reach it through model
signals, and the bulk writers of the import pipeline call `donnees_ecrites(modele)`, so that an
importer written tomorrow invalidates what depends on its data without knowing about it.
"""

import functools
import hashlib
import itertools
import threading
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Generic, TypeVar

from django.db import IntegrityError, connection, models, transaction
from django.db.models.signals import post_delete, post_save

Index = TypeVar("Index")

_par_modele: dict[type[models.Model], list["Version"]] = {}


class Version:
    def __init__(self, cle: str):
        self.cle = cle
        self._ecritures = itertools.count(1)
        self._derniere = 0
        self.publier = self._publier  # one bound method, recognised among the commit hooks

    def _publier(self) -> str:
        from sun.core.models import VersionDonnees

        jeton = uuid.uuid4().hex
        if not VersionDonnees.objects.filter(cle=self.cle).update(jeton=jeton):
            try:
                with transaction.atomic():
                    VersionDonnees.objects.create(cle=self.cle, jeton=jeton)
            except IntegrityError:  # created meanwhile by another process
                VersionDonnees.objects.filter(cle=self.cle).update(jeton=jeton)
        return jeton

    def modifiee(self, **_signal) -> None:
        """Something was written (also usable as a model signal receiver)."""
        self._derniere = next(self._ecritures)
        connexion = transaction.get_connection()
        # One publication per transaction, however many rows it writes.
        if not any(fonction is self.publier for _, fonction, _ in connexion.run_on_commit):
            transaction.on_commit(self.publier)

    def actuelle(self) -> tuple[str, int]:
        return (_jetons([self.cle]).get(self.cle) or self.publier()), self._derniere

    def suivre(self, *modeles: type[models.Model], suppressions: bool = True) -> "Version":
        """Follow the writes of `modeles` (call it from an AppConfig.ready). Without
        `suppressions`, deletions are not followed by signal (a delete signal makes Django
        fetch every row a bulk delete removes): the code that deletes calls
        `donnees_ecrites` itself."""
        signaux = (post_save, post_delete) if suppressions else (post_save,)
        for modele in modeles:
            if self not in _par_modele.setdefault(modele, []):
                _par_modele[modele].append(self)
            for signal in signaux:
                signal.connect(self.modifiee, sender=modele, dispatch_uid=f"{self.cle}:{modele}")
        return self


def donnees_ecrites(modele: type[models.Model]) -> None:
    """A bulk write (no model signal) to `modele`: the versions that follow it change."""
    for version in _par_modele.get(modele, []):
        version.modifiee()


@functools.cache
def version_du_code() -> str:
    """The installed code, by the newest of its files: a cached page or file of an earlier
    release of SUN is never served after an upgrade."""
    racine = Path(__file__).resolve().parents[1]
    fichiers = [*racine.rglob("*.py"), *racine.rglob("*.html")]
    return f"{max((f.stat().st_mtime_ns for f in fichiers), default=0)}"


def empreinte(versions: Iterable[Version], *autres: object) -> str:
    """One short fingerprint of several versions (and of other values the result depends on,
    such as the day), for the key of a cached page or the name of a generated file."""
    versions = list(versions)
    jetons = _jetons([v.cle for v in versions])
    parties = [f"{v.cle}={jetons.get(v.cle) or v.publier()}.{v._derniere}" for v in versions]
    texte = "|".join([version_du_code(), *parties, *map(str, autres)])
    return hashlib.sha256(texte.encode()).hexdigest()[:20]


def _jetons(cles: list[str]) -> dict[str, str]:
    """{key: token}, in one plain query: read at every search request, where the ORM's own
    cost (about half a millisecond) would be most of the price."""
    from sun.core.models import VersionDonnees

    if not cles:  # « IN () » is an error on PostgreSQL
        return {}
    table = connection.ops.quote_name(VersionDonnees._meta.db_table)
    with connection.cursor() as curseur:
        curseur.execute(
            f"SELECT cle, jeton FROM {table} WHERE cle IN ({', '.join(['%s'] * len(cles))})", cles
        )
        return dict(curseur.fetchall())


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
