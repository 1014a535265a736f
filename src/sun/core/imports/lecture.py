"""Streaming reader for every external file: CSV (`,` `;` or tab, UTF-8 with or without BOM,
Windows-1252 or DOS CP850), JSON (an array, `{"data": [...]}`, a GeoJSON FeatureCollection, or JSON
lines) and XLSX (first sheet, openpyxl's read-only mode).

Rows are yielded one at a time with their line number, so a 200 MB file is read with bounded
memory. `ouvrir` also gives the header, so that an importer checks its columns before reading.
Every reader keeps to the limits of `bornes` (size, depth, field, record, columns) and refuses
a file beyond them with FichierIllisible before it costs much memory.
"""

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import ijson

from sun.core.imports import bornes
from sun.core.imports.erreurs import FichierIllisible
from sun.core.imports.lecture_json import elements, verifier_ligne

TAILLE_BLOC = 1 << 20
# Bytes Windows-1252 leaves undefined, the C1 range (accented letters in CP850, punctuation in
# Windows-1252) and the letters of Windows-1252 (box drawing and rare letters in CP850).
INDEFINIS_CP1252 = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
PLAGE_C1, LETTRES_CP1252 = bytes(range(0x80, 0xA0)), bytes(range(0xC0, 0x100))


def detecter_encodage(chemin: Path) -> str:
    """UTF-8 (BOM or not) if the whole file decodes as such, else Windows-1252 or CP850."""
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
            return _encodage_8_bits(chemin)
    return "utf-8"


def _encodage_8_bits(chemin: Path) -> str:
    """CP850 (a DOS export: « É » is 0x90) when the file has a byte Windows-1252 leaves
    undefined, or more bytes of 0x80–0x9F (CP850's accented letters) than of 0xC0–0xFF
    (Windows-1252's); else Windows-1252."""
    c1 = lettres = 0
    with chemin.open("rb") as fichier:
        while bloc := fichier.read(TAILLE_BLOC):
            if len(bloc.translate(None, INDEFINIS_CP1252)) < len(bloc):
                return "cp850"
            c1 += len(bloc) - len(bloc.translate(None, PLAGE_C1))
            lettres += len(bloc) - len(bloc.translate(None, LETTRES_CP1252))
    return "cp850" if c1 > lettres else "cp1252"


def _premier_caractere(chemin: Path, encodage: str) -> str:
    with chemin.open(encoding=encodage, errors="replace") as fichier:
        return fichier.read(TAILLE_BLOC).lstrip()[:1]


def detecter_separateur(entete: str) -> str:
    """The column separator: the most frequent of , ; and tab in the header line."""
    comptes = {sep: entete.count(sep) for sep in (",", ";", "\t")}
    separateur = max(comptes, key=comptes.get)
    if comptes[separateur] == 0:
        raise FichierIllisible(
            "Impossible de trouver le séparateur de colonnes (virgule, point-virgule ou tabulation)."
        )
    return separateur


@dataclass
class Lecture:
    """An opened file: its kind, its header (None for JSON: keys vary by row) and its rows."""

    format: str
    colonnes: list[str] | None
    lignes: Iterator[tuple[int, dict]]


XLSX = b"PK\x03\x04"


