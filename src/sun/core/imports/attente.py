"""Files waiting for the operator's confirmation (the guard of the pipeline stopped them).

The agent space keeps the uploaded file under VAR_DIR/imports/en-attente/<token> while the
coordinator reads what the import would close; a confirmation re-runs it from there. A file
nobody confirmed is deleted after ATTENTE_MAX (it may hold personal data).
"""

import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings

ATTENTE_MAX = 24 * 3600  # seconds


def _dossier() -> Path:
    dossier = Path(settings.VAR_DIR) / "imports" / "en-attente"
    dossier.mkdir(parents=True, exist_ok=True)
    return dossier


def mettre_en_attente(chemin: Path) -> str:
    """Copy the file aside; return the token that names it."""
    _purger()
    jeton = secrets.token_urlsafe(16)
    shutil.copyfile(chemin, _dossier() / jeton)
    return jeton


def fichier_en_attente(jeton: str) -> Path | None:
    """The waiting file of `jeton`, or None (unknown, malformed or expired)."""
    if not jeton or not all(c.isalnum() or c in "-_" for c in jeton):
        return None
    chemin = _dossier() / jeton
    return chemin if chemin.is_file() else None


def retirer(jeton: str) -> None:
    if chemin := fichier_en_attente(jeton):
        chemin.unlink(missing_ok=True)


def _purger() -> None:
    limite = time.time() - ATTENTE_MAX
    for chemin in _dossier().iterdir():
        if chemin.is_file() and chemin.stat().st_mtime < limite:
            chemin.unlink(missing_ok=True)
