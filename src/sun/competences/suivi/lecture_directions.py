"""A strict reader of the directions file (`code;nom;sigle`, UTF-8 with or without BOM, or
Windows-1252): every bad line is reported in French; the service writes nothing unless the
whole file is good."""

import csv
import io
from dataclasses import dataclass, field

from django.utils.text import slugify

COLONNES = ("code", "nom", "sigle")
CODE_MAX, NOM_MAX, SIGLE_MAX = 40, 200, 20


@dataclass
class LectureDirections:
    lignes: list[tuple[str, str, str]] = field(default_factory=list)
    erreurs: list[str] = field(default_factory=list)


def _texte(contenu: bytes | str) -> str:
    if isinstance(contenu, str):
        return contenu.lstrip("\ufeff")
    try:
        return contenu.decode("utf-8-sig")
    except UnicodeDecodeError:
        return contenu.decode("cp1252")


def erreur_code(code: str) -> str:
    """The French reason a direction code is refused, or ""."""
    if not code:
        return "le code est obligatoire"
    if len(code) > CODE_MAX:
        return f"le code dépasse {CODE_MAX} caractères"
    if slugify(code) != code:
        return (f"le code « {code} » ne doit contenir que des minuscules sans accent, des "
                f"chiffres et des tirets (par exemple « {slugify(code) or 'direction-routes'} »)")  # fmt: skip
    return ""


def erreur_nom_sigle(nom: str, sigle: str) -> str:
    if not nom:
        return "le nom est obligatoire"
    if len(nom) > NOM_MAX:
        return f"le nom dépasse {NOM_MAX} caractères"
    if len(sigle) > SIGLE_MAX:
        return f"le sigle dépasse {SIGLE_MAX} caractères"
    return ""


def lire(contenu: bytes | str) -> LectureDirections:
    """Read the file: its lines, or the French errors (line numbers as in a spreadsheet)."""
    resultat = LectureDirections()
    lecteur = csv.reader(io.StringIO(_texte(contenu)), delimiter=";")
    entete = [c.strip().lower() for c in next(lecteur, [])]
    if tuple(entete) != COLONNES:
        resultat.erreurs.append(
            "Ligne 1 : l'en-tête doit être exactement « code;nom;sigle » "
            f"(lu : « {';'.join(entete)} »)."
        )
        return resultat
    vus: dict[str, int] = {}
    for numero, cellules in enumerate(lecteur, start=2):
        if not any(c.strip() for c in cellules):
            continue
        if len(cellules) != 3:
            resultat.erreurs.append(f"Ligne {numero} : 3 colonnes attendues, {len(cellules)} lues.")
            continue
        code, nom, sigle = (c.strip() for c in cellules)
        raison = erreur_code(code) or erreur_nom_sigle(nom, sigle)
        if not raison and code in vus:
            raison = f"le code « {code} » figure déjà ligne {vus[code]}"
        if raison:
            resultat.erreurs.append(f"Ligne {numero} : {raison}.")
            continue
        vus[code] = numero
        resultat.lignes.append((code, nom, sigle))
    if not resultat.lignes and not resultat.erreurs:
        resultat.erreurs.append("Le fichier ne contient aucune direction.")
    return resultat