def ouvrir(chemin: Path, entete: list[str] | None = None, *, feuille: str | None = None,
           marqueur: str | tuple[str, ...] | None = None) -> Lecture:  # fmt: skip
    """Detect the kind of file and open it; raise FichierIllisible with the reason.

    `entete`: the column names of a headerless CSV (a mapping's `entete`, e.g. Asterisk's
    Master.csv): its first line is data, unless it repeats these names (then it is skipped).
    For a workbook only: `feuille`, the sheet to read (else the first); `marqueur`, a cell
    (or several) the header row holds, searched in the first LIGNES_MARQUEUR rows (else the
    header is the first row)."""
    chemin = Path(chemin)
    if not chemin.exists():
        raise FichierIllisible(f"Fichier introuvable : {chemin}")
    if bornes.verifier_taille(chemin) == 0:
        raise FichierIllisible("Le fichier est vide.")
    with chemin.open("rb") as brut:
        debut = brut.read(8192)
    signature = debut[:4]
    if signature == XLSX and (not zipfile.is_zipfile(chemin) or _est_xlsx(chemin)):
        return _ouvrir_xlsx(chemin, feuille, marqueur)
    if genre := _binaire(debut):
        raise FichierIllisible(
            f"Ce fichier n'est pas un fichier de données lisible ({genre}), quel que soit son nom"
            f" (« {chemin.name} ») : exportez-le en CSV (UTF-8), JSON ou XLSX."
        )
    encodage = detecter_encodage(chemin)
    premier = _premier_caractere(chemin, encodage)
    if premier in "[{":
        if _est_json_lines(chemin):
            return Lecture("JSON lines", None, _lignes_json_lines(chemin))
        return Lecture("JSON", None, _lignes_json(chemin))
    limite, declare = bornes.enregistrement_max(), entete
    try:
        with chemin.open(encoding=encodage, newline="") as fichier:
            entete = fichier.readline(limite + 1)
    except UnicodeDecodeError as exc:
        raise FichierIllisible(
            f"En-tête illisible en {encodage} : exportez le fichier en CSV UTF-8, JSON ou XLSX."
        ) from exc
    separateur = detecter_separateur(entete)
    if (nombre := entete.count(separateur) + 1) > bornes.colonnes_max():
        raise bornes.trop_de_colonnes("en-tête", nombre if len(entete) <= limite else None)
    if len(entete) > limite:
        raise bornes.enregistrement_trop_long("en-tête")
    if "\x00" in entete:
        raise bornes.caractere_nul("dans l'en-tête")
    nom_sep = {",": "virgule", ";": "point-virgule", "\t": "tabulation"}[separateur]
    colonnes = [c.strip() for c in next(csv.reader([entete], delimiter=separateur), [])]
    if declare:
        sautee = [c.casefold() for c in colonnes] == [c.casefold() for c in declare]
        return Lecture(f"CSV sans en-tête ({nom_sep}, {encodage})", list(declare),
                       _lignes_csv(chemin, encodage, separateur, list(declare), sautee))  # fmt: skip
    return Lecture(
        f"CSV ({nom_sep}, {encodage})", colonnes, _lignes_csv(chemin, encodage, separateur)
    )


SIGNATURES = [
    (b"\x1f\x8b", "fichier compressé gzip"), (b"PK\x03\x04", "archive ZIP"),
    (b"%PDF", "document PDF"), (b"\xd0\xcf\x11\xe0", "ancien classeur Excel .xls ou document Office"),
    (b"BZh", "fichier compressé bzip2"), (b"\xfd7zXZ", "fichier compressé xz"),
    (b"7z\xbc\xaf", "archive 7-Zip"), (b"Rar!", "archive RAR"), (b"\x89PNG", "image PNG"),
    (b"\xff\xd8\xff", "image JPEG"), (b"SQLite format 3", "base SQLite"),
]  # fmt: skip


def _binaire(debut: bytes) -> str:
    """What a binary file is (by its signature, or NUL bytes), or "" for text."""
    for signature, genre in SIGNATURES:
        if debut.startswith(signature):
            return genre
    if b"\x00" in debut and not debut.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "fichier binaire"
    return ""


def _est_xlsx(chemin: Path) -> bool:
    with zipfile.ZipFile(chemin) as archive:
        return any(n.startswith("xl/") for n in archive.namelist())


def lire(chemin: Path) -> tuple[str, Iterator[tuple[int, dict]]]:
    """Return the detected kind (« CSV (;, cp1252) », « JSON ») and an iterator of rows."""
    lecture = ouvrir(chemin)
    return lecture.format, lecture.lignes


