"""Where the files of the catalogue live: VAR_DIR/donnees/<resource uuid>/<version>.<format>,
written atomically, with their SHA-1 (DCAT-AP) and SHA-256 (udata) computed while written."""

import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.conf import settings

MORCEAU = 1024 * 1024


def racine() -> Path:
    dossier = Path(settings.VAR_DIR) / "donnees"
    dossier.mkdir(parents=True, exist_ok=True)
    return dossier


def chemin_absolu(relatif: str) -> Path:
    return racine() / relatif


@dataclass(frozen=True)
class FichierEcrit:
    relatif: str
    taille: int
    sha1: str
    sha256: str
    lignes: int | None


class _Empreintes:
    """A binary file that hashes what goes through it."""

    def __init__(self, fichier: BinaryIO):
        self.fichier, self.sha1, self.sha256, self.taille = fichier, hashlib.sha1(), \
            hashlib.sha256(), 0  # fmt: skip

    def write(self, donnees: bytes) -> int:
        self.sha1.update(donnees)
        self.sha256.update(donnees)
        self.taille += len(donnees)
        return self.fichier.write(donnees)

    # Enough of a binary stream for io.TextIOWrapper (a producer writing text) to wrap it.
    closed = False

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def seekable(self) -> bool:
        return False

    def flush(self) -> None:
        self.fichier.flush()

    def close(self) -> None:
        """The catalogue closes the file itself, once the producer is done."""


def ecrire(relatif: str, producteur: Callable[[BinaryIO], int | None]) -> FichierEcrit:
    """Write the file `relatif` by `producteur(fichier)` (returns its row count or None)."""
    chemin = chemin_absolu(relatif)
    chemin.parent.mkdir(parents=True, exist_ok=True)
    temporaire = chemin.with_name(f".{chemin.name}.{os.getpid()}.tmp")
    try:
        with open(temporaire, "wb") as brut:
            flux = _Empreintes(brut)
            lignes = producteur(flux)  # type: ignore[arg-type]
        os.replace(temporaire, chemin)
    finally:
        temporaire.unlink(missing_ok=True)
    return FichierEcrit(relatif, flux.taille, flux.sha1.hexdigest(), flux.sha256.hexdigest(),
                        lignes)  # fmt: skip


def copier(relatif: str, source: Path) -> FichierEcrit:
    """Copy an uploaded file into the catalogue's storage."""

    def producteur(fichier) -> None:
        with open(source, "rb") as entree:
            shutil.copyfileobj(entree, fichier, MORCEAU)

    return ecrire(relatif, producteur)


def supprimer(relatif: str) -> None:
    chemin_absolu(relatif).unlink(missing_ok=True)
