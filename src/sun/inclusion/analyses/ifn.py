"""Import of the Indice de fragilité numérique (La MedNum), per commune and per EPCI, in the
format of the files the ANCT dashboard uses: name, division (city | epci), code, five
sub-scores and `total` (their mean), all on a 0–10 scale.

The whole file in one transaction; every rejected line reported (line, field, value, reason);
importing the same file again changes nothing.
"""

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from sun.inclusion.models import IndiceFragilite

SOUS_INDICES = [
    "no_thd_coverage_rate",
    "no_4g_coverage_rate",
    "poverty_rate",
    "older_65_rate",
    "nscol15p_rate",
]
COLONNES = ["name", "division", "code", *SOUS_INDICES, "total"]
CODES = {"city": re.compile(r"^(\d{5}|2[AB]\d{3})$"), "epci": re.compile(r"^\d{9}$")}
SOURCE = "Indice de fragilité numérique (La MedNum), fichier de l'ANCT"


class FichierIfnInvalide(ValueError):
    pass


@dataclass
class RapportIfn:
    lues: int = 0
    nouveaux: int = 0
    modifies: int = 0
    inchanges: int = 0
    rejets: list[tuple[int, str, str, str]] = field(
        default_factory=list
    )  # line, field, value, reason


def importer(chemin: Path, source: str = SOURCE) -> RapportIfn:
    rapport = RapportIfn()
    lignes = []
    try:
        with Path(chemin).open(encoding="utf-8-sig", newline="") as fichier:
            lecteur = csv.DictReader(fichier)
            manquantes = [c for c in COLONNES if c not in (lecteur.fieldnames or [])]
            if manquantes:
                raise FichierIfnInvalide(
                    "Colonnes absentes : "
                    + ", ".join(manquantes)
                    + " (attendu : "
                    + ", ".join(COLONNES)
                    + ")."
                )
            for numero, ligne in enumerate(lecteur, start=2):
                rapport.lues += 1
                valeurs = _verifier(numero, ligne, rapport)
                if valeurs is not None:
                    lignes.append(valeurs)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise FichierIfnInvalide(f"Fichier illisible : {exc}") from exc
    with transaction.atomic():
        existants = {(i.niveau, i.code): i for i in IndiceFragilite.objects.all()}
        a_creer, a_modifier = [], []
        for valeurs in lignes:
            actuel = existants.get((valeurs["niveau"], valeurs["code"]))
            if actuel is None:
                a_creer.append(IndiceFragilite(**valeurs, source=source))
            elif any(getattr(actuel, c) != v for c, v in valeurs.items()):
                for c, v in valeurs.items():
                    setattr(actuel, c, v)
                actuel.source = source
                a_modifier.append(actuel)
            else:
                rapport.inchanges += 1
        IndiceFragilite.objects.bulk_create(a_creer, batch_size=2000)
        IndiceFragilite.objects.bulk_update(
            a_modifier, ["nom", *SOUS_INDICES, "total", "source"], batch_size=2000
        )
        rapport.nouveaux, rapport.modifies = len(a_creer), len(a_modifier)
    return rapport


def _verifier(numero: int, ligne: dict, rapport: RapportIfn) -> dict | None:
    niveau, code = (ligne.get("division") or "").strip(), (ligne.get("code") or "").strip().upper()
    if niveau not in CODES:
        rapport.rejets.append((numero, "division", niveau, "niveau inconnu (city ou epci attendu)"))
        return None
    if len(code) == 4 and niveau == "city" and code.isdigit():
        code = "0" + code  # spreadsheets drop the leading zero
    if not CODES[niveau].match(code):
        rapport.rejets.append(
            (numero, "code", code, "code INSEE (5 caractères) ou SIREN (9 chiffres) invalide")
        )
        return None
    valeurs = {"niveau": niveau, "code": code, "nom": (ligne.get("name") or "").strip()[:200]}
    for colonne in [*SOUS_INDICES, "total"]:
        texte = (ligne.get(colonne) or "").strip().replace(",", ".")
        try:
            nombre = float(texte)
        except ValueError:
            rapport.rejets.append((numero, colonne, texte, "nombre attendu"))
            return None
        if not 0 <= nombre <= 10:
            rapport.rejets.append((numero, colonne, texte, "hors de l'échelle 0 à 10"))
            return None
        valeurs[colonne] = round(nombre, 4)
    return valeurs
