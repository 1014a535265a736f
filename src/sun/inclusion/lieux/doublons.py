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

Speed: the comparison keys (folded name, distinctive words, house number, street) are
computed once when a place is saved and stored with it (`Lieu.cles_doublons`); candidate
pairs and scores are then computed for all pairs at once with numpy and rapidfuzz's
`cpdist`, not pair by pair in Python.
"""

import math
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from sun.inclusion.lieux.doublons_cles import (  # noqa: F401 (re-exported)
    _CHIFFRES,
    PARTIES_CLES,
    SEPARATEUR_CLES,
    cles_a_jour,
    cles_comparaison,
    entites_differentes,
    nom_distinctif,
    numero_et_voie,
)

SEUIL_FUSION = 84
SEUIL_EXAMEN = 62
PAIRES_PAR_TRANCHE = 200_000
CELLULE_DEG = 0.005  # about 550 m in latitude: neighbours are in the 9 surrounding cells


@dataclass(slots=True)
class Fiche:
    """What the comparison needs of one place."""

    cle: str
    cles_comparaison: str
    code_insee: str = ""
    latitude: float | None = None
    longitude: float | None = None
    exacte: bool = False
    telephone: str = ""
    courriels: frozenset = frozenset()
    source: str = ""

    @classmethod
    def depuis(cls, cle, nom, adresse, code_insee, latitude, longitude, exacte, telephone="",
               courriels=(), source="", commune=""):  # fmt: skip
        return cls(cle, cles_comparaison(nom, adresse, commune), code_insee or "", latitude, longitude,
                   bool(exacte and latitude is not None), telephone or "",
                   frozenset(courriels or ()), source or "")  # fmt: skip


class Lot:
    """Many places as columns, so that pairs are compared all at once."""

    def __init__(self, fiches: list[Fiche]):
        self.cles = [f.cle for f in fiches]
        parties = [f.cles_comparaison.split(SEPARATEUR_CLES) for f in fiches]
        colonnes = list(zip(*parties, strict=True)) or [()] * PARTIES_CLES
        (self.nom, self.distinctif, self.numero, self.voie, self.distinctif_complet, ville,
         self.genres) = (np.array(colonne, dtype=object) for colonne in colonnes)  # fmt: skip
        self.ville_n, self.avec_ville = _numeroter(ville)
        self.code_insee = np.array([f.code_insee for f in fiches], dtype=object)
        self.exacte = np.array([f.exacte for f in fiches], dtype=bool)
        self.latitude = np.array([f.latitude if f.exacte else np.nan for f in fiches], dtype=float)
        self.longitude = np.array(
            [f.longitude if f.exacte else np.nan for f in fiches], dtype=float
        )
        self.telephone = np.array([f.telephone for f in fiches], dtype=object)
        # The sources (imports) that list each place: "a|b" when merged from several.
        self.sources = [frozenset(f.source.split("|")) if f.source else frozenset() for f in fiches]
        self.plusieurs_sources = any(len(s) > 1 for s in self.sources)
        self.source_n, self.avec_source = _numeroter(
            np.array([f.source for f in fiches], dtype=object)
        )
        self.courriels = [f.courriels for f in fiches]
        # Grid cell of each exactly located place, and commune numbers, for candidate pairs.
        self.cellule = np.zeros(len(fiches), dtype=np.int64)
        self.exactes = np.flatnonzero(self.exacte)
        self.cellule[self.exactes] = np.floor(self.latitude[self.exactes] / CELLULE_DEG).astype(
            np.int64
        ) * _LARGEUR_GRILLE + np.floor(self.longitude[self.exactes] / CELLULE_DEG).astype(np.int64)
        # Text compared for equality only is numbered once: comparing numbers is cheaper.
        self.commune, self.avec_commune = _numeroter(self.code_insee)
        self.numero_n, self.avec_numero = _numeroter(self.numero)
        self.numero_base = _numeroter(
            np.array([_CHIFFRES.match(n).group(0) if n else "" for n in self.numero], dtype=object)
        )[0]
        self.telephone_n, self.avec_telephone = _numeroter(self.telephone)
        self.avec_voie = self.voie != ""

    def __len__(self) -> int:
        return len(self.cles)


def cellule(latitude: float, longitude: float) -> tuple[int, int]:
    """The grid cell of a point (CELLULE_DEG): pairs are sought in the 9 cells around."""
    return math.floor(latitude / CELLULE_DEG), math.floor(longitude / CELLULE_DEG)


def _numeroter(textes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Equal texts get equal numbers; also says which texts are not empty."""
    return np.unique(textes.astype(str), return_inverse=True)[1], textes != ""


