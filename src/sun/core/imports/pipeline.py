"""The one import pipeline: read → check the header → map → convert each row → write → report.

An importer is a small class with a few stage functions (see docs/imports.md):

    class ImportIfn(Importeur):
        genre, libelle = "ifn", "Indice de fragilité numérique"
        colonnes_obligatoires = COLONNES

        def convertir(self, numero, ligne, rapport):   # one row → values, or None if refused
            ...
        def ecrire(self, valeurs, rapport):            # all accepted rows → the database
            synchroniser(...).noter(rapport)

    rapport = executer(ImportIfn(), chemin, essai=True)

`executer` reads the file as a stream, refuses it whole (ImportImpossible, nothing written)
when it is unreadable or lacks a needed column, reports every refused row, writes everything
in one transaction (rolled back for a dry run), writes the CSV report and records the import
in the journal (who, when, file, source, figures), a refused file included.

The guard: an import that would refuse more than SUN_IMPORT_SEUIL_CONFIRMATION of its rows
(and at least MINIMUM_REFUSEES), or close more than that share of what its source had, is
rolled back and raises ConfirmationRequise (with the list of what it would close) unless run
with `confirmer=True`.
A dry run is never stopped: its report says that the real import will need a confirmation.

The budget: every VERIFIER_TOUS rows, the import checks its memory and its duration against
SUN_IMPORT_MEMOIRE_MAX_MO and SUN_IMPORT_DUREE_MAX_S (core/imports/bornes.py); over them it
raises BudgetDepasse, an ImportImpossible: rolled back, nothing written.
A failed import leaves no report file behind; a dry run's report, or that of an import waiting
for its confirmation, is kept (readable by its owner only).
"""

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sun.core.imports.bornes import Budget
from sun.core.imports.correspondance import Correspondance
from sun.core.imports.erreurs import (
    ColonnesManquantes,
    ConfirmationRequise,
    FichierIllisible,
    ImportImpossible,
)
from sun.core.imports.lecture import Lecture, ouvrir
from sun.core.imports.rapport import Rapport

MINIMUM_REFUSEES = 10
VERIFIER_TOUS = 500  # rows between two checks of the budget (and two progress updates)


class Importeur:
    """Base of every importer: override the stages you need."""

    genre: str = ""  # short code, stored in the journal: « lieux », « ifn »…
    libelle: str = ""  # what is imported, in French
    colonnes_obligatoires: Sequence[str] = ()
    correspondance: Correspondance | None = None
    source: str = ""
    # 0: `ecrire` gets every accepted row at once; N: it is called every N rows (then the
    # importer keeps what `terminer` needs), so that memory does not grow with the file.
    taille_lot: int = 0

    def colonnes_requises(self) -> list[str]:
        """Every column the file must have: the importer's own, or those its mapping names."""
        if self.correspondance is not None:
            return self.correspondance.colonnes_lues()
        return list(self.colonnes_obligatoires)

    def verifier_lecture(self, lecture: Lecture) -> None:
        """Refuse a file of the wrong kind before reading its rows (override if needed)."""

    def preparer(self, rapport: Rapport) -> None:
        """Bulk reads of what exists, before the first row (inside the transaction)."""

    def convertir(self, numero: int, ligne: dict, rapport: Rapport) -> Any | None:
        """One row → the values to write, or None when refused (reasons in `rapport`)."""
        return ligne

    def ecrire(self, valeurs: list, rapport: Rapport) -> None:
        """Write the accepted rows in bulk (with `synchroniser`) and count them."""
        raise NotImplementedError

    def terminer(self, rapport: Rapport) -> None:
        """After the writes: close what vanished, detect duplicates… (optional)."""


def _chemin_rapport(genre: str) -> Path:
    horodatage = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    return Path(settings.VAR_DIR) / "imports" / f"{genre}-{horodatage}-rapport.csv"


def _verifier_colonnes(importeur: Importeur, colonnes: Iterable[str] | None) -> None:
    if colonnes is None:
        return
    presentes = set(colonnes)
    manquantes = [c for c in importeur.colonnes_requises() if c not in presentes]
    if manquantes:
        raise ColonnesManquantes(manquantes, list(importeur.colonnes_requises()))


