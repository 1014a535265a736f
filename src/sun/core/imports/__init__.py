"""The one import pipeline of SUN (see docs/imports.md): reading, mapping, rejected lines,
report, keyed sync with a diff, dry run and the record of imports."""

from sun.core.imports.correspondance import Cible, Correspondance, CorrespondanceInvalide
from sun.core.imports.erreurs import (
    ColonnesManquantes,
    ConfirmationRequise,
    FichierIllisible,
    ImportImpossible,
)
from sun.core.imports.lecture import Lecture, lire, ouvrir
from sun.core.imports.pipeline import Importeur, executer
from sun.core.imports.rapport import ALERTE, REJET, Rapport, Rejet
from sun.core.imports.synchro import Classement, Diff, classer, synchroniser

__all__ = [
    "ALERTE",
    "REJET",
    "Cible",
    "Classement",
    "ColonnesManquantes",
    "ConfirmationRequise",
    "Correspondance",
    "CorrespondanceInvalide",
    "Diff",
    "FichierIllisible",
    "ImportImpossible",
    "Importeur",
    "Lecture",
    "Rapport",
    "Rejet",
    "classer",
    "executer",
    "lire",
    "ouvrir",
    "synchroniser",
]
