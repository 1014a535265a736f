"""Reading the cells of an inventory export, pure: dates as GLPI writes them (day first, with
or without the time), warranty durations (« 60 mois »), prices (« 1 234,56 € »), paths of
entities and locations (« A > B > C »), placeholder numbers written by the firmware."""

import csv
import re
from calendar import monthrange
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from sun.core.imports import ouvrir
from sun.core.imports.lecture import XLSX, detecter_encodage, detecter_separateur

ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
JOUR_D_ABORD = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
DUREE = re.compile(r"^(-?\d+)\s*(mois|months?|m)?$", re.IGNORECASE)
ESPACES = str.maketrans("", "", " \u00a0\u202f\u2009€")
# Serial or inventory « numbers » a BIOS writes when nobody filled them (read as empty).
BOUCHE_TROUS = {" ".join(t.casefold().split()) for t in (
    "Chassis Asset Tag", "Asset Tag", "Default string", "To Be Filled By O.E.M.",
    "To be filled by O.E.M.", "System Serial Number", "No Asset Tag", "None", "N/A", "NA",
    "0", "-", "n/d", "Not Specified", "Not Applicable", "INVALID",
)}  # fmt: skip
# The collège (or lycée) of an entity: « 0504 - ARISTIDE BRIAND », « 0110012A - Collège X ».
LONGUEUR_BOUCHE_TROU = max(map(len, BOUCHE_TROUS))
ETABLISSEMENT = re.compile(r"^(?P<code>\d{3,7}[A-Z]?)\s+-\s+\S")
UAI = re.compile(r"^\d{7}[A-Z]$")
COLLEGE = re.compile(r"\bcoll[eè]ge\b", re.IGNORECASE)


class ValeurInvalide(ValueError):
    """A cell that cannot be read; the message says what was expected, in French."""


def lire_date(texte: str, format_: str = "") -> date | None:
    """« 24-11-2022 », « 04-01-2023 15:54 », « 24/11/2022 », « 2022-11-24[ 15:54] » → a date;
    empty → None. `format_`: a mapping's strptime format, tried first (« %m-%d-%Y »)."""
    texte = (texte or "").strip()
    if not texte:
        return None
    if format_:
        try:
            return datetime.strptime(texte, format_).date()
        except ValueError as exc:
            raise ValeurInvalide(f"date illisible (format attendu {format_})") from exc
    return _date(texte)


@lru_cache(maxsize=8192)
def _date(texte: str) -> date:
    if trouve := JOUR_D_ABORD.match(texte):
        jour, mois, annee = (int(g) for g in trouve.groups())
    elif trouve := ISO.match(texte):
        annee, mois, jour = (int(g) for g in trouve.groups())
    else:
        raise ValeurInvalide("date illisible (JJ-MM-AAAA, JJ/MM/AAAA ou AAAA-MM-JJ attendu)")
    try:
        return date(annee, mois, jour)
    except ValueError as exc:
        raise ValeurInvalide("date impossible") from exc


@lru_cache(maxsize=256)
def lire_duree_mois(texte: str) -> int | None:
    """« 60 mois », « 36 months », « 60 » → 60; empty or 0 → None; -1 (lifelong) → -1."""
    texte = (texte or "").strip()
    if not texte:
        return None
    trouve = DUREE.match(texte)
    if not trouve:
        raise ValeurInvalide("durée de garantie illisible (« 60 mois » attendu)")
    mois = int(trouve.group(1))
    if mois < -1:
        raise ValeurInvalide("durée de garantie négative")
    return mois or None


@lru_cache(maxsize=16384)
def ajouter_mois(depart: date, mois: int) -> date:
    """`depart` + `mois` months, the day clipped to the month's end (31-01 + 1 → 28/29-02)."""
    annee, rang = divmod(depart.month - 1 + mois, 12)
    annee += depart.year
    return date(annee, rang + 1, min(depart.day, monthrange(annee, rang + 1)[1]))


def lire_prix(texte: str) -> Decimal | None:
    """« 1 234,56 € », « 1234.56 », « 899 » → a Decimal (2 decimals); empty → None. A negative
    price is returned as is (the importer refuses it with its own message)."""
    texte = (texte or "").strip().translate(ESPACES)
    if not texte:
        return None
    if "," in texte and "." in texte:  # the last one separates the decimals
        decimales_virgule = texte.rfind(",") > texte.rfind(".")
        texte = (
            texte.replace(".", "").replace(",", ".")
            if decimales_virgule
            else texte.replace(",", "")
        )
    elif "," in texte:
        texte = texte.replace(",", ".")
    try:
        prix = Decimal(texte)
    except InvalidOperation as exc:
        raise ValeurInvalide("prix illisible (un nombre en euros attendu)") from exc
    if not prix.is_finite() or abs(prix) >= Decimal("1e8"):
        raise ValeurInvalide("prix illisible (un nombre en euros attendu)")
    return prix.quantize(Decimal("0.01"))


@lru_cache(maxsize=4096)
def dernier_segment(chemin: str) -> str:
    """« Support Informatique en Lycée > LYCEES > 0504 - ARISTIDE BRIAND » → its last part."""
    return " ".join((chemin or "").rsplit(">", 1)[-1].split())


def numero(texte: str) -> tuple[str, bool]:
    """(the number, whether it was a placeholder read as empty)."""
    texte = (texte or "").strip()
    if (
        texte
        and len(texte) <= LONGUEUR_BOUCHE_TROU
        and " ".join(texte.casefold().split()) in BOUCHE_TROUS
    ):
        return "", True
    return texte, False


@lru_cache(maxsize=4096)
def genre_du_site(nom: str) -> tuple[str, str]:
    """(genre of Site, UAI code or "") for a site's name: an establishment's code in front
    (« 0504 - ARISTIDE BRIAND ») or the word « collège » make it a collège."""
    trouve = ETABLISSEMENT.match(nom)
    if trouve or COLLEGE.search(nom):
        code = trouve.group("code") if trouve else ""
        return "college", code if UAI.match(code) else ""
    return "site", ""


def numeros_du_fichier(chemin: Path, inventaire: str | None, serie: str | None):
    """(line, inventory number, serial number) of each row, read fast (the csv module on the
    two columns only, line numbers as the pipeline counts them)."""
    with Path(chemin).open("rb") as brut:
        classeur = brut.read(4) == XLSX
    if classeur:
        for numero_ligne, ligne in ouvrir(chemin).lignes:
            yield numero_ligne, ligne.get(inventaire) or "", ligne.get(serie) or ""
        return
    encodage = detecter_encodage(Path(chemin))
    with Path(chemin).open(encoding=encodage, newline="") as fichier:
        separateur = detecter_separateur(fichier.readline())
        fichier.seek(0)
        lecteur = csv.reader(fichier, delimiter=separateur)
        entete = [c.strip() for c in next(lecteur, [])]
        i = entete.index(inventaire) if inventaire in entete else None
        s = entete.index(serie) if serie in entete else None
        for valeurs in lecteur:
            n = len(valeurs)
            yield (lecteur.line_num, valeurs[i] if i is not None and i < n else "",
                   valeurs[s] if s is not None and s < n else "")  # fmt: skip
