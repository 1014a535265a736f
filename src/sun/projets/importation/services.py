"""The one entry point of the GLPI ticket import (command line and agent space)."""

from collections.abc import Callable
from pathlib import Path

from sun.core.imports import Rapport, executer
from sun.core.imports.differee import LectureDifferee
from sun.projets.importation.importeur import ImportTickets


def importer_tickets(
    chemin: Path, *, essai: bool = False, auteur=None, confirmer: bool = False,
    nom_fichier: str | None = None, progression: Callable[[int], None] | None = None,
) -> Rapport:  # fmt: skip
    """Import a GLPI ticket export in one transaction (rolled back for `essai`), recorded in
    the journal of imports. ImportImpossible (French message, nothing written) when the file
    is refused whole; ConfirmationRequise above the pipeline's threshold of refused lines."""
    importeur = ImportTickets()
    chemin = Path(chemin)
    return executer(importeur, chemin, essai=essai, auteur=auteur, nom_fichier=nom_fichier,
                    progression=progression, confirmer=confirmer,
                    lecture=LectureDifferee(importeur.ouvrir, chemin))  # fmt: skip
