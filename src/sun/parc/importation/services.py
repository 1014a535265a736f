"""The writes of the inventory import: `importer_inventaire`, the one entry point of the
command line, the agent space and the benchmark; and the edits of a source's tables of
statuses and types (agent space › Parc › Correspondances)."""

from collections.abc import Callable
from pathlib import Path

from sun.core.imports import Correspondance, Rapport, executer
from sun.core.imports.differee import LectureDifferee
from sun.core.versions import donnees_ecrites
from sun.parc.cycle_vie import RefusCycleVie
from sun.parc.importation.importeur import ImportInventaire
from sun.parc.models import CorrespondanceStatut, CorrespondanceType
from sun.parc.referentiel import Etat, TypeEquipement, Voie


def importer_inventaire(
    chemin: Path, *, correspondance: Correspondance | str | None = None, source: str = "",
    types_inconnus: str = "refuser", essai: bool = False, auteur=None, confirmer: bool = False,
    nom_fichier: str | None = None, progression: Callable[[int], None] | None = None,
    demonstration: bool = False,
) -> Rapport:  # fmt: skip
    """Import an inventory file in one transaction (rolled back for `essai`). `correspondance`:
    a shipped layout (glpi-fr, glpi-en, modele-sun), a mapping file's path or a loaded
    mapping; None: recognised from the header. `types_inconnus="autre"`: unknown types are
    kept as « autre » (and recorded so in the source's table) instead of refused.
    ImportImpossible (French message, nothing written) when the file is refused whole."""
    importeur = ImportInventaire(correspondance, source=source, types_inconnus=types_inconnus,
                                 demonstration=demonstration, auteur=auteur)  # fmt: skip
    chemin = Path(chemin)
    return executer(importeur, chemin, essai=essai, auteur=auteur, nom_fichier=nom_fichier,
                    progression=progression, confirmer=confirmer,
                    lecture=LectureDifferee(importeur.ouvrir, chemin))  # fmt: skip


def _source(source: str) -> str:
    source = (source or "").strip()
    if not source or len(source) > 100:
        raise RefusCycleVie("Indiquez la source (100 caractères au plus).", "source")
    return source


def _valeur_source(valeur: str, quoi: str) -> str:
    valeur = " ".join((valeur or "").split())
    if not valeur or len(valeur) > 120:
        raise RefusCycleVie(f"Indiquez le {quoi} tel que la source l'écrit (120 caractères au "
                            "plus ; « * » à la fin vaut pour tout ce qui commence ainsi).",
                            f"{quoi}_source")  # fmt: skip
    return valeur


def enregistrer_statut(
    source: str, statut_source: str, etat: str, voie: str = ""
) -> CorrespondanceStatut:
    """Map a status of the source to a SUN state (and, for « sorti », to its route)."""
    source, statut_source = _source(source), _valeur_source(statut_source, "statut")
    if etat not in Etat.values:
        raise RefusCycleVie("Choisissez un état SUN.", "etat")
    if voie and voie not in Voie.values:
        raise RefusCycleVie("Voie de sortie inconnue.", "voie")
    if etat == Etat.SORTI and not voie:
        raise RefusCycleVie("Un statut qui veut dire « sorti du parc » dit aussi par quelle voie "
                            "(réemploi, réutilisation, don, recyclage ou destruction).", "voie")  # fmt: skip
    correspondance, _ = CorrespondanceStatut.objects.update_or_create(
        source=source, statut_source=statut_source,
        defaults={"etat": etat, "voie": voie if etat == Etat.SORTI else ""},
    )  # fmt: skip
    donnees_ecrites(CorrespondanceStatut)
    return correspondance


def enregistrer_type(source: str, type_source: str, type_: str) -> CorrespondanceType:
    """Map a type of the source to a SUN type (« autre » only when nothing else fits)."""
    source, type_source = _source(source), _valeur_source(type_source, "type")
    if type_ not in TypeEquipement.values:
        raise RefusCycleVie("Choisissez un type SUN.", "type")
    correspondance, _ = CorrespondanceType.objects.update_or_create(
        source=source, type_source=type_source, defaults={"type": type_}
    )
    donnees_ecrites(CorrespondanceType)
    return correspondance


def retirer_statut(pk: int) -> None:
    """Drop a status mapping: its lines are refused again until it is mapped."""
    CorrespondanceStatut.objects.filter(pk=pk).delete()
    donnees_ecrites(CorrespondanceStatut)


def retirer_type(pk: int) -> None:
    CorrespondanceType.objects.filter(pk=pk).delete()
    donnees_ecrites(CorrespondanceType)
