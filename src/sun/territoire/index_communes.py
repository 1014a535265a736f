"""The search of communes, in process: folded names, postcodes, INSEE codes and former
communes (communes déléguées and associées, arrondissements), rebuilt when the territory's
version changes (`sun.territoire.version`), as the search of places does.

Rules, in this order:
- a 5-digit value is a postcode first, an INSEE code only if no commune has that postcode
  (« 11140 » is Axat and 25 other communes, not Ferrals-les-Corbières, INSEE 11140);
- every word typed must begin a word of the name (or be a postcode or code, or its start);
- an exact name beats a name that begins with the text, which beats the other matches; then
  the more populated first, then alphabetical order;
- a former commune leads to its commune, with its own position (« Fa » → Val-du-Faby, at Fa).

All of France is about 35,000 communes and 2,600 former communes: a few megabytes per
process, built in about a second, and a search is a few array operations.
"""

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from sun.core.text import de_nom, normaliser_recherche
from sun.core.versions import IndexDuProcessus
from sun.territoire.models import Commune, SubdivisionCommune
from sun.territoire.version import VERSION

LONGUEUR_PREFIXE_COURT = 3
_FIN = "\x7f"  # sorts after every character of a folded token (a-z, 0-9)


@dataclass(frozen=True)
class CommuneIndexee:
    pk: int
    code_insee: str
    nom: str
    departement: str
    epci: str | None
    epci_nom: str | None
    codes_postaux: tuple[str, ...]
    population_municipale: int | None
    latitude: float | None
    longitude: float | None
    superficie_km2: float | None
    source: str
    date_maj: datetime


@dataclass(frozen=True)
class Trouvee:
    """A commune found, and by what: its own name or code, or one of its former communes."""

    commune: CommuneIndexee
    rang: int  # 0 exact, 1 beginning of the name, 2 other words (or a code)
    subdivision: str | None  # « Fa (commune déléguée) » when found through a former commune
    latitude: float | None  # the point of what was found (the former commune's, if any)
    longitude: float | None
    nom: str = ""  # the name of what was found: the commune, or the former commune (« Fa »)


def est_code(texte: str) -> bool:
    """Five characters that can only be a code: 11140, 2A004."""
    return (
        len(texte) == 5
        and texte[2:].isdigit()
        and (texte[:2].isdigit() or texte[:2] in ("2a", "2b"))
    )


def _codes_de_la_cle(cle: str) -> tuple[str, tuple[str, ...]]:
    """« lezignan corbieres 11200 11203 » → (« lezignan corbieres », (« 11200 »,)): the
    territory load stores the folded name, the postcodes and the INSEE code (last) in one key."""
    mots = cle.split()
    fin = len(mots) - 1  # the INSEE code
    debut = fin
    while debut > 0 and len(mots[debut - 1]) == 5 and mots[debut - 1].isdigit():
        debut -= 1
    return " ".join(mots[:debut]), tuple(mots[debut:fin])


