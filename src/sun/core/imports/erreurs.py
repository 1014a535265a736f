"""The one exception of the import pipeline: the file cannot be imported at all.

Whatever the importer, nothing has been written when it is raised, and its message says why
in French, ready for the operator.
"""


class ImportImpossible(ValueError):
    """The file cannot be imported (unreadable, unknown format, missing columns…)."""


class FichierIllisible(ImportImpossible):
    """The file cannot be read at all (encoding, malformed CSV/JSON/XLSX, empty…)."""


class ColonnesManquantes(ImportImpossible):
    """Columns the importer or its mapping needs are not in the file's header."""

    def __init__(self, manquantes: list[str], attendues: list[str] | None = None):
        self.manquantes = manquantes
        message = "Colonnes absentes du fichier : " + ", ".join(manquantes)
        if attendues:
            message += " (attendu : " + ", ".join(attendues) + ")"
        super().__init__(message + ".")


class ConfirmationRequise(ImportImpossible):
    """The import would refuse or close too much (above SUN_IMPORT_SEUIL_CONFIRMATION): it was
    rolled back and waits for the operator's confirmation. `rapport` says what it would do,
    `a_fermer` lists what it would close."""

    def __init__(self, motifs: list[str], rapport, a_fermer: list[str]):
        self.motifs, self.rapport, self.a_fermer = motifs, rapport, a_fermer
        super().__init__(
            "Import arrêté, rien n'a été enregistré : "
            + " ; ".join(motifs)
            + ". Vérifiez le fichier et sa correspondance ; si c'est voulu, confirmez l'import."
        )


class BudgetDepasse(ImportImpossible):
    """The import went over its memory or time budget (SUN_IMPORT_MEMOIRE_MAX_MO,
    SUN_IMPORT_DUREE_MAX_S): stopped and rolled back."""
