"""The limits of every reader of external files, and the budget of an import (issue 14).

A hostile or broken file must be refused early, with a French message, before it costs much
memory or time: a maximum size (SUN_IMPORT_TAILLE_MAX, also the upload limit), a maximum
nesting depth (SUN_IMPORT_PROFONDEUR_MAX), a maximum field size (SUN_IMPORT_CHAMP_MAX; a whole
record — a CSV line, a JSON object — holds at most FACTEUR_ENREGISTREMENT times that) and a
maximum number of columns (SUN_IMPORT_COLONNES_MAX; also the keys of a JSON object). YAML
description files (mappings, the plan) are read with a bounded depth and without aliases.

An import runs under a budget (SUN_IMPORT_MEMOIRE_MAX_MO, SUN_IMPORT_DUREE_MAX_S) that the
pipeline checks every few hundred rows: over it, the import stops and everything is rolled back.
"""

import os
import resource
import time
from pathlib import Path

import yaml
from django.conf import settings

from sun.core.imports.erreurs import BudgetDepasse, FichierIllisible

PROFONDEUR_MAX = 64
CHAMP_MAX = 1_000_000  # characters
COLONNES_MAX = 1000
TAILLE_MAX = 200 * 1024 * 1024  # bytes
MEMOIRE_MAX_MO = 1024
DUREE_MAX_S = 1800
FACTEUR_ENREGISTREMENT = 4  # a record holds at most this many times SUN_IMPORT_CHAMP_MAX
# An XLSX archive inflates at most this many times the size limit (zip bombs), and its shared
# strings, which openpyxl holds in memory even in read-only mode, at most the size limit.
FACTEUR_XLSX = 10
YAML_TAILLE_MAX = 2 * 1024 * 1024  # a mapping or plan file is a few kilobytes

horloge = time.monotonic  # replaced by tests


def _reglage(nom: str, defaut: int) -> int:
    return int(getattr(settings, nom, defaut))


def profondeur_max() -> int:
    return _reglage("SUN_IMPORT_PROFONDEUR_MAX", PROFONDEUR_MAX)


def champ_max() -> int:
    return _reglage("SUN_IMPORT_CHAMP_MAX", CHAMP_MAX)


def enregistrement_max() -> int:
    return FACTEUR_ENREGISTREMENT * champ_max()


def colonnes_max() -> int:
    return _reglage("SUN_IMPORT_COLONNES_MAX", COLONNES_MAX)


def taille_max() -> int:
    return _reglage("SUN_IMPORT_TAILLE_MAX", TAILLE_MAX)


def en_mo(octets: int) -> str:
    mo = octets / (1024 * 1024)
    return f"{mo:.0f} Mo" if mo >= 10 else f"{mo:.1f} Mo".replace(".", ",")


def message_taille(taille: int | None = None) -> str:
    """The French message of a file over SUN_IMPORT_TAILLE_MAX (reader and web upload)."""
    de = f" ({en_mo(taille)})" if taille else ""
    return (
        f"Fichier trop volumineux{de} : {en_mo(taille_max())} au plus. Découpez-le en plusieurs "
        "fichiers, ou demandez à l'administrateur de l'importer sur le serveur ou de relever la "
        "limite (réglage SUN_IMPORT_TAILLE_MAX)."
    )


def verifier_taille(chemin: Path) -> int:
    """The size of the file at `chemin`; FichierIllisible above SUN_IMPORT_TAILLE_MAX."""
    taille = Path(chemin).stat().st_size
    if taille > taille_max():
        raise FichierIllisible(message_taille(taille))
    return taille


def trop_profond(ou: str) -> FichierIllisible:
    return FichierIllisible(
        f"Fichier refusé : données imbriquées sur plus de {profondeur_max()} niveaux ({ou}). "
        "Ce n'est pas un fichier de données ordinaire : vérifiez l'export (réglage "
        "SUN_IMPORT_PROFONDEUR_MAX)."
    )


def trop_de_colonnes(ou: str, nombre: int | None = None) -> FichierIllisible:
    combien = f"{nombre} colonnes" if nombre else f"plus de {colonnes_max()} colonnes"
    return FichierIllisible(
        f"Fichier refusé : {combien} ({ou}), {colonnes_max()} au plus. Vérifiez le séparateur "
        "et l'export du fichier (réglage SUN_IMPORT_COLONNES_MAX)."
    )


