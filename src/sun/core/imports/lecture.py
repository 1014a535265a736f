"""Streaming reader for source files: CSV (`,` `;` or tab, UTF-8 with or without BOM, or
Windows-1252) and JSON (an array, `{"data": [...]}` or a GeoJSON FeatureCollection).

Rows are yielded one at a time with their line number, so a 200 MB file is read with bounded
memory.
"""

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

import ijson

csv.field_size_limit(10_000_000)
TAILLE_BLOC = 1 << 20


class FichierIllisible(ValueError):
    """The file cannot be read at all; the message says why, in French."""


def detecter_encodage(chemin: Path) -> str:
    """UTF-8 (BOM or not) if the whole file decodes as such, else Windows-1252."""
    with chemin.open("rb") as fichier:
        debut = fichier.read(3)
        if debut == codecs.BOM_UTF8:
            return "utf-8-sig"
        fichier.seek(0)
        decodeur = codecs.getincrementaldecoder("utf-8")()
        try:
            while bloc := fichier.read(TAILLE_BLOC):
                decodeur.decode(bloc)
            decodeur.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"


def _premier_caractere(chemin: Path, encodage: str) -> str:
    with chemin.open(encoding=encodage, errors="replace") as fichier:
        while caractere := fichier.read(1):
            if not caractere.isspace():
                return caractere
    return ""


def detecter_separateur(entete: str) -> str:
    """The column separator: the most frequent of , ; and tab in the header line."""
    comptes = {sep: entete.count(sep) for sep in (",", ";", "\t")}
    separateur = max(comptes, key=comptes.get)
    if comptes[separateur] == 0:
        raise FichierIllisible(
            "Impossible de trouver le séparateur de colonnes (virgule, point-virgule ou tabulation)."
        )
    return separateur


def lire(chemin: Path) -> tuple[str, Iterator[tuple[int, dict]]]:
    """Return the detected kind (« CSV (;, cp1252) », « JSON ») and an iterator of rows."""
    if not chemin.exists():
        raise FichierIllisible(f"Fichier introuvable : {chemin}")
    if chemin.stat().st_size == 0:
        raise FichierIllisible("Le fichier est vide.")
    encodage = detecter_encodage(chemin)
    if _premier_caractere(chemin, encodage) in "[{":
        return "JSON", _lignes_json(chemin)
    with chemin.open(encoding=encodage, newline="") as fichier:
        entete = fichier.readline()
    separateur = detecter_separateur(entete)
    nom_sep = {",": "virgule", ";": "point-virgule", "\t": "tabulation"}[separateur]
    return f"CSV ({nom_sep}, {encodage})", _lignes_csv(chemin, encodage, separateur)


def _lignes_csv(chemin: Path, encodage: str, separateur: str) -> Iterator[tuple[int, dict]]:
    with chemin.open(encoding=encodage, newline="") as fichier:
        lecteur = csv.reader(fichier, delimiter=separateur)
        try:
            entete = [c.strip() for c in next(lecteur)]
        except StopIteration:
            return
        if len(set(entete)) != len(entete):
            raise FichierIllisible("Des colonnes portent le même nom dans l'en-tête.")
        try:
            for valeurs in lecteur:
                if not any(v.strip() for v in valeurs):
                    continue
                ligne = dict(zip(entete, valeurs, strict=False))
                if len(valeurs) > len(entete):
                    ligne["__colonnes_en_trop__"] = len(valeurs) - len(entete)
                yield lecteur.line_num, ligne
        except csv.Error as exc:
            raise FichierIllisible(f"CSV mal formé ligne {lecteur.line_num} : {exc}") from exc


def _lignes_json(chemin: Path) -> Iterator[tuple[int, dict]]:
    with chemin.open("rb") as brut:
        # Sniff the top-level shape to choose the ijson prefix without loading the file.
        debut = brut.read(4096).lstrip(codecs.BOM_UTF8).lstrip()
        brut.seek(0)
        if debut.startswith(b"["):
            prefixe = "item"
        elif b'"FeatureCollection"' in debut or b'"features"' in debut:
            prefixe = "features.item"
        elif b'"data"' in debut:
            prefixe = "data.item"
        else:
            raise FichierIllisible(
                'JSON non reconnu : un tableau de lieux, {"data": [...]} ou du GeoJSON est attendu.'
            )
        flux = io.BufferedReader(brut) if not isinstance(brut, io.BufferedReader) else brut
        numero = 0
        try:
            for numero, element in enumerate(ijson.items(flux, prefixe, use_float=True), start=1):
                if not isinstance(element, dict):
                    continue
                if element.get("type") == "Feature":
                    proprietes = dict(element.get("properties") or {})
                    geometrie = element.get("geometry") or {}
                    if (
                        geometrie.get("type") == "Point"
                        and len(geometrie.get("coordinates") or []) >= 2
                    ):
                        # The geometry fills coordinates the properties leave empty.
                        if proprietes.get("longitude") in (None, ""):
                            proprietes["longitude"] = geometrie["coordinates"][0]
                        if proprietes.get("latitude") in (None, ""):
                            proprietes["latitude"] = geometrie["coordinates"][1]
                    element = proprietes
                yield numero, element
        except ijson.JSONError as exc:
            raise FichierIllisible(f"JSON mal formé après l'élément {numero} : {exc}") from exc
