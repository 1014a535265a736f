"""What SUN decides about a file before frictionless reads it: its encoding (the same rules as
every import of SUN, `sun.core.imports.lecture`: UTF-8 with or without BOM, else Windows-1252
or DOS CP850 by the bytes; UTF-16 only with its BOM) and its CSV separator. A file that is not
text (a ZIP, a PDF, UTF-16 without BOM, binary junk) is refused here, in French, before
frictionless is asked anything. The file is read in blocks, never whole."""

import codecs
import csv
from dataclasses import dataclass
from pathlib import Path

from sun.core.imports.lecture import _binaire, detecter_encodage

ECHANTILLON = 64 * 1024
# Share of control characters (other than tab, CR, LF) above which bytes are not text.
CONTROLES_MAX = 0.01
NOMS_SEPARATEURS = {",": "virgule", ";": "point-virgule", "\t": "tabulation"}
NOMS_ENCODAGES = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8 avec BOM", "cp1252": "Windows-1252",
    "cp850": "DOS (CP850)", "utf-16": "UTF-16 avec BOM",
}  # fmt: skip


class FichierIllisible(ValueError):
    """The file cannot be read as a table; the message says why, in French."""


@dataclass(frozen=True)
class Lecture:
    encodage: str  # a Python codec name, given to frictionless
    separateur: str
    colonnes: list[str]

    @property
    def libelle_encodage(self) -> str:
        return NOMS_ENCODAGES.get(self.encodage, self.encodage)

    @property
    def libelle_separateur(self) -> str:
        return NOMS_SEPARATEURS.get(self.separateur, self.separateur)


def _refus(nom: str, raison: str) -> FichierIllisible:
    return FichierIllisible(
        f"Le fichier « {nom} » n'est pas lisible comme un tableau CSV : {raison}. "
        "Enregistrez-le en CSV, encodé en UTF-8 (ou Windows-1252), séparateur virgule ou "
        "point-virgule, puis vérifiez-le de nouveau."
    )


def examiner(chemin: Path, attendues: frozenset[str] = frozenset(), *,
             nom: str = "") -> Lecture:  # fmt: skip
    """Encoding, separator and header of a CSV; FichierIllisible with the reason otherwise.
    `attendues`: the schema's column names (a one-column file is then accepted); `nom`: the
    name the person gave the file (the stored copy has another)."""
    chemin = Path(chemin)
    nom = Path(nom).name if nom else chemin.name
    if not chemin.is_file():
        raise FichierIllisible(f"Fichier introuvable : « {nom} ».")
    with chemin.open("rb") as brut:
        debut = brut.read(ECHANTILLON)
    if not debut.strip():
        raise _refus(nom, "il est vide")
    if debut.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodage = "utf-16"
    else:
        if genre := _binaire(debut):
            if genre == "fichier binaire":
                raise _refus(nom, "son contenu n'est pas du texte lisible (encodage inconnu, "
                             "par exemple UTF-16 sans BOM, ou fichier binaire)")  # fmt: skip
            raise _refus(nom, f"son contenu n'est pas du texte ({genre}), quel que soit son "
                         "nom")  # fmt: skip
        encodage = detecter_encodage(chemin)
    texte = debut.decode(encodage, errors="replace")
    controles = sum(1 for c in texte if ord(c) < 32 and c not in "\t\r\n")
    if controles > CONTROLES_MAX * max(len(texte), 1):
        raise _refus(nom, "son contenu n'est pas du texte (encodage inconnu ou fichier binaire)")
    premiere = texte.lstrip("\ufeff").splitlines()[0] if texte.strip() else ""
    if premiere.lstrip()[:1] in ("{", "["):
        raise _refus(nom, "c'est un document JSON, pas un CSV")
    comptes = {sep: premiere.count(sep) for sep in (";", ",", "\t")}
    separateur = max(comptes, key=comptes.get)
    if comptes[separateur] == 0 and premiere.strip().strip('"') in attendues:
        return Lecture(encodage, ",", [premiere.strip().strip('"')])
    if comptes[separateur] == 0:
        raise _refus(nom, "aucun séparateur de colonnes (virgule ou point-virgule) dans la "
                     "première ligne")  # fmt: skip
    colonnes = [c.strip() for c in next(csv.reader([premiere], delimiter=separateur), [])]
    return Lecture(encodage, separateur, colonnes)