class IndexCommunes:
    CHAMPS = ("pk", "code_insee", "nom", "departement__code", "epci__code_siren", "epci__nom",
              "cle_recherche", "population_municipale", "latitude", "longitude",
              "superficie_km2", "source", "date_maj", "mairie__latitude", "mairie__longitude")  # fmt: skip

    def __init__(self, version):
        self.version = version
        self._noms: dict[str | None, tuple[list[str], list[int]]] = {}
        self._prefixes: dict[str, np.ndarray] = {}
        # The communes as rows, turned into CommuneIndexee only for the page shown.
        self.lignes = list(Commune.objects.values_list(*self.CHAMPS).order_by("pk"))
        ligne_de_pk = {ligne[0]: i for i, ligne in enumerate(self.lignes)}

        # Entries: each commune, and each former commune (pointing to its commune):
        # (population, folded name, commune row, former commune's label, lat, lon, its code,
        #  its name)
        entrees: list[tuple] = []
        self.codes_postaux: list[tuple[str, ...]] = []
        for i, ligne in enumerate(self.lignes):
            nom, codes = _codes_de_la_cle(ligne[6])
            self.codes_postaux.append(codes)
            latitude, longitude = (ligne[8], ligne[9]) if ligne[8] is not None else ligne[13:15]
            entrees.append((ligne[7], nom, i, None, latitude, longitude, None, None))
        sous = SubdivisionCommune.objects.values_list(
            "commune_id", "nom", "nom_recherche", "code_insee", "type", "population_municipale",
            "latitude", "longitude",
        )  # fmt: skip
        types = {t.value: t.label.lower() for t in SubdivisionCommune.Type}
        for commune_id, nom, cle, code, type_, population, latitude, longitude in sous:
            i = ligne_de_pk.get(commune_id)
            if i is None:
                continue
            parent = entrees[i]
            libelle = f"{nom} ({types[type_]} {de_nom(self.lignes[i][2])})"
            if latitude is None:
                latitude, longitude = parent[4], parent[5]
            entrees.append((population, cle, i, libelle, latitude, longitude, code.lower(), nom))
        # Entry numbers in the order of ties: the more populated first, then by name.
        entrees.sort(key=lambda e: (-(e[0] if e[0] is not None else -1), e[1]))
        n = len(entrees)

        self.ligne_commune = np.fromiter((e[2] for e in entrees), dtype=np.int32, count=n)
        self.est_subdivision = np.fromiter((e[3] is not None for e in entrees), bool, count=n)
        self.subdivisions = [e[3] for e in entrees]
        self.noms_anciens = [e[7] for e in entrees]
        self.positions = [(e[4], e[5]) for e in entrees]
        self.departements = np.array([self.lignes[e[2]][3] for e in entrees])
        self.epcis = np.array([self.lignes[e[2]][4] or "" for e in entrees])
        # Names in alphabetical order: the entries whose name begins with a text are a range.
        noms = [e[1] for e in entrees]
        self.ordre_noms = np.array(sorted(range(n), key=noms.__getitem__), dtype=np.int32)
        self.noms_tries = [noms[i] for i in self.ordre_noms]

        # Postings: every token (name word, postcode, INSEE code) with its entries, sorted by
        # token, so that the tokens beginning with a prefix are one contiguous slice.
        paires: list[tuple[str, int]] = []
        for numero, e in enumerate(entrees):
            ligne = self.lignes[e[2]]
            jetons = {*e[1].split(), *self.codes_postaux[e[2]], e[6] or ligne[1].lower()}
            paires.extend((jeton, numero) for jeton in jetons)
        paires.sort()
        self.jetons = [j for j, _ in paires]
        self.entrees_des_jetons = np.fromiter((k for _, k in paires), np.int32, count=len(paires))

        self.par_code_postal: dict[str, np.ndarray] = {}
        postaux: dict[str, list[int]] = {}
        for numero, e in enumerate(entrees):
            if e[3] is None:  # a postcode leads to communes, not to their former communes
                for code in self.codes_postaux[e[2]]:
                    postaux.setdefault(code, []).append(numero)
        self.par_code_postal = {c: np.array(ls, dtype=np.int32) for c, ls in postaux.items()}
        self.par_code_insee = {
            self.lignes[e[2]][1].lower(): numero for numero, e in enumerate(entrees) if e[3] is None
        }
        # INSEE codes of former communes (« 11131 » is Fa): the entry that leads to them.
        self.codes_sous = {e[6]: numero for numero, e in enumerate(entrees) if e[6] is not None}

    def commune(self, ligne: int) -> CommuneIndexee:
        (pk, code_insee, nom, departement, epci, epci_nom, _, population, latitude, longitude,
         superficie, source, date_maj, lat_mairie, lon_mairie) = self.lignes[ligne]  # fmt: skip
        if latitude is None:
            latitude, longitude = lat_mairie, lon_mairie
        return CommuneIndexee(pk, code_insee, nom, departement, epci, epci_nom,
                              self.codes_postaux[ligne], population, latitude, longitude,
                              superficie, source, date_maj)  # fmt: skip

    def noms_et_cles(self, departement: str | None) -> tuple[list[str], list[int]]:
        """Folded names of the communes (of a département) and their keys, for fuzzy matching."""
        if departement not in self._noms:
            lignes = [(i, ligne[0]) for i, ligne in enumerate(self.lignes)
                      if not departement or ligne[3] == departement]  # fmt: skip
            self._noms[departement] = (
                [_codes_de_la_cle(self.lignes[i][6])[0] for i, _ in lignes],
                [pk for _, pk in lignes],
            )
        return self._noms[departement]

    # --- matching ------------------------------------------------------------------------
    def _liste(self, mot: str) -> np.ndarray:
        """The entries having a token that begins with the word."""
        liste = self._prefixes.get(mot)
        if liste is None:
            debut, fin = bisect_left(self.jetons, mot), bisect_left(self.jetons, mot + _FIN)
            liste = np.unique(self.entrees_des_jetons[debut:fin])
            if len(mot) <= LONGUEUR_PREFIXE_COURT:  # the long lists of short prefixes, kept
                self._prefixes[mot] = liste
        return liste

    def _par_code(self, code: str) -> tuple[np.ndarray, np.ndarray]:
        """Postcode first; else the INSEE code of a commune or of a former commune."""
        entrees = self.par_code_postal.get(code)
        if entrees is None:
            entree = self.par_code_insee.get(code, self.codes_sous.get(code))
            entrees = np.array([] if entree is None else [entree], dtype=np.int32)
        return entrees, np.zeros(len(entrees), dtype=np.int8)

    def chercher(self, texte: str, departement: str | None = None,
                 epci: str | None = None) -> "Resultats":  # fmt: skip
        """Every commune matching the text, best first, each once."""
        requete = normaliser_recherche(texte or "")
        if not requete:
            return Resultats(self, np.empty(0, dtype=np.int32), np.empty(0, dtype=np.int8))
        if est_code(requete):
            entrees, rangs = self._par_code(requete)
        else:
            mots = requete.split()
            entrees = self._liste(mots[0])
            for mot in mots[1:]:
                if len(entrees) == 0:
                    break
                entrees = np.intersect1d(entrees, self._liste(mot), assume_unique=True)
            rangs = self._rangs(entrees, " ".join(m for m in mots if not m.isdigit()))
        if departement:
            garder = self.departements[entrees] == departement.upper()
            entrees, rangs = entrees[garder], rangs[garder]
        if epci:
            garder = self.epcis[entrees] == epci
            entrees, rangs = entrees[garder], rangs[garder]
        ordre = np.lexsort((entrees, rangs))
        entrees, rangs = entrees[ordre], rangs[ordre]
        # Each commune once, by its best entry.
        _, premieres = np.unique(self.ligne_commune[entrees], return_index=True)
        premieres.sort()
        return Resultats(self, entrees[premieres], rangs[premieres])

    def communes_du_code_postal(self, code: str) -> list[CommuneIndexee]:
        """The communes of a postcode, by name (none if it is not a postcode)."""
        lignes = sorted({int(self.ligne_commune[e]) for e in self.par_code_postal.get(code, ())})
        communes = [self.commune(i) for i in lignes]
        return sorted(communes, key=lambda c: normaliser_recherche(c.nom))

    def _rangs(self, entrees: np.ndarray, nom: str) -> np.ndarray:
        if not nom:  # only codes typed (« 112 »): communes before their former communes
            return self.est_subdivision[entrees].astype(np.int8) + 2
        debut = bisect_left(self.noms_tries, nom)
        fin_exacts = bisect_right(self.noms_tries, nom, lo=debut)
        fin = bisect_left(self.noms_tries, nom + _FIN, lo=fin_exacts)
        rangs = np.full(len(self.ligne_commune), 2, dtype=np.int8)
        rangs[self.ordre_noms[debut:fin]] = 1
        rangs[self.ordre_noms[debut:fin_exacts]] = 0
        return rangs[entrees]

    def _trouvee(self, entree: int, rang: int) -> Trouvee:
        latitude, longitude = self.positions[entree]
        commune = self.commune(int(self.ligne_commune[entree]))
        return Trouvee(commune, rang, self.subdivisions[entree], latitude, longitude,
                       self.noms_anciens[entree] or commune.nom)  # fmt: skip


class Resultats:
    """The communes found, in order; materialised a page at a time."""

    def __init__(self, index: IndexCommunes, entrees: np.ndarray, rangs: np.ndarray):
        self.index, self.entrees, self.rangs = index, entrees, rangs

    def __len__(self) -> int:
        return len(self.entrees)

    def tranche(self, debut: int, fin: int) -> list[Trouvee]:
        return [self.index._trouvee(int(e), int(r))
                for e, r in zip(self.entrees[debut:fin], self.rangs[debut:fin], strict=True)]  # fmt: skip


_index = IndexDuProcessus(VERSION, IndexCommunes)


def index_communes() -> IndexCommunes:
    """This process's index, rebuilt when the territory changed."""
    return _index.obtenir()
