"""Finding and merging duplicate places across sources.

The same place often comes from the national cartography, a regional hub, France services and
a commune. Candidate pairs are places within a few hundred metres of each other (a spatial
grid, so neighbouring communes are included) or in the same commune; each pair gets a score
from name, address and distance:

- names are compared on their distinctive words (generic words such as « médiathèque » or
  « espace » weigh less), with rapidfuzz;
- addresses compare street names, and two different house numbers in the same street count
  against the pair (two places side by side are not one);
- distance counts only between exact coordinates: a place without coordinates, or placed at
  its town hall, is never « at distance 0 »;
- a shared phone or e-mail with a similar name adds confidence (a shared SIRET does not:
  one structure often runs several places).

Above SEUIL_FUSION the pair is merged; between SEUIL_EXAMEN and SEUIL_FUSION it waits in the
coordinators' review queue.
"""

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz
from unidecode import unidecode

SEUIL_FUSION = 84
SEUIL_EXAMEN = 62
CELLULE_DEG = 0.005  # about 550 m in latitude: neighbours are in the 9 surrounding cells

MOTS_GENERIQUES = {
    "de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "sur",
    "mediatheque", "bibliotheque", "espace", "maison", "centre", "point", "lieu", "association",
    "numerique", "public", "social", "socio", "culturel", "services", "service", "france",
    "mairie", "commune", "ville", "epn", "cyber", "base", "tiers", "municipale", "municipal",
}  # fmt: skip
ABREVIATIONS = {"bd": "boulevard", "av": "avenue", "r": "rue", "pl": "place", "che": "chemin",
                "rte": "route", "imp": "impasse", "all": "allee", "st": "saint", "ste": "sainte",
                "fg": "faubourg", "qu": "quai", "mediat": "mediatheque", "bibli": "bibliotheque"}  # fmt: skip
NUMERO = re.compile(r"^\s*(\d+)\s*(bis|ter|quater|[a-d])?\b")


# French letters folded without calling unidecode, which is slow on every record.
_ACCENTS = str.maketrans("àâäáãçéèêëíìîïñóòôöõúùûüýÿœæ", "aaaaaceeeeiiiinooooouuuuyyoa")
_PONCTUATION = re.compile(r"[^a-z0-9]+")


def _ascii(texte: str) -> str:
    texte = (texte or "").lower().translate(_ACCENTS)
    return texte if texte.isascii() else unidecode(texte)


def _mots(texte: str) -> list[str]:
    return [ABREVIATIONS.get(m, m) for m in _PONCTUATION.sub(" ", _ascii(texte)).split()]


def nom_distinctif(mots: list[str]) -> str:
    distinctifs = [m for m in mots if m not in MOTS_GENERIQUES]
    return " ".join(distinctifs or mots)


def numero_et_voie(adresse: str) -> tuple[str, str]:
    texte = _ascii(adresse)
    trouve = NUMERO.match(texte)
    numero = (trouve.group(1) + (trouve.group(2) or "")) if trouve else ""
    voie = " ".join(_mots(texte[trouve.end() :] if trouve else texte))
    return numero, voie


@dataclass
class Fiche:
    """What the comparison needs of a place, prepared once."""

    cle: str
    nom: str
    nom_distinctif: str
    numero: str
    voie: str
    code_insee: str
    latitude: float | None
    longitude: float | None
    exacte: bool
    telephone: str
    courriels: frozenset
    pivot: str
    source: str

    @classmethod
    def depuis(
        cls,
        cle,
        nom,
        adresse,
        code_insee,
        latitude,
        longitude,
        exacte,
        telephone,
        courriels,
        pivot,
        source,
    ):
        numero, voie = numero_et_voie(adresse)
        mots = _mots(nom)
        return cls(cle, " ".join(mots), nom_distinctif(mots), numero, voie, code_insee or "",
                   latitude, longitude, bool(exacte and latitude is not None), telephone or "",
                   frozenset(courriels or []), pivot or "", source or "")  # fmt: skip


def distance_m(a: Fiche, b: Fiche) -> float | None:
    if not (a.exacte and b.exacte):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6_371_008.8 * math.asin(math.sqrt(h))


