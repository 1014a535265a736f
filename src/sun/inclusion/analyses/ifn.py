"""Import of the Indice de fragilité numérique (La MedNum), per commune and per EPCI, in the
format of the files the ANCT dashboard uses: name, division (city | epci), code, five
sub-scores and `total` (their mean), all on a 0–10 scale.

The whole file in one transaction; every rejected line reported (line, field, value, reason);
importing the same file again changes nothing. With `departement`, only the communes of that
département and the EPCI with a commune in it are read: the others are counted, not reported
line by line (a national file holds 35,000 communes).
"""

import re
from pathlib import Path

from sun.core.imports import Importeur, Rapport, executer, synchroniser
from sun.inclusion.analyses.queries import codes_du_departement
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


class ImportIfn(Importeur):
    """One row per commune or EPCI; the key is (level, code)."""

    genre = "ifn"
    libelle = "Indice de fragilité numérique"
    colonnes_obligatoires = COLONNES

    def __init__(self, source: str = SOURCE, departement: str | None = None):
        self.source = source
        self.departement = departement
        self.codes: set[str] | None = None

    def preparer(self, rapport: Rapport) -> None:
        if self.departement:
            self.codes = codes_du_departement(self.departement)
            rapport.autres["hors_departement"] = 0
            rapport.libelles_autres["hors_departement"] = (
                f"lignes hors du département {self.departement} (non lues)"
            )

    def convertir(self, numero: int, ligne: dict, rapport: Rapport) -> dict | None:
        if self.codes is not None and _code(ligne) not in self.codes:
            rapport.autres["hors_departement"] += 1
            return None
        return _verifier(numero, ligne, rapport)

    def ecrire(self, valeurs: list[dict], rapport: Rapport) -> None:
        voulus = {(v.pop("niveau"), v.pop("code")): {**v, "source": self.source} for v in valeurs}
        diff = synchroniser(IndiceFragilite.objects.all(), ("niveau", "code"), voulus)
        diff.noter(rapport, nom=lambda cle_ou_objet: getattr(cle_ou_objet, "nom", cle_ou_objet))


def importer(chemin: Path, source: str = SOURCE, *, essai: bool = False, auteur=None,
             departement: str | None = None, **options) -> Rapport:  # fmt: skip
    """Import an IFN file (CSV, any separator and encoding, or XLSX) in one transaction; with
    `departement`, only the rows of that département's communes and EPCI."""
    importeur = ImportIfn(source, departement)
    return executer(importeur, Path(chemin), essai=essai, auteur=auteur, **options)


def _code(ligne: dict) -> str:
    niveau, code = (ligne.get("division") or "").strip(), (ligne.get("code") or "").strip().upper()
    if len(code) == 4 and niveau == "city" and code.isdigit():
        code = "0" + code  # spreadsheets drop the leading zero
    return code


def _verifier(numero: int, ligne: dict, rapport: Rapport) -> dict | None:
    niveau, code = (ligne.get("division") or "").strip(), _code(ligne)
    if niveau not in CODES:
        rapport.refuser(numero, "division", niveau, "niveau inconnu (city ou epci attendu)")
        return None
    if not CODES[niveau].match(code):
        rapport.refuser(
            numero, "code", code, "code INSEE (5 caractères) ou SIREN (9 chiffres) invalide"
        )
        return None
    valeurs = {"niveau": niveau, "code": code, "nom": (ligne.get("name") or "").strip()[:200]}
    for colonne in [*SOUS_INDICES, "total"]:
        texte = (ligne.get(colonne) or "").strip().replace(",", ".")
        try:
            nombre = float(texte)
        except ValueError:
            rapport.refuser(numero, colonne, texte, "nombre attendu")
            return None
        if not 0 <= nombre <= 10:
            rapport.refuser(numero, colonne, texte, "hors de l'échelle 0 à 10")
            return None
        valeurs[colonne] = round(nombre, 4)
    return valeurs
