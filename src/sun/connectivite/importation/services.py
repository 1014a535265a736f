"""The writes of the connectivity imports: `importer_fichier`, the one entry point of the
command line, the agent space and the demonstration data."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sun.connectivite.importation.importeur import ImportConnectivite, Ouverture
from sun.core.imports import Rapport, executer


def importer_fichier(
    chemin: Path, *, genre: str | None = None, edition: date | None = None, tous: bool = False,
    essai: bool = False, auteur=None, confirmer: bool = False, nom_fichier: str | None = None,
    progression: Callable[[int], None] | None = None, demonstration: bool = False,
) -> Rapport:  # fmt: skip
    """Import one connectivity file in one transaction (rolled back for `essai`): its kind
    recognised from its header (`genre`, if given, must agree), its edition from its content
    or name (`edition`, if given, must agree; required for a copper file whose name has no
    date). National files keep the communes of SUN_DEPARTEMENT unless `tous`. ImportImpossible
    (French message, nothing written) when the file is refused whole."""
    chemin = Path(chemin)
    nom = nom_fichier or chemin.name
    importeur = ImportConnectivite(genre=genre, edition=edition, tous=tous, nom_fichier=nom,
                                   demonstration=demonstration)  # fmt: skip
    return executer(importeur, chemin, essai=essai, auteur=auteur, nom_fichier=nom,
                    progression=progression, confirmer=confirmer, lecture=Ouverture(chemin))  # fmt: skip