_LARGEUR_GRILLE = 1_000_003  # cell keys: x * _LARGEUR_GRILLE + y, with |y| < 40,000
_VOISINES = np.array([dx * _LARGEUR_GRILLE + dy for dx in (-1, 0, 1) for dy in (-1, 0, 1)])
_VOISINES_AVANT = _VOISINES[4:]  # the cell itself and the four after it


def _paires_meme_cle(cles_a, indices_a, cles_b, indices_b) -> tuple[np.ndarray, np.ndarray]:
    """Every (i, j) with i from indices_a and j from indices_b sharing the same key."""
    ordre = np.argsort(cles_b, kind="stable")
    cles_b, indices_b = cles_b[ordre], indices_b[ordre]
    # Runs of equal keys in B: where each starts and how long it is.
    if not len(cles_b):
        return np.array([], dtype=int), np.array([], dtype=int)
    debuts = np.flatnonzero(np.concatenate(([True], cles_b[1:] != cles_b[:-1])))
    longueurs = np.diff(np.append(debuts, len(cles_b)))
    cles_runs = cles_b[debuts]
    position = np.minimum(np.searchsorted(cles_runs, cles_a), len(cles_runs) - 1)
    trouve = cles_runs[position] == cles_a
    debut, nombre = debuts[position[trouve]], longueurs[position[trouve]]
    i = np.repeat(indices_a[trouve], nombre)
    rang = np.arange(len(i)) - np.repeat(np.cumsum(nombre) - nombre, nombre)
    return i, indices_b[np.repeat(debut, nombre) + rang]


def paires_candidates(
    lot: Lot, a_comparer: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i, j), i < j, of places in neighbouring grid cells (about 500 m), or in the
    same commune when one of them has no exact coordinates.

    With `a_comparer` (a boolean mask: the places an import just touched), only pairs
    involving those places are produced.
    """
    touches = np.arange(len(lot)) if a_comparer is None else np.flatnonzero(a_comparer)
    morceaux = []
    if len(lot.exactes):
        depart = touches[lot.exacte[touches]]
        # All against all: a pair of cells is seen from one side only, so half the neighbours.
        voisines = _VOISINES if a_comparer is not None else _VOISINES_AVANT
        cles = (lot.cellule[depart][:, None] + voisines).ravel()
        morceaux.append(
            _paires_meme_cle(
                cles, np.repeat(depart, len(voisines)), lot.cellule[lot.exactes], lot.exactes
            )
        )
    # Same commune, one side without exact coordinates.
    vagues = np.flatnonzero(lot.avec_commune & ~lot.exacte)
    if len(vagues):
        depart = touches[lot.avec_commune[touches]]
        morceaux.append(_paires_meme_cle(lot.commune[depart], depart, lot.commune[vagues], vagues))
        depart = touches[lot.avec_commune[touches] & ~lot.exacte[touches]]
        avec_code = np.flatnonzero(lot.avec_commune)
        morceaux.append(
            _paires_meme_cle(lot.commune[depart], depart, lot.commune[avec_code], avec_code)
        )
    if not morceaux:
        return np.array([], dtype=int), np.array([], dtype=int)
    i = np.concatenate([m[0] for m in morceaux])
    j = np.concatenate([m[1] for m in morceaux])
    differents = i != j
    paires = np.sort(np.minimum(i, j)[differents] * len(lot) + np.maximum(i, j)[differents])
    # np.unique hashes integers, which is slower here than sorting and dropping repeats.
    paires = paires[np.concatenate(([True], paires[1:] != paires[:-1]))] if len(paires) else paires
    return paires // len(lot), paires % len(lot)


def _distances_m(lot: Lot, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Haversine distance; NaN when either place lacks exact coordinates."""
    lat1, lon1 = np.radians(lot.latitude[i]), np.radians(lot.longitude[i])
    lat2, lon2 = np.radians(lot.latitude[j]), np.radians(lot.longitude[j])
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6_371_008.8 * np.arcsin(np.sqrt(h))


def _similarite(gauche: np.ndarray, droite: np.ndarray, scorer) -> np.ndarray:
    """rapidfuzz on each pair; identical non-empty strings score 100 without asking it."""
    resultat = np.full(len(gauche), 100.0)
    a_calculer = (gauche != droite) | (gauche == "")
    if a_calculer.any():
        resultat[a_calculer] = process.cpdist(
            gauche[a_calculer], droite[a_calculer], scorer=scorer, dtype=np.float64
        )
    return resultat


