"""Import of the CRA v1 aggregates per département (`conum_departement-cras.json` of the ANCT's
France Numérique Ensemble dashboard): usagers, accompagnements, themes, status, age bands.

The whole file in one transaction; every rejected entry reported (position, field, value,
reason); importing the same file again changes nothing.
"""

import re
from pathlib import Path

from sun.core.imports import FichierIllisible, Importeur, Lecture, Rapport, executer, synchroniser
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


def _entier(valeur, position: str, champ: str, rapport: Rapport) -> int | None:
    if isinstance(valeur, bool) or not isinstance(valeur, int) or valeur < 0:
        rapport.refuser(position, champ, str(valeur)[:50], "nombre entier positif attendu")
        return None
    return valeur


def _comptes(
    entree: dict, cle: str | None, cles: dict, position: str, rapport: Rapport
) -> dict | None:
    """The counts of `cles` in `entree[cle]` (or in `entree` itself when `cle` is None)."""
    bloc = entree.get(cle) if cle else entree
    if not isinstance(bloc, dict):
        rapport.refuser(position, cle or "", str(bloc)[:50], "objet attendu")
        return None
    comptes = {}
    for nom in cles:
        nombre = _entier(bloc.get(nom, 0), position, f"{cle}.{nom}" if cle else nom, rapport)
        if nombre is None:
            return None
        comptes[nom] = nombre
    return comptes


def _verifier(position: str, entree, rapport: Rapport) -> dict | None:
    if not isinstance(entree, dict):
        rapport.refuser(position, "", str(entree)[:50], "objet attendu")
        return None
    code = str(entree.get("departement", "")).strip().upper()
    if not DEPARTEMENT.match(code):
        rapport.refuser(position, "departement", code, "code de département invalide")
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


class ImportCraV1(Importeur):
    """One entry per département; the key is the département's code."""

    genre = "cra-v1"
    libelle = "Bilans CRA v1 des conseillers numériques"

    def __init__(self, source: str = SOURCE):
        self.source = source

    def verifier_lecture(self, lecture: Lecture) -> None:
        if lecture.format != "JSON":
            raise FichierIllisible("Un tableau JSON d'objets par département est attendu.")

    def convertir(self, numero: int, entree, rapport: Rapport) -> dict | None:
        return _verifier(f"entrée {numero}", entree, rapport)

    def ecrire(self, valeurs: list[dict], rapport: Rapport) -> None:
        voulus = {v.pop("departement"): {**v, "source": self.source} for v in valeurs}
        synchroniser(BilanCraV1.objects.all(), "departement", voulus).noter(rapport)


def importer(
    chemin: Path, source: str = SOURCE, *, essai: bool = False, auteur=None, **options
) -> Rapport:
    return executer(ImportCraV1(source), Path(chemin), essai=essai, auteur=auteur, **options)
