"""Exports opened in spreadsheets: no cell of text may run as a formula (CSV injection, OWASP).

A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`
in CSV files, so that Excel, LibreOffice and Google Sheets show it as text instead of computing
it (`=HYPERLINK(…)`, `@SUM(…)`, DDE payloads). Numbers are left as they are, numeric types and
text that is only a number alike (`-2.5`, `+33468000000`: a spreadsheet reads them as numbers,
never as formulas). In XLSX files the cell is typed as text instead: nothing is added to the
value, and a text cell is never evaluated.
"""

import csv
import re

DECLENCHEURS = ("=", "+", "-", "@", "\t", "\r")
_NOMBRE = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def dangereuse(valeur) -> bool:
    """Whether a spreadsheet could read this value as a formula."""
    return (
        isinstance(valeur, str)
        and valeur.startswith(DECLENCHEURS)
        and not _NOMBRE.fullmatch(valeur)
    )


def neutraliser(valeur):
    """The value of a CSV cell, with `'` before a text that a spreadsheet would compute."""
    return "'" + valeur if dangereuse(valeur) else valeur


class _Ecrivain:
    """csv.writer / csv.DictWriter whose rows are neutralised cell by cell."""

    def __init__(self, ecrivain):
        self._ecrivain = ecrivain

    def __getattr__(self, nom):  # writeheader, dialect, fieldnames…
        return getattr(self._ecrivain, nom)

    @staticmethod
    def _ligne(ligne):
        if isinstance(ligne, dict):
            return {cle: neutraliser(valeur) for cle, valeur in ligne.items()}
        return [neutraliser(valeur) for valeur in ligne]

    def writerow(self, ligne):
        return self._ecrivain.writerow(self._ligne(ligne))

    def writerows(self, lignes):
        for ligne in lignes:
            self.writerow(ligne)


def ecrivain_csv(fichier, **options) -> _Ecrivain:
    """csv.writer(fichier, **options), neutralised."""
    return _Ecrivain(csv.writer(fichier, **options))


def ecrivain_dict_csv(fichier, fieldnames, **options) -> _Ecrivain:
    """csv.DictWriter(fichier, fieldnames, **options), neutralised (the header is not data)."""
    return _Ecrivain(csv.DictWriter(fichier, fieldnames, **options))


def ajouter_ligne_xlsx(feuille, ligne) -> None:
    """feuille.append(ligne), every text cell typed as text: openpyxl would otherwise write a
    value starting with `=` as a formula."""
    feuille.append(ligne)
    for cellule in feuille[feuille.max_row]:
        if dangereuse(cellule.value):
            cellule.data_type = "s"
