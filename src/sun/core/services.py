"""Writes of the core: the record of imports."""

from sun.core.imports.rapport import Rapport
from sun.core.models import JournalImport


def enregistrer_import(
    rapport: Rapport, *, auteur=None, erreur: str = "", a_confirmer: bool = False
) -> JournalImport:
    """Record an import (a dry run and a refused file included), outside its transaction."""
    if a_confirmer:
        statut = JournalImport.Statut.A_CONFIRMER
    elif erreur:
        statut = JournalImport.Statut.REFUSE
    elif rapport.essai:
        statut = JournalImport.Statut.ESSAI
    else:
        statut = JournalImport.Statut.ENREGISTRE
    return JournalImport.objects.create(
        genre=rapport.genre, libelle=rapport.libelle[:200], source=rapport.source[:200],
        fichier=rapport.fichier[:255], format=rapport.format[:120],
        auteur=auteur if getattr(auteur, "pk", None) else None, statut=statut,
        message=erreur, compteurs=rapport.compteurs if a_confirmer or not erreur else {},
        rapport=rapport.chemin_rapport if a_confirmer or not erreur else "",
    )  # fmt: skip


def enregistrer_fichier_refuse(genre: str, libelle: str, fichier: str, erreur: str,
                               auteur=None) -> JournalImport:  # fmt: skip
    """Record a file refused before its import was queued (the upload form read it and found
    it unreadable or beyond the bounds): the record of imports lists every refused file."""
    return JournalImport.objects.create(
        genre=genre, libelle=libelle[:200], fichier=(fichier or "")[:255],
        auteur=auteur if getattr(auteur, "pk", None) else None,
        statut=JournalImport.Statut.REFUSE, message=erreur,
    )  # fmt: skip