def champ_trop_long(ou: str) -> FichierIllisible:
    return FichierIllisible(
        f"Fichier refusé : une valeur de plus de {champ_max()} caractères ({ou}). Vérifiez que "
        "le fichier est bien un tableau de données (réglage SUN_IMPORT_CHAMP_MAX)."
    )


def enregistrement_trop_long(ou: str) -> FichierIllisible:
    return FichierIllisible(
        f"Fichier refusé : un enregistrement de plus de {enregistrement_max()} caractères ({ou})."
        " Un guillemet non refermé, peut-être ? Vérifiez l'export du fichier (réglage "
        "SUN_IMPORT_CHAMP_MAX)."
    )


def caractere_nul(ou: str) -> FichierIllisible:
    return FichierIllisible(
        f"Fichier refusé : caractère nul (octet 0) {ou}. Le fichier est endommagé ou n'est pas "
        "un texte : exportez-le à nouveau en CSV (UTF-8), JSON ou XLSX."
    )


# --- YAML description files ---------------------------------------------------------------
class ComposeurBorne:
    """A mixin for a PyYAML loader: at most `profondeur_max()` levels, no alias (`*nom`, whose
    expansion makes a few lines grow into billions of values), as a YAML error with its line."""

    def compose_node(self, parent, index):
        evenement = self.peek_event()
        if isinstance(evenement, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "les alias YAML (*nom) ne sont pas admis ici", evenement.start_mark
            )
        self._profondeur = getattr(self, "_profondeur", 0) + 1
        try:
            if self._profondeur > profondeur_max():
                raise yaml.composer.ComposerError(
                    None, None,
                    f"plus de {profondeur_max()} niveaux d'imbrication (SUN_IMPORT_PROFONDEUR_MAX)",
                    evenement.start_mark,
                )  # fmt: skip
            return super().compose_node(parent, index)
        finally:
            self._profondeur -= 1


class ChargeurSur(ComposeurBorne, yaml.SafeLoader):
    """yaml.safe_load's loader, bounded."""


def verifier_texte_yaml(texte: str) -> None:
    """A YAML description file over YAML_TAILLE_MAX is not one: a YAML error, no parsing."""
    if len(texte) > YAML_TAILLE_MAX:
        raise yaml.YAMLError(
            f"fichier trop volumineux ({en_mo(len(texte))}) pour un fichier de description :"
            f" {en_mo(YAML_TAILLE_MAX)} au plus"
        )


def charger_yaml_sur(texte: str):
    """yaml.safe_load with the limits above (yaml.YAMLError beyond them)."""
    verifier_texte_yaml(texte)
    return yaml.load(texte, Loader=ChargeurSur)  # a SafeLoader subclass: safe


def position_yaml(exc: yaml.YAMLError) -> str:
    """« ligne 12 : problem » for a YAML error, in as few words as PyYAML allows."""
    marque = getattr(exc, "problem_mark", None)
    probleme = getattr(exc, "problem", None) or str(exc)
    return f"ligne {marque.line + 1} : {probleme}" if marque is not None else probleme


# --- the budget of an import --------------------------------------------------------------
def memoire_mo() -> float:
    """The process's resident memory now (Linux /proc), else its peak (resource)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Budget:
    """The memory and time an import may use, checked by `verifier` (every few rows)."""

    def __init__(self):
        self.memoire_max = _reglage("SUN_IMPORT_MEMOIRE_MAX_MO", MEMOIRE_MAX_MO)
        self.duree_max = _reglage("SUN_IMPORT_DUREE_MAX_S", DUREE_MAX_S)
        self.debut = horloge()

    def verifier(self, lues: int) -> None:
        memoire = memoire_mo()
        if self.memoire_max and memoire > self.memoire_max:
            raise BudgetDepasse(
                f"Import arrêté après {lues} lignes : il occupait {memoire:.0f} Mo de mémoire, "
                f"plus que les {self.memoire_max} Mo permis (réglage SUN_IMPORT_MEMOIRE_MAX_MO)."
                " Découpez le fichier en plusieurs parties ou demandez à l'administrateur de "
                "relever la limite."
            )
        duree = horloge() - self.debut
        if self.duree_max and duree > self.duree_max:
            raise BudgetDepasse(
                f"Import arrêté après {lues} lignes : il durait depuis {duree:.0f} s, plus que "
                f"les {self.duree_max} s permises (réglage SUN_IMPORT_DUREE_MAX_S). Découpez le "
                "fichier en plusieurs parties ou demandez à l'administrateur de relever la limite."
            )
