"""Import of the CRA v1 aggregates per département (`conum_departement-cras.json` of the ANCT's
France Numérique Ensemble dashboard): usagers, accompagnements, themes, status, age bands.

The whole file in one transaction; every rejected entry reported (position, field, value,
reason); importing the same file again changes nothing.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from sun.inclusion.models import BilanCraV1

SOURCE = ("Comptes rendus d'activité v1 des conseillers numériques (2021 – 1er semestre 2024), "
          "agrégés par l'ANCT pour le tableau de bord France Numérique Ensemble")  # fmt: skip
FICHIER_LIVRE = (
    Path(__file__).resolve().parent.parent
    / "donnees"
    / "inclusion-numerique_conum_departement-cras.json"
)
DEPARTEMENT = re.compile(r"^(\d{2}|2[AB]|97\d)$")
AGES = {"moins12ans": "Moins de 12 ans", "de12a18ans": "12 - 18 ans", "de18a35ans": "18 - 35 ans",
        "de35a60ans": "35 - 60 ans", "plus60ans": "Plus de 60 ans"}  # fmt: skip
THEMES = {
    "demarcheEnLigne": "Démarches en ligne", "equipementInformatique": "Prendre en main du matériel",
    "vocabulaire": "Culture numérique (vocabulaire)", "internet": "Navigation sur internet",
    "contenusNumeriques": "Gérer ses contenus numériques", "courriel": "Courriel",
    "traitementTexte": "Bureautique", "trouverEmploi": "Insertion professionnelle",
    "securite": "Sécurité", "sante": "Santé", "echanger": "Échanger avec ses proches",
    "fraudeEtHarcelement": "Fraude et harcèlement", "budget": "Budget",
    "tpePme": "Accompagner une TPE ou PME", "diagnostic": "Diagnostic numérique",
    "smartphone": "Smartphone", "accompagnerEnfant": "Accompagner son enfant",
    "scolaire": "Scolarité", "autre": "Autre",
}  # fmt: skip
STATUTS = {"etudiant": "Scolarisé ou étudiant", "sansEmploi": "Sans emploi", "enEmploi": "En emploi",
           "retraite": "Retraité", "heterogene": "Hétérogène ou non renseigné"}  # fmt: skip

SUITES = {
    "individuel": "Suivi individuel",
    "atelier": "Orienté vers un atelier",
    "redirection": "Redirigé",
}
ACTIVITES = {"collectif": "Atelier collectif", "ponctuel": "Accompagnement ponctuel", "individuel": "Accompagnement individuel"}  # fmt: skip


class FichierCraInvalide(ValueError):
    pass


@dataclass
class RapportCra:
    lues: int = 0
    nouveaux: int = 0
    modifies: int = 0
    inchanges: int = 0
    rejets: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def refuses(self) -> int:
        """Entries refused (an entry may have several problems)."""
        return len({position for position, *_ in self.rejets})


def _entier(valeur, position: str, champ: str, rapport: RapportCra) -> int | None:
    if isinstance(valeur, bool) or not isinstance(valeur, int) or valeur < 0:
        rapport.rejets.append((position, champ, str(valeur)[:50], "nombre entier positif attendu"))
        return None
    return valeur


def _comptes(
    entree: dict, cle: str | None, cles: dict, position: str, rapport: RapportCra
) -> dict | None:
    """The counts of `cles` in `entree[cle]` (or in `entree` itself when `cle` is None)."""
    bloc = entree.get(cle) if cle else entree
    if not isinstance(bloc, dict):
        rapport.rejets.append((position, cle or "", str(bloc)[:50], "objet attendu"))
        return None
    comptes = {}
    for nom in cles:
        nombre = _entier(bloc.get(nom, 0), position, f"{cle}.{nom}" if cle else nom, rapport)
        if nombre is None:
            return None
        comptes[nom] = nombre
    return comptes


def _verifier(position: str, entree, rapport: RapportCra) -> dict | None:
    if not isinstance(entree, dict):
        rapport.rejets.append((position, "", str(entree)[:50], "objet attendu"))
        return None
    code = str(entree.get("departement", "")).strip().upper()
    if not DEPARTEMENT.match(code):
        rapport.rejets.append((position, "departement", code, "code de département invalide"))
        return None
    usagers = _entier(entree.get("usagers"), position, "usagers", rapport)
    accompagnements = _entier(entree.get("accompagnements"), position, "accompagnements", rapport)
    blocs = [_comptes(entree, "themes", THEMES, position, rapport),
             _comptes(entree, "statut", STATUTS, position, rapport),
             _comptes(entree, None, AGES, position, rapport),
             _comptes(entree, "accompagnement", SUITES, position, rapport),
             _comptes(entree, "activite", ACTIVITES, position, rapport)]  # fmt: skip
    if usagers is None or accompagnements is None or any(b is None for b in blocs):
        return None
    themes, statuts, ages, suites, activites = blocs
    return {"departement": code, "usagers": usagers, "accompagnements": accompagnements, "themes": themes,
            "statuts": statuts, "ages": ages, "suites": suites, "activites": activites}  # fmt: skip


def importer(chemin: Path, source: str = SOURCE) -> RapportCra:
    try:
        entrees = json.loads(Path(chemin).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise FichierCraInvalide(f"Fichier illisible : {exc}") from exc
    if not isinstance(entrees, list):
        raise FichierCraInvalide("Un tableau JSON d'objets par département est attendu.")
    rapport = RapportCra()
    valides = {}
    for numero, entree in enumerate(entrees, start=1):
        rapport.lues += 1
        valeurs = _verifier(f"entrée {numero}", entree, rapport)
        if valeurs is not None:
            valides[valeurs["departement"]] = valeurs
    with transaction.atomic():
        existants = {b.departement: b for b in BilanCraV1.objects.all()}
        for code, valeurs in valides.items():
            bilan = existants.get(code)
            if bilan is None:
                BilanCraV1.objects.create(**valeurs, source=source)
                rapport.nouveaux += 1
            elif any(getattr(bilan, c) != v for c, v in valeurs.items()) or bilan.source != source:
                BilanCraV1.objects.filter(pk=bilan.pk).update(**valeurs, source=source)
                rapport.modifies += 1
            else:
                rapport.inchanges += 1
    return rapport