def executer(
    importeur: Importeur,
    chemin: Path,
    *,
    essai: bool = False,
    auteur=None,
    nom_fichier: str | None = None,
    progression: Callable[[int], None] | None = None,
    lecture: Lecture | None = None,
    confirmer: bool = False,
) -> Rapport:
    """Run `importer` on the file at `chemin` (or on an already opened `lecture`); `confirmer`
    lets an import refuse or close more than the guard's threshold."""
    from sun.core.services import enregistrer_import

    rapport = Rapport(
        genre=importeur.genre, libelle=importeur.libelle, source=importeur.source,
        fichier=nom_fichier or Path(chemin).name, essai=essai, confirme=confirmer,
        max_lignes=settings.SUN_IMPORT_RAPPORT_MAX_LIGNES,
    )  # fmt: skip
    budget = Budget()
    try:
        lecture = lecture or ouvrir(Path(chemin))
        rapport.format = lecture.format
        _verifier_colonnes(importeur, lecture.colonnes)
        importeur.verifier_lecture(lecture)
        rapport.ouvrir_journal(_chemin_rapport(importeur.genre))
        try:
            with transaction.atomic():
                try:
                    _lire_et_ecrire(importeur, lecture, rapport, progression, budget)
                except (UnicodeDecodeError, csv.Error) as exc:
                    raise FichierIllisible(
                        f"Fichier illisible vers la ligne {rapport.lues + 1} : ce n'est pas un "
                        f"texte CSV valide ({type(exc).__name__}). Exportez-le à nouveau en CSV "
                        "UTF-8, JSON ou XLSX."
                    ) from exc
                rapport.confirmation = motifs_de_confirmation(rapport)
                if essai:
                    transaction.set_rollback(True)
                elif rapport.confirmation and not confirmer:
                    raise ConfirmationRequise(rapport.confirmation, rapport, rapport.a_fermer)
        finally:
            rapport.fermer_journal()
    except ConfirmationRequise as exc:
        enregistrer_import(rapport, auteur=auteur, erreur=str(exc), a_confirmer=True)
        raise
    except ImportImpossible as exc:
        _retirer_rapport(rapport)  # nothing was imported: no report of lines either
        enregistrer_import(rapport, auteur=auteur, erreur=str(exc))
        raise
    except BaseException:  # a database error, an interruption…: rolled back, no orphan file
        _retirer_rapport(rapport)
        raise
    rapport.journal_id = enregistrer_import(rapport, auteur=auteur).pk
    return rapport


def _retirer_rapport(rapport: Rapport) -> None:
    if rapport.chemin_rapport:
        Path(rapport.chemin_rapport).unlink(missing_ok=True)
        rapport.chemin_rapport = ""


def motifs_de_confirmation(rapport: Rapport) -> list[str]:
    """Why this import needs the operator's confirmation (empty: it does not)."""
    seuil = settings.SUN_IMPORT_SEUIL_CONFIRMATION
    motifs = []
    # A few refused lines of a small file are read in the report; closures have no floor.
    if rapport.refusees >= MINIMUM_REFUSEES and rapport.refusees > seuil * rapport.lues:
        motifs.append(
            f"{rapport.refusees} lignes refusées sur {rapport.lues}"
            f" ({rapport.refusees / rapport.lues:.0%}, seuil {seuil:.0%})"
        )
    connus = rapport.modifies + rapport.inchanges + rapport.disparus
    if rapport.disparus and rapport.disparus > seuil * connus:
        motifs.append(
            f"{rapport.disparus} enregistrements de la source sur {connus} seraient fermés ou"
            f" supprimés car absents du fichier ({rapport.disparus / connus:.0%},"
            f" seuil {seuil:.0%})"
        )
    return motifs


def _lire_et_ecrire(importeur, lecture: Lecture, rapport: Rapport, progression, budget) -> None:
    importeur.preparer(rapport)
    valeurs = []
    # Without a header (JSON), the columns a mapping reads are checked against every key the
    # rows had (an importer's own JSON may nest its fields: it checks them itself).
    sans_entete = lecture.colonnes is None and importeur.correspondance is not None
    cles_vues: set | None = set() if sans_entete else None
    for numero, ligne in lecture.lignes:
        rapport.lues += 1
        if not isinstance(ligne, dict):  # a JSON array may hold anything
            rapport.refuser(numero, "", str(ligne)[:50], "objet attendu")
            continue
        if cles_vues is not None and not cles_vues.issuperset(ligne):
            cles_vues.update(ligne)
        if rapport.lues % VERIFIER_TOUS == 0:
            budget.verifier(rapport.lues)
            if progression is not None:
                progression(VERIFIER_TOUS)
        if importeur.correspondance is not None:
            if condition := importeur.correspondance.a_ignorer(ligne):
                rapport.ignorer(numero, condition.colonne, ligne.get(condition.colonne),
                                f"ligne ignorée ({condition})")  # fmt: skip
                continue
            ligne = importeur.correspondance.appliquer(ligne)
        converti = importeur.convertir(numero, ligne, rapport)
        if converti is not None:
            valeurs.append(converti)
            if importeur.taille_lot and len(valeurs) >= importeur.taille_lot:
                importeur.ecrire(valeurs, rapport)
                valeurs = []
    if rapport.lues == 0:
        raise FichierIllisible("Le fichier ne contient aucune ligne de données.")
    if cles_vues is not None and cles_vues:
        _verifier_colonnes(importeur, cles_vues)
    importeur.ecrire(valeurs, rapport)
    importeur.terminer(rapport)
    budget.verifier(rapport.lues)