def _total(nom, p: dict, distinctif=None) -> np.ndarray:
    """The pair's score from its name similarity and what `_mesures` measured.

    A shared phone or e-mail adds confidence only when the distinctive words are close too:
    a town hall, its library and its France services often share the town's number."""
    # Two geocoders often put one address 50 to 200 m apart: closeness counts fully up to 50 m
    # and fades over a few hundred metres; with the same number and street and names that
    # agree, up to a kilometre is still one address.
    metres = np.nan_to_num(p["metres"])
    proximite = np.where(p["localises"], 100 * np.exp(-np.maximum(0, metres - 50) / 250), 0)
    meme_adresse = p["avec_voie"] & (p["adresse"] >= 95) & p["localises"]
    proximite = np.where(meme_adresse & (nom >= 88) & (metres <= 1000),
                         np.maximum(proximite, 85), proximite)  # fmt: skip
    total = (0.5 * nom + 0.25 * np.where(p["avec_voie"], p["adresse"], 0) + 0.25 * proximite) / (
        0.5 + 0.25 * p["avec_voie"] + 0.25 * p["localises"]
    )
    # Same number in the same street a few steps apart, with names that agree: one place.
    meme_adresse = (
        p["avec_voie"] & (p["adresse"] >= 95) & p["localises"] & (np.nan_to_num(p["metres"]) <= 200)
    )
    total = np.where(meme_adresse & (nom >= 60), np.minimum(100, total + 6), total)
    proches = (nom >= 60) if distinctif is None else (distinctif >= 70)
    total = np.where(p["contacts"] & proches, np.minimum(100, total + 12), total)
    # Not enough to merge without a person looking (the review queue): a source does not
    # list one place twice on purpose; the names show two entities (see entites_differentes);
    # two different addresses that no coordinates bring together.
    a_examiner = p["meme_source"] | p.get("entites", False)
    a_examiner = a_examiner | (p["avec_voie"] & (p["adresse"] < 50)
                               & (~p["localises"] | (np.nan_to_num(p["metres"]) > 100)))  # fmt: skip
    total = np.where(a_examiner, np.minimum(total, SEUIL_FUSION - 1), total)
    # Too little to merge without a person looking.
    total = np.where(~p["localises"] & ~p["avec_voie"], np.minimum(total, SEUIL_FUSION - 1), total)
    total = np.where(
        p["localises"] & (p["metres"] > 2_000), np.minimum(total, SEUIL_EXAMEN - 1), total
    )
    return np.maximum(0, np.round(total - 15 * p["autre_commune"])).astype(int)


def _mesures(lot: Lot, i: np.ndarray, j: np.ndarray) -> dict:
    """What is cheap to measure for each pair (i, j); streets and distinctive words are
    compared later, only for the pairs that can still reach the threshold."""
    p = {"i": i, "j": j, "complet": _similarite(lot.nom[i], lot.nom[j], fuzz.ratio)}
    p["telephone"] = lot.avec_telephone[i] & (lot.telephone_n[i] == lot.telephone_n[j])
    # A shared SIRET proves little: one structure often runs several places.
    courriel = np.array([bool(lot.courriels[a] & lot.courriels[b]) for a, b in zip(i, j, strict=True)]
                        if any(lot.courriels) else np.zeros(len(i), dtype=bool), dtype=bool)  # fmt: skip
    p["contacts"] = p["telephone"] | courriel
    if lot.plusieurs_sources:
        p["meme_source"] = np.array(
            [bool(lot.sources[a] & lot.sources[b]) for a, b in zip(i, j, strict=True)], dtype=bool
        )
    else:
        p["meme_source"] = lot.avec_source[i] & (lot.source_n[i] == lot.source_n[j])
    p["avec_voie"] = lot.avec_voie[i] & lot.avec_voie[j]
    # Two different house numbers in the same street: two places side by side (« 27 » and
    # « 27 ter » are not told apart: sources drop the suffix).
    autre_numero = (
        lot.avec_numero[i] & lot.avec_numero[j] & (lot.numero_base[i] != lot.numero_base[j])
    )
    p["adresse"] = np.where(autre_numero, 30.0, 100.0)  # at most; the street is compared later
    p["metres"] = _distances_m(lot, i, j)
    p["localises"] = ~np.isnan(p["metres"])
    p["autre_commune"] = (((lot.avec_commune[i] & lot.avec_commune[j]
                            & (lot.commune[i] != lot.commune[j]))
                           | (lot.avec_ville[i] & lot.avec_ville[j]
                              & (lot.ville_n[i] != lot.ville_n[j])
                              & ~(lot.avec_commune[i] & (lot.commune[i] == lot.commune[j]))))
                          & (~p["localises"] | (p["metres"] > 300)))  # fmt: skip
    return p


def _garder(p: dict, masque: np.ndarray) -> dict:
    return {cle: valeurs[masque] for cle, valeurs in p.items()}


