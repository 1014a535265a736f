"""Normalisation of one place's values to the national standard v1.

Every function returns the clean value and reports what it corrected or rejected through a
`Signalements` collector (field, value, reason), which the import report lists line by line.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from unidecode import unidecode

from sun.core.horaires import HorairesInvalides
from sun.core.horaires import normaliser as normaliser_horaires
from sun.core.horaires_texte import osm_depuis_texte
from sun.core.identifiants import luhn
from sun.core.telephone import international
from sun.core.text import nettoyer
from sun.inclusion.lieux.standard import ALIAS_V1, ENUMERATIONS, ETAPES_NUMERIQUES, TYPOLOGIES

COURRIEL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
RNA = re.compile(r"^W[0-9A-Z]{9}$")
CODE_INSEE = re.compile(r"^([013-9]\d|2[AB1-9])\d{3}$")


@dataclass
class Signalement:
    champ: str
    valeur: str
    raison: str
    gravite: str  # "rejet" (line refused), "correction", "suppression" (value dropped), "alerte"


@dataclass
class Signalements:
    liste: list[Signalement] = field(default_factory=list)
    a_verifier: bool = False  # the place is kept but a coordinator should look at it
    date_estimee: bool = False  # no readable date_maj: the import's date stands in for it

    def ajouter(self, champ: str, valeur, raison: str, gravite: str) -> None:
        self.liste.append(Signalement(champ, str(valeur)[:200], raison, gravite))

    @property
    def rejet(self) -> bool:
        return any(s.gravite == "rejet" for s in self.liste)


def texte(valeur) -> str:
    """Trimmed text with typographic apostrophes made straight, as the standard writes them."""
    if type(valeur) is str:
        return _texte(valeur)
    return nettoyer(valeur)


@lru_cache(maxsize=65536)
def _texte(valeur: str) -> str:
    # Files repeat the same values (communes, enumerations, dates): each is cleaned once.
    return nettoyer(valeur)


def decouper(valeur, separateur: str = "|") -> list[str]:
    """The distinct, cleaned values of a multi-valued field (a list, or a text split on
    `separateur`)."""
    if valeur is None or valeur == "":
        return []
    if type(valeur) is str:
        return list(_decouper_texte(valeur, separateur))
    return _distincts(valeur if isinstance(valeur, list) else texte(valeur).split(separateur))


@lru_cache(maxsize=16384)  # files repeat the same combinations of values
def _decouper_texte(valeur: str, separateur: str) -> tuple[str, ...]:
    return tuple(_distincts(texte(valeur).split(separateur)))


def _distincts(morceaux) -> list[str]:
    resultat: list[str] = []
    for morceau in morceaux:
        morceau = texte(morceau)
        if morceau and morceau not in resultat:
            resultat.append(morceau)
    return resultat


@lru_cache(maxsize=4096)  # the same few values come back on every line of a file
def cle_souple(valeur: str) -> str:
    """Comparison key forgiving case, accents, spacing and punctuation."""
    return re.sub(r"[^a-z0-9]+", "", unidecode(texte(valeur)).casefold())


_INDEX_ENUMS = {
    champ: {cle_souple(v): v for v in valeurs}
    | {cle_souple(a): c for a, c in ALIAS_V1.items() if c in valeurs}
    for champ, valeurs in ENUMERATIONS.items()
}
_INDEX_TYPOLOGIES = {t.upper(): t for t in TYPOLOGIES}
# Former codes still found in sources: Pôle emploi became France Travail (FT).
ALIAS_TYPOLOGIES = {"PE": "FT", "POLE_EMPLOI": "FT", "FRANCE_SERVICES": "RFS"}


def enumeration(champ: str, valeurs: list[str], signalements: Signalements) -> list[str]:
    """Keep values of the standard's list (case, spacing and apostrophes forgiven)."""
    index = _INDEX_ENUMS[champ]
    resultat = []
    for valeur in valeurs:
        canonique = index.get(cle_souple(valeur))
        if canonique is None:
            signalements.ajouter(
                champ, valeur, "valeur hors de la liste du standard", "suppression"
            )
        elif canonique not in resultat:
            if canonique != valeur and canonique != ETAPES_NUMERIQUES:
                signalements.ajouter(champ, valeur, f"écrit « {canonique} »", "correction")
            resultat.append(canonique)
    return resultat


def typologies(valeurs: list[str], signalements: Signalements) -> list[str]:
    resultat = []
    for valeur in valeurs:
        canonique = _INDEX_TYPOLOGIES.get(
            ALIAS_TYPOLOGIES.get(valeur.upper(), valeur.upper().replace(" ", "_"))
        )
        if canonique is None:
            signalements.ajouter(
                "typologie", valeur, "typologie inconnue (liste data·inclusion)", "suppression"
            )
        elif canonique not in resultat:
            resultat.append(canonique)
    return resultat


