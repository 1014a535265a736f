"""The writes of the telephone import: `importer_appels`, the one entry point of the command
line, the worker (agent space) and the demonstration data."""

from pathlib import Path

from sun.core.imports import Correspondance, Rapport, executer
from sun.core.imports.differee import LectureDifferee
from sun.qualite.telephonie.importation.importeur import ImportAppels


def importer_appels(
    chemin: Path, *, correspondance: Correspondance | str | None = None, source: str = "",
    essai: bool = False, auteur=None, nom_fichier: str | None = None, progression=None,
    confirmer: bool = False, demonstration: bool = False,
) -> Rapport:  # fmt: skip
    """Import a call export in one transaction (rolled back for `essai`). `correspondance`: a
    shipped layout's name (asterisk-cdr, webex-calling, modele-sun), a mapping file's path or
    a loaded mapping; None: recognised from the file. ImportImpossible if refused whole."""
    importeur = ImportAppels(correspondance, source=source, demonstration=demonstration)
    return executer(importeur, Path(chemin), essai=essai, auteur=auteur, nom_fichier=nom_fichier,
                    progression=progression, confirmer=confirmer,
                    lecture=LectureDifferee(importeur.ouvrir, Path(chemin)))  # fmt: skip


def importer_fichier_envoye(chemin, options: dict, **execution) -> Rapport:
    """The worker's entry point (sun.core.taches.imports): `options` holds the shipped
    layout's name or the uploaded mapping's content, and the source."""
    from sun.qualite.telephonie.importation.correspondances import depuis_dict

    correspondance = options.get("correspondance") or None
    if options.get("contenu"):
        correspondance = depuis_dict(options["contenu"], options.get("nom_correspondance", ""))
    return importer_appels(chemin, correspondance=correspondance,
                           source=options.get("source", ""), **execution)  # fmt: skip