def score(a: Fiche, b: Fiche) -> tuple[int, dict]:
    """0–100 and its detail; see the module docstring for the reasoning."""
    complet = fuzz.ratio(a.nom, b.nom)
    # Distinctive words weigh most, but « Médiathèque de X » and « EPN de X » are not equal.
    nom = max(
        complet, 0.65 * fuzz.token_set_ratio(a.nom_distinctif, b.nom_distinctif) + 0.35 * complet
    )
    if a.voie and b.voie:
        adresse = fuzz.token_set_ratio(a.voie, b.voie)
        if a.numero and b.numero and a.numero != b.numero:
            adresse = min(adresse, 30)
    else:
        adresse = None
    metres = distance_m(a, b)
    proximite = None if metres is None else 100 * math.exp(-metres / 150)
    poids = [(nom, 0.5), (adresse, 0.25), (proximite, 0.25)]
    connus = [(v, p) for v, p in poids if v is not None]
    total = sum(v * p for v, p in connus) / sum(p for _, p in connus)
    # A shared SIRET proves little: one structure often runs several places.
    contacts = bool((a.telephone and a.telephone == b.telephone) or (a.courriels & b.courriels))
    if contacts and nom >= 60:
        total = min(100, total + 12)
    if metres is None and adresse is None:
        total = min(total, SEUIL_FUSION - 1)  # too little to merge without a person looking
    if metres is not None and metres > 2_000:
        total = min(total, SEUIL_EXAMEN - 1)
    if (
        a.code_insee
        and b.code_insee
        and a.code_insee != b.code_insee
        and (metres is None or metres > 300)
    ):
        total -= 15
    details = {"nom": round(nom), "adresse": None if adresse is None else round(adresse),
               "distance_m": None if metres is None else round(metres), "contact_commun": bool(contacts)}  # fmt: skip
    return max(0, round(total)), details


def paires_candidates(
    fiches: list[Fiche], cles_a_comparer: set[str] | None = None
) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of places close to each other, or in the same commune when one of
    them has no exact coordinates.

    With `cles_a_comparer`, only pairs involving those places (the ones an import just
    touched) are produced.
    """
    grille: dict[tuple[int, int], list[int]] = defaultdict(list)
    par_commune: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(fiches):
        if f.exacte:
            grille[(int(f.latitude // CELLULE_DEG), int(f.longitude // CELLULE_DEG))].append(i)
        if f.code_insee:
            par_commune[f.code_insee].append(i)
    paires = set()
    for i, f in enumerate(fiches):
        if cles_a_comparer is not None and f.cle not in cles_a_comparer:
            continue
        if f.exacte:
            x, y = int(f.latitude // CELLULE_DEG), int(f.longitude // CELLULE_DEG)
            voisins = [
                j
                for dx in (-1, 0, 1)
                for dy in (-1, 0, 1)
                for j in grille.get((x + dx, y + dy), ())
            ]
            # Same commune, other side without exact coordinates.
            voisins += [j for j in par_commune.get(f.code_insee, ()) if not fiches[j].exacte]
        else:
            voisins = par_commune.get(f.code_insee, [])
        paires.update((i, j) if i < j else (j, i) for j in voisins if j != i)
    return paires


def noms_proches(a: Fiche, b: Fiche) -> bool:
    """Cheap first test: most neighbours have nothing in common in their names."""
    return (
        fuzz.ratio(a.nom, b.nom) >= 45
        or fuzz.token_set_ratio(a.nom_distinctif, b.nom_distinctif) >= 60
    )


def comparer(
    fiches: list[Fiche], cles_a_comparer: set[str] | None = None
) -> list[tuple[int, int, int, dict]]:
    """Scored pairs at or above the review threshold: (i, j, score, detail)."""
    resultat = []
    for i, j in paires_candidates(fiches, cles_a_comparer):
        a, b = fiches[i], fiches[j]
        if not noms_proches(a, b) and not (a.telephone and a.telephone == b.telephone):
            continue
        valeur, details = score(a, b)
        if valeur >= SEUIL_EXAMEN:
            resultat.append((i, j, valeur, details))
    return sorted(resultat, key=lambda r: -r[2])