def pivot(valeur, signalements: Signalements) -> str:
    """SIRET (14 digits), SIREN (9 digits, which the standard allows) or RNA (W + 9).

    « 37947415800019.0 » → 14 digits; « 0.0 » → missing. SIRET and SIREN are checked with their
    Luhn key: an invalid one is kept (the source may know better) and reported."""
    brut = texte(valeur).replace(" ", "").upper()
    if re.fullmatch(r"\d+\.0+", brut):  # a number that went through a spreadsheet
        brut = brut.split(".")[0]
    if brut in ("", "0", "00000000000000", "000000000", "NAN", "NONE"):
        return ""
    if brut.isdigit() and len(brut) == 13 and luhn("0" + brut):
        brut = "0" + brut  # leading zero lost
    if (brut.isdigit() and len(brut) in (9, 14)) or RNA.match(brut):
        if brut != texte(valeur):
            signalements.ajouter("pivot", valeur, f"nettoyé en « {brut} »", "correction")
        if brut.isdigit() and not luhn(brut):
            genre = "SIRET" if len(brut) == 14 else "SIREN"
            signalements.ajouter("pivot", brut, f"{genre} invalide (clé de contrôle) : à vérifier",
                                 "alerte")  # fmt: skip
        return brut
    signalements.ajouter(
        "pivot", valeur,
        "ni un SIRET (14 chiffres), ni un SIREN (9 chiffres), ni un RNA (W + 9 caractères)",
        "suppression",
    )  # fmt: skip
    return ""


def code(valeur, longueur: int, champ: str, signalements: Signalements) -> str:
    """Postal or INSEE code as text: « 1400 » (lost leading zero) → « 01400 », « 13100.0 » → « 13100 »."""
    brut = texte(valeur).upper()
    if re.fullmatch(r"\d+\.0+", brut):
        brut = brut.split(".")[0]
    if brut.isdigit() and len(brut) == longueur - 1:
        signalements.ajouter(champ, valeur, "zéro initial rétabli", "correction")
        brut = "0" + brut
    if not brut:
        return ""
    valide = CODE_INSEE.match(brut) if champ == "code_insee" else re.fullmatch(r"\d{5}", brut)
    if not valide:
        signalements.ajouter(champ, valeur, f"{champ.replace('_', ' ')} invalide", "suppression")
        return ""
    return brut


def telephone(valeur, signalements: Signalements) -> str:
    brut = texte(valeur)
    if not brut:
        return ""
    premier = re.split(r"[|;/]| ou ", brut)[0]  # the standard takes one number
    normal = international(premier)
    if normal is None:
        signalements.ajouter("telephone", valeur, "numéro de téléphone invalide", "suppression")
        return ""
    if normal != brut:
        signalements.ajouter(
            "telephone", valeur, f"mis au format international « {normal} »", "correction"
        )
    return normal


def courriels(valeurs: list[str], signalements: Signalements) -> list[str]:
    resultat = []
    for valeur in valeurs:
        valeur = valeur.lower().removeprefix("mailto:")
        if COURRIEL.match(valeur):
            resultat.append(valeur)
        else:
            signalements.ajouter(
                "courriels", valeur, "adresse électronique invalide", "suppression"
            )
    return resultat


def urls(champ: str, valeurs: list[str], signalements: Signalements) -> list[str]:
    resultat = []
    for valeur in valeurs:
        if not re.match(r"^https?://", valeur, re.I):
            if "." not in valeur or " " in valeur:
                signalements.ajouter(champ, valeur, "adresse web invalide", "suppression")
                continue
            valeur = "https://" + valeur
        resultat.append(valeur)
    return resultat


def horaires(valeur, signalements: Signalements) -> str:
    brut = texte(valeur)
    if not brut:
        return ""
    try:
        propre = normaliser_horaires(brut)
    except HorairesInvalides:
        return _horaires_en_francais(valeur, brut, signalements)
    if propre != brut:
        signalements.ajouter("horaires", valeur, f"écrit « {propre} »", "correction")
    return propre


def _horaires_en_francais(valeur, brut: str, signalements: Signalements) -> str:
    """Hours written in French (« du lundi au vendredi de 9h à 12h ») → OSM, never guessed:
    what is not understood is reported; an open end (no closing time) is not kept."""
    expression, remarques = osm_depuis_texte(brut)
    if expression and "+" in expression:
        remarques.append("heure de fermeture absente : horaires non retenus")
        expression = ""
    if not expression:
        signalements.ajouter(
            "horaires", valeur,
            "horaires illisibles (ni syntaxe OpenStreetMap, ni texte compris"
            + (f" : {remarques[0]}" if remarques else "") + ")",
            "suppression",
        )  # fmt: skip
        return ""
    signalements.ajouter("horaires", valeur, f"écrit « {expression} »", "correction")
    for remarque in remarques:
        signalements.ajouter("horaires", valeur, f"en partie seulement : {remarque}", "alerte")
    return expression


def nombre(valeur, champ: str, signalements: Signalements) -> float | None:
    brut = texte(valeur).replace(",", ".")
    if not brut:
        return None
    try:
        return float(brut)
    except ValueError:
        signalements.ajouter(champ, valeur, "nombre illisible", "suppression")
        return None


@lru_cache(maxsize=8192)
def _date(brut: str) -> date | None:
    for forme in ("%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(brut, forme).date()
        except ValueError:
            continue
    return None


def date_maj(valeur, aujourd_hui: date, signalements: Signalements) -> date:
    resultat = _date(texte(valeur)[:10])
    if resultat is not None:
        if resultat > aujourd_hui:
            signalements.ajouter(
                "date_maj", valeur, "date future ramenée à la date d'import", "correction"
            )
            return aujourd_hui
        return resultat
    signalements.date_estimee = True
    signalements.ajouter(
        "date_maj", valeur, "date absente ou illisible : date d'import retenue", "correction"
    )
    return aujourd_hui


def resume(valeur, signalements: Signalements) -> str:
    brut = texte(valeur)
    if len(brut) <= 280:
        return brut
    coupe = brut[:279].rsplit(" ", 1)[0] + "…"
    signalements.ajouter(
        "presentation_resume", valeur, "plus de 280 caractères : raccourci", "correction"
    )
    return coupe
