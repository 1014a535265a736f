"""Import of activity records: La Coop's API JSON (`GET /api/v1/activites`, one page
`{"data": [...], "links", "meta"}` or an array of activities) and SUN's CSV template.

The whole file in one transaction, read as a stream; every rejected record reported (line or
position, field, value, reason); importing the same file again changes nothing. Records La Coop
marks as deleted (`suppression`) are removed.
"""

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from sun.core.imports.lecture import FichierIllisible, lire
from sun.inclusion.activites import coop
from sun.inclusion.activites import regles as activites
from sun.inclusion.models import Activite

# The CSV template: La Coop's attribute names, then the counters of anonymous participants.
COLONNES_CSV = [
    "id", "mediateur_id", "type", "date", "duree", "type_lieu", "structure_id", "lieu_code_insee",
    "lieu_code_postal", "lieu_commune", "thematiques", "materiel", "autonomie",
    "oriente_vers_structure", "structure_de_redirection", "precisions_demarche", "titre_atelier",
    "niveau_atelier", "tags", "accompagnements", "deja_accompagnes", *coop.champs_public(),
]  # fmt: skip
OBLIGATOIRES_CSV = ["type", "date", "duree", "type_lieu", "thematiques"]


class FichierActivitesInvalide(ValueError):
    pass


@dataclass
class RapportActivites:
    format: str = ""
    lues: int = 0
    compteurs: Counter = field(default_factory=Counter)  # nouvelle, modifiee, inchangee, supprimee
    rejets: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # line, field, value, reason
    avertissements: list[tuple[str, str, str, str]] = field(default_factory=list)

    def resume(self) -> str:
        c = self.compteurs
        return (f"{self.lues} activité(s) lue(s) : {c['nouvelle']} nouvelle(s), {c['modifiee']} modifiée(s), "
                f"{c['inchangee']} inchangée(s), {c['supprimee']} supprimée(s) (suppression dans La Coop), "
                f"{len({position for position, *_ in self.rejets})} refusée(s).")  # fmt: skip


def _depuis_coop(element: dict) -> dict:
    """A La Coop API item → flat attributes with its id (JSON:API `attributes`)."""
    if "attributes" in element:
        return {**(element.get("attributes") or {}), "id": element.get("id")}
    return element


def _identifiant_csv(ligne: dict, deja_vus: Counter) -> str:
    """A stable id for a template line without one: its content and its rank among identical
    lines, so that importing the file again finds the same records."""
    empreinte = hashlib.sha256(json.dumps(ligne, sort_keys=True).encode()).hexdigest()[:24]
    deja_vus[empreinte] += 1
    return f"{empreinte}-{deja_vus[empreinte]}"


def importer(chemin: Path, *, essai: bool = False, utilisateur=None) -> RapportActivites:
    rapport = RapportActivites()
    try:
        rapport.format, lignes = lire(Path(chemin))
    except FichierIllisible as exc:
        raise FichierActivitesInvalide(str(exc)) from exc
    source = Activite.Source.COOP if rapport.format == "JSON" else Activite.Source.CSV
    correspondances = activites.Correspondances()
    identiques: Counter = Counter()
    try:
        with transaction.atomic():
            for numero, brute in lignes:
                rapport.lues += 1
                ligne = _depuis_coop(brute) if source == Activite.Source.COOP else brute
                if source == Activite.Source.CSV and rapport.lues == 1:
                    _verifier_entete(ligne)
                position = (
                    f"activité {numero}" if source == Activite.Source.COOP else f"ligne {numero}"
                )
                _importer_une(
                    position, ligne, source, identiques, rapport, utilisateur, correspondances
                )
            if essai:
                transaction.set_rollback(True)
    except FichierIllisible as exc:
        raise FichierActivitesInvalide(str(exc)) from exc
    if rapport.lues == 0:
        raise FichierActivitesInvalide("Le fichier ne contient aucune activité.")
    return rapport


def _verifier_entete(ligne: dict) -> None:
    manquantes = [c for c in OBLIGATOIRES_CSV if c not in ligne]
    if manquantes:
        raise FichierActivitesInvalide(
            "Colonnes obligatoires absentes : " + ", ".join(manquantes)
            + ". Le modèle CSV documenté liste les colonnes attendues."
        )  # fmt: skip


def _importer_une(
    position, ligne, source, identiques, rapport, utilisateur, correspondances
) -> None:
    identifiant = str(ligne.get("id") or "").strip()
    if source == Activite.Source.CSV and not identifiant:
        identifiant = _identifiant_csv(ligne, identiques)
    if source == Activite.Source.COOP and not identifiant:
        rapport.rejets.append((position, "id", "", "identifiant La Coop absent"))
        return
    if ligne.get("suppression"):
        supprimees, _ = Activite.objects.filter(
            source=source, identifiant_source=identifiant
        ).delete()
        if supprimees:
            rapport.compteurs["supprimee"] += 1
        return
    verification = activites.valider(ligne, correspondances=correspondances)
    for champ, valeur, raison in verification.avertissements:
        rapport.avertissements.append((position, champ, valeur, raison))
    if verification.problemes:
        rapport.rejets.extend((position, *probleme) for probleme in verification.problemes)
        return
    mediateur_coop_id = str(ligne.get("mediateur_id") or "").strip()
    _, etat = activites.enregistrer(
        verification.valeurs, source, identifiant,
        mediateur=activites.mediateur_coop(mediateur_coop_id),
        mediateur_coop_id=mediateur_coop_id[:36], saisi_par=utilisateur,
    )  # fmt: skip
    rapport.compteurs[etat] += 1