def _evaluer(lot: Lot, i: np.ndarray, j: np.ndarray, *, tri: bool) -> list[tuple]:
    """Score the pairs (i, j); see the module docstring for the reasoning.

    With `tri`, only pairs at or above SEUIL_EXAMEN are returned. The costly comparisons
    (street, distinctive words) are skipped for pairs that could not reach it even if
    what is left to compare were equal, and for names with nothing in common (and no shared
    phone).
    """
    p = _mesures(lot, i, j)
    for etape in ("adresse", "mots distinctifs"):
        if tri:
            meilleur_nom = np.maximum(p["complet"], 65 + 0.35 * p["complet"])
            p = _garder(p, _total(meilleur_nom, p) >= SEUIL_EXAMEN)
        if etape == "adresse":
            voies = _similarite(lot.voie[p["i"]], lot.voie[p["j"]], fuzz.token_set_ratio)
            p["adresse"] = np.minimum(p["adresse"], voies)
    # The town's name is left out only between places of one town: « MDS de Rethel » and
    # « MDS de Vouziers » differ by it, « Mairie de Rethel » and « MDS de Rethel » do not.
    i, j = p["i"], p["j"]
    meme_ville = (lot.avec_commune[i] & (lot.commune[i] == lot.commune[j])) | (
        lot.avec_ville[i] & (lot.ville_n[i] == lot.ville_n[j])
    )
    gauche = np.where(meme_ville, lot.distinctif[i], lot.distinctif_complet[i])
    droite = np.where(meme_ville, lot.distinctif[j], lot.distinctif_complet[j])
    distinctif = _similarite(gauche, droite, fuzz.token_set_ratio)
    if tri:
        noms_proches = (p["complet"] >= 45) | (distinctif >= 60) | p["telephone"]
        p, distinctif = _garder(p, noms_proches), distinctif[noms_proches]
        gauche, droite = gauche[noms_proches], droite[noms_proches]
    # Distinctive words weigh most, but « Médiathèque de X » and « EPN de X » are not equal.
    # The full names count only as far as the distinctive words agree: « Mairie de Rethel » and
    # « MDS de Rethel » share most of their letters, not their meaning.
    nom = np.maximum(0.65 * distinctif + 0.35 * p["complet"], np.minimum(p["complet"], distinctif))
    i, j = p["i"], p["j"]
    p["entites"] = np.array([
        entites_differentes(a, b, ga, gb)
        for a, b, ga, gb in zip(gauche, droite, lot.genres[i], lot.genres[j], strict=True)
    ], dtype=bool)  # fmt: skip
    valeurs = _total(nom, p, distinctif)
    retenus = np.arange(len(valeurs))
    if tri:  # best first
        retenus = np.flatnonzero(valeurs >= SEUIL_EXAMEN)
        retenus = retenus[np.argsort(-valeurs[retenus], kind="stable")]
    # Built column-wise: a Python loop over thousands of pairs would cost more than scoring.
    details = zip(
        np.round(nom[retenus]).astype(int).tolist(),
        np.where(p["avec_voie"], np.round(p["adresse"]).astype(int), None)[retenus].tolist(),
        np.where(p["localises"], np.round(np.nan_to_num(p["metres"])).astype(int), None)[retenus].tolist(),
        p["contacts"][retenus].tolist(),
        strict=True,
    )  # fmt: skip
    return list(zip(p["i"][retenus].tolist(), p["j"][retenus].tolist(),
                    valeurs[retenus].tolist(), details, strict=True))  # fmt: skip


def en_dict(details: tuple) -> dict:
    """A pair's detail as stored with the review queue and shown to coordinators."""
    return dict(zip(("nom", "adresse", "distance_m", "contact_commun"), details, strict=True))


def score(a: Fiche, b: Fiche) -> tuple[int, dict]:
    """0–100 and its detail for one pair."""
    _, _, valeur, details = _evaluer(Lot([a, b]), np.array([0]), np.array([1]), tri=False)[0]
    return valeur, en_dict(details)


def comparer(
    fiches: "list[Fiche] | Lot", cles_a_comparer: set[str] | None = None
) -> list[tuple[int, int, int, tuple]]:
    """Scored pairs at or above the review threshold: (i, j, score, detail), best first;
    `en_dict` reads a detail."""
    lot = fiches if isinstance(fiches, Lot) else Lot(fiches)
    masque = None
    if cles_a_comparer is not None:
        masque = np.array([cle in cles_a_comparer for cle in lot.cles], dtype=bool)
    i, j = paires_candidates(lot, masque)
    # Scored a slice at a time: the measures of millions of pairs would not fit in memory.
    resultats = []
    for debut in range(0, len(i), PAIRES_PAR_TRANCHE):
        fin = debut + PAIRES_PAR_TRANCHE
        resultats += _evaluer(lot, i[debut:fin], j[debut:fin], tri=True)
    resultats.sort(key=lambda r: -r[2])  # best first (stable: ties keep their order)
    return resultats