def _est_json_lines(chemin: Path) -> bool:
    """One JSON object per line (NDJSON): the first line is a whole object on its own."""
    import json

    with chemin.open("rb") as brut:
        premiere = brut.readline(1 << 20).lstrip(codecs.BOM_UTF8).strip()
        seconde = brut.readline(1 << 20).strip()
    if not premiere.startswith(b"{") or not seconde.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(premiere), dict)
    except (ValueError, RecursionError):  # too deep: read as JSON, which says so
        return False


def _lignes_json_lines(chemin: Path) -> Iterator[tuple[int, dict]]:
    limite = bornes.enregistrement_max() + 1
    with chemin.open(encoding="utf-8-sig") as fichier:
        for numero, ligne in enumerate(iter(lambda: fichier.readline(limite), ""), start=1):
            if ligne.strip():
                yield numero, verifier_ligne(ligne, numero)


def _texte_cellule(valeur) -> str:
    if valeur is None:
        return ""
    if isinstance(valeur, float) and valeur.is_integer():
        return str(int(valeur))
    if hasattr(valeur, "isoformat"):
        texte = valeur.isoformat()
        return texte[:10] if texte.endswith("T00:00:00") else texte
    return str(valeur)


def _verifier_archive(chemin: Path) -> None:
    """A zip bomb: an archive (or its shared strings, held in memory) that inflates too much."""
    try:
        with zipfile.ZipFile(chemin) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        return  # openpyxl says it is damaged
    total = sum(i.file_size for i in infos)
    partagees = sum(i.file_size for i in infos if i.filename.lower().endswith("sharedstrings.xml"))
    if total > bornes.FACTEUR_XLSX * bornes.taille_max() or partagees > bornes.taille_max():
        raise FichierIllisible(
            f"Classeur XLSX refusé : il se décompresse en {bornes.en_mo(total)}, bien plus que "
            "ce qu'un tableau de données occupe. Enregistrez-le à nouveau ou exportez-le en CSV."
        )


LIGNES_MARQUEUR = 30


def _feuille(classeur, nom: str | None):
    if nom is None:
        return classeur.worksheets[0]
    if nom not in classeur.sheetnames:
        classeur.close()
        raise FichierIllisible(f"Feuille « {nom} » absente du classeur (feuilles : "
                               f"{', '.join(classeur.sheetnames)}).")  # fmt: skip
    return classeur[nom]


def _entete_marquee(lignes, marqueur, feuille, classeur) -> tuple[tuple | None, int]:
    """The first row (and its number) holding one of the `marqueur` cells, else refused."""
    marques = {m.casefold() for m in ((marqueur,) if isinstance(marqueur, str) else marqueur)}
    for numero, valeurs in enumerate(lignes, start=1):
        if numero > LIGNES_MARQUEUR:
            break
        if any(_texte_cellule(v).strip().casefold() in marques for v in valeurs):
            return valeurs, numero
    classeur.close()
    noms = " ou ".join(f"« {m} »" for m in ((marqueur,) if isinstance(marqueur, str) else marqueur))
    raise FichierIllisible(f"Ligne d'en-tête introuvable : aucune cellule {noms} dans les "
                           f"{LIGNES_MARQUEUR} premières lignes de la feuille « {feuille.title} ».")  # fmt: skip


