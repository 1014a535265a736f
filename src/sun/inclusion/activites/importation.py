"""Import of activity records: La Coop's API JSON (`GET /api/v1/activites`, one page
`{"data": [...], "links", "meta"}` or an array of activities) and SUN's CSV template.

The whole file in one transaction, read as a stream; every rejected record reported (line or
position, field, value, reason); importing the same file again changes nothing. Records La Coop
marks as deleted (`suppression`) are removed.
"""

import hashlib
import json
from collections import Counter
from pathlib import Path

from django.utils import timezone

from sun.core.imports import Importeur, Lecture, Rapport, executer, synchroniser
from sun.core.versions import donnees_ecrites
from sun.inclusion.activites import coop
from sun.inclusion.activites import regles as activites
from sun.inclusion.models import Activite, Mediateur

# The CSV template: La Coop's attribute names, then the counters of anonymous participants.
COLONNES_CSV = [
    "id", "mediateur_id", "type", "date", "duree", "type_lieu", "structure_id", "lieu_code_insee",
    "lieu_code_postal", "lieu_commune", "thematiques", "materiel", "autonomie",
    "oriente_vers_structure", "structure_de_redirection", "precisions_demarche", "titre_atelier",
    "niveau_atelier", "tags", "accompagnements", "deja_accompagnes", *coop.champs_public(),
]  # fmt: skip
OBLIGATOIRES_CSV = ["type", "date", "duree", "type_lieu", "thematiques"]


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


class ImportActivites(Importeur):
    """La Coop's JSON or SUN's CSV template; the key is (source, id in the source)."""

    genre = "activites"
    libelle = "Activités de médiation numérique"
    colonnes_obligatoires = OBLIGATOIRES_CSV  # checked on a CSV header (JSON has none)

    def __init__(self, auteur=None):
        self.auteur = auteur
        self.origine = Activite.Source.CSV
        self.correspondances = activites.Correspondances()
        self.identiques: Counter = Counter()
        self.mediateurs: dict[str, Mediateur] = {}
        self.a_supprimer: list[str] = []

    def verifier_lecture(self, lecture: Lecture) -> None:
        self.origine = Activite.Source.CSV if lecture.colonnes is not None else Activite.Source.COOP
        self.source = self.origine.label

    def preparer(self, rapport: Rapport) -> None:
        self.mediateurs = {str(m.coop_id): m for m in Mediateur.objects.exclude(coop_id=None)}

    def convertir(self, numero: int, brute: dict, rapport: Rapport) -> tuple | None:
        coop_json = self.origine == Activite.Source.COOP
        ligne = _depuis_coop(brute) if coop_json else brute
        position = f"activité {numero}" if coop_json else numero
        identifiant = str(ligne.get("id") or "").strip()
        if not coop_json and not identifiant:
            identifiant = _identifiant_csv(ligne, self.identiques)
        if coop_json and not identifiant:
            rapport.refuser(position, "id", "", "identifiant La Coop absent")
            return None
        if ligne.get("suppression"):
            self.a_supprimer.append(identifiant)
            return None
        verification = activites.valider(ligne, correspondances=self.correspondances)
        for champ, valeur, raison in verification.avertissements:
            rapport.avertir(position, champ, valeur, raison)
        for champ, valeur, raison in verification.problemes:
            rapport.refuser(position, champ, valeur, raison)
        if verification.problemes:
            return None
        mediateur_id = str(ligne.get("mediateur_id") or "").strip()
        valeurs = {
            **verification.valeurs,
            "mediateur": self.mediateurs.get(mediateur_id.lower())
            if activites.UUID.fullmatch(mediateur_id)
            else None,
            "mediateur_coop_id": mediateur_id[:36],
        }
        if valeurs.get("creation") is None:
            valeurs.pop("creation", None)  # set once, at creation
        return identifiant, valeurs

    def ecrire(self, valeurs: list[tuple], rapport: Rapport) -> None:
        existantes = Activite.objects.filter(source=self.origine).exclude(identifiant_source="")
        diff = synchroniser(
            existantes, "identifiant_source", dict(valeurs),
            defauts={"source": self.origine, "saisi_par": self.auteur, "creation": timezone.now()},
        )  # fmt: skip
        diff.noter(rapport, nom=lambda a: getattr(a, "identifiant_source", a))
        supprimees, _ = existantes.filter(identifiant_source__in=self.a_supprimer).delete()
        donnees_ecrites(Activite)
        # Deleted on purpose in La Coop, not vanished: counted apart, without confirmation.
        if supprimees:
            rapport.autres["supprimees"] = supprimees
            rapport.libelles_autres["supprimees"] = "supprimées dans La Coop"


def importer(chemin: Path, *, essai: bool = False, utilisateur=None, **options) -> Rapport:
    """Import a file of activities in one transaction (see the module's docstring)."""
    return executer(
        ImportActivites(utilisateur), Path(chemin), essai=essai, auteur=utilisateur, **options
    )
