"""Results computed once per version of their data: costly figures kept in the shared cache,
and export files generated once into var/ and served as files.

The key of a result is a fingerprint of the versions it depends on (`sun.core.versions`): a
write to the data changes it, nothing else does, so nothing is recomputed on a schedule and
nothing stale is served once the new result exists. One process computes a new result at a
time (a lock in the cache); meanwhile the others keep serving the previous one, so a crowd
arriving just after an import does not compute it twenty times over. Only the very first
computation, when no earlier result exists, is waited for.
"""

import gzip
import os
import shutil
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache

Resultat = TypeVar("Resultat")

DUREE_VERROU_S = 300  # longest expected computation; a crashed holder frees it after that
ATTENTE_PREMIER_S = 60
INTERVALLE_S = 0.1


def _verrouiller(nom: str) -> bool:
    return cache.add(f"calcul-verrou:{nom}", os.getpid(), DUREE_VERROU_S)


def _liberer(nom: str) -> None:
    cache.delete(f"calcul-verrou:{nom}")


def calcul_versionne(nom: str, empreinte: str, calcul: Callable[[], Resultat],
                     duree: int | None = None) -> Resultat:  # fmt: skip
    """The result of `calcul` for data at `empreinte`, computed once (see the module), kept
    `duree` seconds (None: until the cache's own expiry, a week); the previous result, served
    while another process computes the next one, a day at least."""
    cle, precedent = f"calcul:{nom}:{empreinte}", f"calcul-dernier:{nom}"
    if (valeur := cache.get(cle)) is not None:
        return valeur
    fin = time.monotonic() + ATTENTE_PREMIER_S
    while not _verrouiller(nom):
        if (valeur := cache.get(cle)) is not None:
            return valeur
        if (dernier := cache.get(precedent)) is not None:
            return dernier  # another process is computing the new one: the previous will do
        if time.monotonic() > fin:
            return calcul()
        time.sleep(INTERVALLE_S)
    try:
        valeur = calcul()
        if duree is None:
            cache.set(cle, valeur)
        else:
            cache.set(cle, valeur, duree)
        cache.set(precedent, valeur, max(duree or 0, 24 * 3600))
        return valeur
    finally:
        _liberer(nom)


def dossier_des_fichiers() -> Path:
    dossier = Path(settings.VAR_DIR) / "exports"
    dossier.mkdir(parents=True, exist_ok=True)
    return dossier


def fichier_versionne(nom: str, extension: str, empreinte: str,
                      ecrire: Callable[[Any], None]) -> Path:  # fmt: skip
    """The file `nom-empreinte.extension` in var/exports, written once by `ecrire(fichier)`
    (a binary file open for writing), atomically (a temporary file renamed). While another
    process writes a new version, the previous file is served; older files are removed."""
    dossier = dossier_des_fichiers()
    chemin = dossier / f"{nom}-{empreinte}.{extension}"
    if chemin.exists():
        return chemin
    fin = time.monotonic() + ATTENTE_PREMIER_S
    while not _verrouiller(f"fichier:{nom}"):
        if chemin.exists():
            return chemin
        if (precedent := _dernier(dossier, nom, extension)) is not None:
            return precedent
        if time.monotonic() > fin:
            break
        time.sleep(INTERVALLE_S)
    try:
        if not chemin.exists():
            provisoire = dossier / f".{chemin.name}.{uuid.uuid4().hex}.partiel"
            try:
                with provisoire.open("wb") as fichier:
                    ecrire(fichier)
                os.replace(provisoire, chemin)
                copie_gzip(chemin)
            finally:
                provisoire.unlink(missing_ok=True)
        for ancien in _versions(dossier, nom, extension):
            try:
                if ancien != chemin and ancien.stat().st_mtime < time.time() - 600:
                    ancien.unlink()  # kept ten minutes for downloads under way
                    Path(f"{ancien}.gz").unlink(missing_ok=True)
            except FileNotFoundError:
                pass
        return chemin
    finally:
        _liberer(f"fichier:{nom}")


def copie_gzip(chemin: Path) -> Path:
    """The gzip copy beside `chemin`, written once (atomically) if missing."""
    compresse = Path(f"{chemin}.gz")
    if not compresse.exists():
        provisoire = compresse.with_name(f".{compresse.name}.{uuid.uuid4().hex}.partiel")
        try:
            with chemin.open("rb") as source, gzip.open(provisoire, "wb", compresslevel=6) as cible:
                shutil.copyfileobj(source, cible, 1 << 20)
            os.replace(provisoire, compresse)
        finally:
            provisoire.unlink(missing_ok=True)
    return compresse


def _versions(dossier: Path, nom: str, extension: str) -> list[Path]:
    return list(dossier.glob(f"{nom}-{'[0-9a-f]' * 20}.{extension}"))


def _dernier(dossier: Path, nom: str, extension: str) -> Path | None:
    datees = []
    for fichier in _versions(dossier, nom, extension):
        try:
            datees.append((fichier.stat().st_mtime, fichier))
        except FileNotFoundError:  # removed meanwhile
            continue
    return max(datees)[1] if datees else None