def _ouvrir_xlsx(chemin: Path, nom_feuille: str | None = None, marqueur=None) -> Lecture:
    from openpyxl import load_workbook

    _verifier_archive(chemin)
    try:
        classeur = load_workbook(chemin, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise FichierIllisible(f"Classeur XLSX illisible : {exc}") from exc
    feuille = _feuille(classeur, nom_feuille)
    lignes = feuille.iter_rows(values_only=True)
    if marqueur:
        entete, premiere = _entete_marquee(lignes, marqueur, feuille, classeur)
    else:
        entete, premiere = next(lignes, None), 1
    if entete is None:
        classeur.close()
        raise FichierIllisible("La première feuille du classeur est vide.")
    colonnes = [_texte_cellule(c).strip() for c in entete]
    while colonnes and not colonnes[-1]:
        colonnes.pop()
    if len(colonnes) > bornes.colonnes_max():
        classeur.close()
        raise bornes.trop_de_colonnes("en-tête", len(colonnes))
    champ_max = bornes.champ_max()
    if len(set(colonnes)) != len(colonnes):
        classeur.close()
        raise FichierIllisible("Des colonnes portent le même nom dans l'en-tête.")

    def rangees() -> Iterator[tuple[int, dict]]:
        try:
            for numero, valeurs in enumerate(lignes, start=premiere + 1):
                textes = [_texte_cellule(v) for v in valeurs]
                if not any(v.strip() for v in textes):
                    continue
                if max(map(len, textes)) > champ_max:
                    raise bornes.champ_trop_long(f"ligne {numero}")
                yield numero, dict(zip(colonnes, textes, strict=False))
        finally:
            classeur.close()

    return Lecture(f"XLSX (feuille « {feuille.title} »)", colonnes, rangees())


def _lignes_bornees(fichier, lu: list[int]) -> Iterator[str]:
    """The file's lines for csv.reader: each record (lines since the last row, `lu[0]`, reset
    by the reader's loop) at most bornes.enregistrement_max() characters, and no NUL."""
    limite = bornes.enregistrement_max()
    numero = 0
    while ligne := fichier.readline(limite + 1):
        numero += 1
        lu[0] += len(ligne)
        if lu[0] > limite:
            raise bornes.enregistrement_trop_long(f"ligne {numero}")
        if "\x00" in ligne:
            raise bornes.caractere_nul(f"ligne {numero}")
        yield ligne


def _lignes_csv(chemin: Path, encodage: str, separateur: str, declare: list[str] | None = None,
                sauter: bool = False) -> Iterator[tuple[int, dict]]:  # fmt: skip
    csv.field_size_limit(bornes.champ_max())
    lu = [0]
    with chemin.open(encoding=encodage, newline="") as fichier:
        lecteur = csv.reader(_lignes_bornees(fichier, lu), delimiter=separateur)
        if declare is not None:
            entete = declare
            if sauter:
                next(lecteur, None)
        else:
            try:
                entete = [c.strip() for c in next(lecteur)]
            except StopIteration:
                return
        lu[0] = 0
        if len(set(entete)) != len(entete):
            raise FichierIllisible("Des colonnes portent le même nom dans l'en-tête.")
        try:
            for valeurs in lecteur:
                lu[0] = 0
                if not any(v.strip() for v in valeurs):
                    continue
                ligne = dict(zip(entete, valeurs, strict=False))
                if len(valeurs) > len(entete):
                    ligne["__colonnes_en_trop__"] = len(valeurs) - len(entete)
                yield lecteur.line_num, ligne
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise bornes.champ_trop_long(f"ligne {lecteur.line_num}") from exc
            raise FichierIllisible(f"CSV mal formé ligne {lecteur.line_num} : {exc}") from exc


def _lignes_json(chemin: Path) -> Iterator[tuple[int, dict]]:
    with chemin.open("rb") as brut:
        # Sniff the top-level shape to choose the ijson prefix without loading the file.
        debut = brut.read(4096).lstrip(codecs.BOM_UTF8).lstrip()
        brut.seek(0)
        if debut.startswith(b"["):
            prefixe = None  # the records: the items of the top-level array
        elif b'"FeatureCollection"' in debut or b'"features"' in debut:
            prefixe = "features"
        elif b'"data"' in debut:
            prefixe = "data"
        else:
            raise FichierIllisible(
                'JSON non reconnu : un tableau d\'enregistrements (objets JSON), {"data": [...]} '
                "ou du GeoJSON est attendu."
            )
        flux = io.BufferedReader(brut) if not isinstance(brut, io.BufferedReader) else brut
        numero = 0
        evenements = ijson.basic_parse(flux, use_float=True)
        try:
            for numero, element in enumerate(elements(evenements, prefixe), start=1):
                if isinstance(element, dict) and element.get("type") == "Feature":
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
