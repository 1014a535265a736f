"""The mappings of call exports: the canonical fields of a call, the layouts shipped with SUN
(`qualite/telephonie/correspondances/*.yaml`, and SUN's own CSV template), and how a file
with no mapping named is recognised (docs/telephonie.md)."""

import csv
import re
from pathlib import Path

from sun.core.imports import Cible, Correspondance, CorrespondanceInvalide, ImportImpossible
from sun.qualite.models import Issue

DOSSIER = Path(__file__).resolve().parent.parent / "correspondances"
MODELE = "modele-sun"

# The canonical fields of a call (or of one leg of it, when `appel` groups legs).
CHAMPS = {
    "identifiant": "identifiant de l'appel dans la source (clé de l'import)",
    "appel": "clé commune aux jambes d'un même appel (Webex : Correlation ID), regroupées",
    "debut": "date et heure d'arrivée (heure de Paris, ou avec son décalage, ou Z pour UTC)",
    "reponse": "date et heure de la réponse (vide si personne n'a répondu)",
    "fin": "date et heure de fin",
    "file": "file d'attente, groupe de recherche ou ligne (son nom dans le standard)",
    "issue": "issue de l'appel : " + ", ".join(Issue.values),
    "attente_s": "attente en secondes (sinon : durée − conversation, ou réponse − début)",
    "conversation_s": "conversation en secondes (sinon : fin − réponse)",
    "duree_s": "durée totale en secondes (fin − début)",
    "appelant": "numéro appelant : jamais enregistré (empreinte HMAC ou rien)",
    "groupe_agents": "groupe d'agents qui répond",
}
# SUN's template: what `sun telephonie modele` writes.
COLONNES_MODELE = ["identifiant", "debut", "file", "issue", "attente_s", "conversation_s",
                   "appelant", "groupe_agents"]  # fmt: skip
OBLIGATOIRES_MODELE = ["identifiant", "debut", "file", "issue"]
CIBLE = Cible(champs=set(CHAMPS), enumerations={"issue": Issue.values}, nom="des appels")


def livrees() -> dict[str, str]:
    """{name: description} of the shipped layouts, SUN's template first."""
    noms = {MODELE: "Modèle CSV de SUN (sun telephonie modele)"}
    for chemin in sorted(DOSSIER.glob("*.yaml")):
        noms[chemin.stem] = charger(chemin.stem).contenu.get("description") or chemin.stem
    return noms


def charger(nom_ou_chemin: str | Path) -> Correspondance:
    """A shipped layout by name (`asterisk-cdr`, `webex-calling`) or a mapping file's path."""
    nom = str(nom_ou_chemin)
    if nom == MODELE:
        return modele(COLONNES_MODELE)
    livre = DOSSIER / f"{nom}.yaml"
    if "/" not in nom and livre.is_file():
        return Correspondance.depuis_fichier(livre, CIBLE)
    chemin = Path(nom)
    if not chemin.is_file():
        raise CorrespondanceInvalide(
            f"Correspondance « {nom} » introuvable : ni une disposition livrée ("
            + ", ".join(livrees())
            + ") ni un fichier YAML."
        )
    return Correspondance.depuis_fichier(chemin, CIBLE)


def depuis_texte(texte: str, chemin: str = "") -> Correspondance:
    """An uploaded mapping (its errors name their lines)."""
    return Correspondance.depuis_texte(texte, CIBLE, chemin)


def depuis_dict(contenu: dict, chemin: str = "") -> Correspondance:
    return Correspondance.depuis_dict(contenu, CIBLE, chemin)


def modele(colonnes) -> Correspondance:
    """SUN's template as a mapping: each canonical column present is read as it is."""
    presentes = [c for c in COLONNES_MODELE if c in set(colonnes)]
    return Correspondance.depuis_dict(
        {"source": "Modèle SUN", "colonnes": {c: c for c in presentes}}, CIBLE, MODELE
    )


# --- a file with no mapping named --------------------------------------------------------------
DISPOSITIONS_ASTERISK = {"ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION"}
DATE_ASTERISK = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")
CHIFFRES = re.compile(r"\d{6,}")


def ressemble_a_asterisk(chemin: Path) -> bool:
    """A headerless Master.csv: 16 to 18 fields, a date in `start`, a known disposition."""
    try:
        with Path(chemin).open(encoding="utf-8", errors="replace", newline="") as fichier:
            premiere = next(csv.reader([fichier.readline(100_000)]), [])
    except OSError:
        return False
    return (
        16 <= len(premiere) <= 18
        and bool(DATE_ASTERISK.match(premiere[9].strip()))
        and premiere[14].strip().upper() in DISPOSITIONS_ASTERISK
    )


def reconnaitre(colonnes: list[str]) -> Correspondance | None:
    """The shipped layout whose columns are all in this header (SUN's template first)."""
    presentes = set(colonnes)
    if set(OBLIGATOIRES_MODELE) <= presentes:
        return modele(colonnes)
    for nom in livrees():
        if nom == MODELE:
            continue
        correspondance = charger(nom)
        if not correspondance.entete and set(correspondance.colonnes_lues()) <= presentes:
            return correspondance
    return None


def non_reconnu(colonnes: list[str]) -> ImportImpossible:
    """The message for a file no shipped layout fits (the columns read, numbers masked: a
    headerless file's first line may hold a caller's number)."""
    lues = ", ".join(CHIFFRES.sub("[nombre masqué]", c) for c in colonnes[:20])
    return ImportImpossible(
        "Colonnes non reconnues : ce fichier ne suit aucune des dispositions livrées avec SUN ("
        + " ; ".join(f"{nom} : {libelle}" for nom, libelle in livrees().items())
        + "). Choisissez-en une (--correspondance asterisk-cdr, webex-calling ou modele-sun), "
        "ou décrivez les colonnes de cet export dans un fichier de correspondance YAML (champs "
        "identifiant, debut, file, issue, attente_s, conversation_s… ; voir docs/telephonie.md) "
        f"et donnez son chemin à --correspondance. Colonnes lues : {lues}."
    )
