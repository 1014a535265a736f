"""Import of the repair directory from a CSV (or XLSX) in SUN's template, on the shared
pipeline (`sun.core.imports`): every row checked like an agent's entry (`verification`),
every refused row reported with its reason, the whole file in one transaction.

Idempotent: an actor is known by its name and postcode; importing the same file again
changes nothing, and an edited row updates its actor. Actors absent from the file are kept
(the directory is also edited by hand). Demonstration actors are never touched.

The template (`sun parc reparateurs modele F`, or downloaded from the import page): one row
per actor, columns in French (see COLONNES), only `nom`, `activites` and `commune` required;
lists (activities, labels) separated by « | »; yes/no columns read « oui »,
« non », « 1 », « 0 », « x » or empty (the default)."""

from pathlib import Path
from typing import TextIO

from sun.core.imports import Importeur, Rapport, executer, synchroniser
from sun.core.tableur import ecrivain_csv
from sun.parc.models import Activite, Reparateur
from sun.parc.reparateurs.verification import RefusReparateur, Repertoire, verifier

SOURCE = "Annuaire de la réparation et du reconditionnement (fichier CSV)"
# (column, meaning) of SUN's template; only OBLIGATOIRES must be there and filled in.
COLONNES = (
    ("nom", "nom de l'acteur (obligatoire)"),
    (
        "activites",
        "activités séparées par « | » (obligatoire) : "
        + ", ".join(f"{a.value} ({a.label})" for a in Activite),
    ),
    ("adresse", "numéro et voie"),
    ("code_postal", "code postal (5 chiffres)"),
    ("commune", "nom de la commune ou code INSEE (obligatoire)"),
    ("telephone", "téléphone (04 68 11 20 30)"),
    ("courriel", "adresse électronique"),
    ("site_web", "site web"),
    ("siret", "SIRET (14 chiffres, clé vérifiée)"),
    ("horaires", "horaires au format OpenStreetMap (Mo-Fr 09:00-12:00,14:00-18:00)"),
    ("labels", "labels séparés par « | » (QualiRépar, ESUS, Répar'acteurs…)"),
    ("particuliers", "accueille les particuliers : oui ou non (oui par défaut)"),
    ("collectivites", "travaille avec les collectivités : oui ou non (non par défaut)"),
    ("latitude", "latitude en degrés décimaux (vide : le centre de la commune)"),
    ("longitude", "longitude en degrés décimaux"),
    ("description", "ce que l'acteur propose, en une ou deux phrases"),
)
OBLIGATOIRES = ("nom", "activites", "commune")
EXEMPLE = {
    "nom": "Atelier Répar'Aude", "activites": "reparation|reconditionnement|vente",
    "adresse": "12 rue de la République", "code_postal": "11000", "commune": "Carcassonne",
    "telephone": "04 68 00 00 00", "courriel": "contact@exemple.fr",
    "site_web": "https://exemple.fr", "siret": "", "horaires": "Tu-Sa 09:00-12:00,14:00-18:00",
    "labels": "QualiRépar", "particuliers": "oui", "collectivites": "oui", "latitude": "",
    "longitude": "", "description": "Réparation d'ordinateurs et de téléphones, vente de "
    "matériel reconditionné garanti un an.",
}  # fmt: skip
OUI, NON = {"oui", "o", "1", "x", "vrai", "true", "yes"}, {"non", "n", "0", "faux", "false", "no"}


def ecrire_modele(cible: Path | TextIO) -> Path | TextIO:
    """Write the template, UTF-8 with a BOM (for spreadsheets): the header, then one example
    row (to replace). `cible`: a path (the CLI) or a writable text stream (the download)."""
    if hasattr(cible, "write"):
        cible.write("\ufeff")
        ecrivain = ecrivain_csv(cible, delimiter=";")
        ecrivain.writerow([c for c, _ in COLONNES])
        ecrivain.writerow([EXEMPLE[c] for c, _ in COLONNES])
        return cible
    chemin = Path(cible)
    with chemin.open("w", encoding="utf-8", newline="") as fichier:
        ecrire_modele(fichier)
    return chemin


def _liste(texte: str) -> list[str]:
    return [v.strip() for v in (texte or "").replace(",", "|").split("|") if v.strip()]


def _booleen(texte: str, defaut: bool, colonne: str) -> bool:
    valeur = (texte or "").strip().lower()
    if not valeur:
        return defaut
    if valeur in OUI:
        return True
    if valeur in NON:
        return False
    raise RefusReparateur(f"« {texte} » : oui ou non attendu.", colonne)


def _nombre(texte: str, colonne: str) -> float | None:
    valeur = (texte or "").strip().replace(",", ".")
    if not valeur:
        return None
    try:
        return float(valeur)
    except ValueError:
        raise RefusReparateur(f"« {texte} » : un nombre décimal est attendu.", colonne) from None


def donnees_de_la_ligne(ligne: dict) -> dict:
    """A row of the template as the values `verification.verifier` reads."""
    return {
        **{c: (ligne.get(c) or "").strip() for c in ("nom", "adresse", "code_postal", "commune",
                                                     "telephone", "courriel", "site_web",
                                                     "siret", "horaires", "description")},
        "activites": _liste(ligne.get("activites", "")),
        "labels": _liste(ligne.get("labels", "")),
        "pour_particuliers": _booleen(ligne.get("particuliers", ""), True, "particuliers"),
        "pour_collectivites": _booleen(ligne.get("collectivites", ""), False, "collectivites"),
        "latitude": _nombre(ligne.get("latitude", ""), "latitude"),
        "longitude": _nombre(ligne.get("longitude", ""), "longitude"),
    }  # fmt: skip


class ImportReparateurs(Importeur):
    genre = "parc_reparateurs"
    libelle = "Annuaire de la réparation et du reconditionnement"
    colonnes_obligatoires = OBLIGATOIRES
    source = SOURCE

    def preparer(self, rapport: Rapport) -> None:
        self.repertoire = Repertoire.complet()
        self.vus: dict[tuple[str, str], int] = {}

    def convertir(self, numero: int, ligne: dict, rapport: Rapport) -> dict | None:
        try:
            champs = verifier(donnees_de_la_ligne(ligne), self.repertoire)
        except RefusReparateur as exc:
            colonne = {"pour_particuliers": "particuliers",
                       "pour_collectivites": "collectivites"}.get(exc.champ, exc.champ)  # fmt: skip
            rapport.refuser(numero, colonne, ligne.get(colonne, ""), str(exc))
            return None
        cle = (champs["nom"], champs["code_postal"])
        if cle in self.vus:
            rapport.refuser(numero, "nom", champs["nom"], f"déjà à la ligne {self.vus[cle]} "
                            "(même nom et même code postal) : ligne ignorée")  # fmt: skip
            return None
        self.vus[cle] = numero
        return champs

    def ecrire(self, valeurs: list[dict], rapport: Rapport) -> None:
        voulus = {(v.pop("nom"), v.pop("code_postal")): v for v in valeurs}
        diff = synchroniser(Reparateur.objects.filter(demonstration=False),
                            ("nom", "code_postal"), voulus)  # fmt: skip
        diff.noter(rapport, nom=lambda o: o.nom if isinstance(o, Reparateur) else " ".join(o))


def importer(chemin, *, essai: bool = False, auteur=None, **options) -> Rapport:
    """Import a directory file in SUN's template (CSV, any separator and encoding, or XLSX)."""
    return executer(ImportReparateurs(), Path(chemin), essai=essai, auteur=auteur, **options)
