"""Comparison keys of a place for duplicate detection: folded name, its distinctive words (with
and without the town's name), house number and street, folded town. Computed once when a place
is saved and stored with it (`Lieu.cles_doublons`)."""

import re
from functools import lru_cache

from rapidfuzz import fuzz
from unidecode import unidecode

MOTS_GENERIQUES = {
    "de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "sur",
    "mediatheque", "bibliotheque", "espace", "maison", "centre", "point", "lieu", "association",
    "numerique", "public", "social", "socio", "culturel", "services", "service", "france",
    "mairie", "commune", "ville", "epn", "cyber", "base", "tiers", "municipale", "municipal",
    "quartier", "annexe",
}  # fmt: skip
MOTS_LIAISON = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "sur"}
ABREVIATIONS = {"bd": "boulevard", "av": "avenue", "r": "rue", "pl": "place", "che": "chemin",
                "rte": "route", "imp": "impasse", "all": "allee", "st": "saint", "ste": "sainte",
                "fg": "faubourg", "qu": "quai", "mediat": "mediatheque", "bibli": "bibliotheque"}  # fmt: skip
_CHIFFRES = re.compile(r"\d*")
NUMERO = re.compile(r"^\s*(\d+)\s*(bis|ter|quater|[a-d])?\b")


# French letters and signs folded without calling unidecode, which is slow on every record.
_ACCENTS = str.maketrans({
    **dict(zip("àâäáãçéèêëíìîïñóòôöõúùûüýÿ", "aaaaaceeeeiiiinooooouuuuyy", strict=True)),
    "œ": "oe", "æ": "ae", "°": " ", "’": "'", "‘": "'", "«": " ", "»": " ", "–": "-", "—": "-",
    "\u00a0": " ", "\u202f": " ", "…": " ", "·": " ", "ª": "a", "º": "o", "²": "2", "€": " ",
})  # fmt: skip
_PONCTUATION = re.compile(r"[^a-z0-9]+")


def _ascii(texte: str) -> str:
    texte = (texte or "").lower().translate(_ACCENTS)
    return texte if texte.isascii() else unidecode(texte)


def _singulier(mot: str) -> str:
    """« bibliothèques » and « bibliothèque » are one word to the comparison."""
    return mot[:-1] if len(mot) > 4 and mot[-1] in "sx" and mot[-2] not in "sux" else mot


@lru_cache(maxsize=65_536)
def _mots(texte: str) -> tuple[str, ...]:
    """Folded, singular words with abbreviations spelt out; communes, streets and names
    repeat across a file, so each text is split once."""
    return tuple(
        _singulier(ABREVIATIONS.get(m, m)) for m in _PONCTUATION.sub(" ", _ascii(texte)).split()
    )


# The kind of service a name says it is: two names of different kinds are two services, even
# at one address (« MSAP du Ridellois » and « PIJ du Ridellois », « Mission locale » and
# « Relais mairie »). Phrases are matched on folded, singular words.
GENRES = {
    "mairie": ["mairie", "hotel de ville"],
    "france-services": ["france service", "msap", "maison de service au public", "mfs", "rfs"],
    "mission-locale": ["mission locale"],
    "jeunesse": ["pij", "bij", "point information jeunesse", "information jeunesse"],
    "bibliotheque": ["mediatheque", "bibliotheque", "ludotheque"],
    "centre-social": ["centre social", "centre socio", "centre socioculturel", "csc", "cs",
                      "espace de vie sociale", "ev", "maison de quartier"],
    "mjc": ["mjc", "maison de jeune", "maison des jeune"],
    "emploi": ["pole emploi", "france travail", "service emploi", "maison de l emploi"],
    "caf": ["caf"], "cpam": ["cpam", "assurance maladie"], "msa": ["msa"],
    "ccas": ["ccas", "cias"], "la-poste": ["la poste", "bureau de poste"],
    "solidarites": ["mds", "maison des solidarite", "maison departementale des solidarite",
                    "cms", "centre medico social"],
    "tiers-lieu": ["tiers lieu", "fablab", "fab lab", "coworking"],
    "epn": ["epn", "espace public numerique", "cyber base", "cyberbase"],
}  # fmt: skip
_GENRES = [(genre, f" {' '.join(_mots(phrase))} ") for genre, liste in GENRES.items()
           for phrase in liste]  # fmt: skip


def genres(mots: list[str]) -> str:
    """The kinds of service a name says (codes of GENRES joined by « , »), or ""."""
    texte = f" {' '.join(mots)} "
    return ",".join(sorted({genre for genre, phrase in _GENRES if phrase in texte}))


def entites_differentes(distinctif_a: str, distinctif_b: str, genres_a: str, genres_b: str) -> bool:
    """Do two names show two different entities? Different kinds of service, or each name has
    a distinctive word the other has nothing like (« Cité des associations (IREPS) » and
    « … (OXYGEM) »); « X » and « X de Y » are not (one says more)."""
    if genres_a and genres_b and not set(genres_a.split(",")) & set(genres_b.split(",")):
        return True
    a, b = set(distinctif_a.split()), set(distinctif_b.split())

    def seuls(x: set, y: set) -> bool:
        return any(all(fuzz.ratio(m, n) < 75 for n in y) for m in x - y)

    return bool(a - b) and bool(b - a) and seuls(a, b) and seuls(b, a)


def nom_distinctif(mots: list[str], commune: str = "") -> str:
    """The words that tell this place from others: without generic words, and without the
    town's name, which two different services of one town share (« Mairie de Rethel » and
    « MDS de Rethel »); what is left if nothing else is."""
    de_la_commune = set(_mots(commune)) - MOTS_GENERIQUES if commune else set()
    distinctifs = [m for m in mots if m not in MOTS_GENERIQUES and m not in de_la_commune]
    if distinctifs:
        return " ".join(distinctifs)
    sans_commune = [m for m in mots if m not in de_la_commune and m not in MOTS_LIAISON]
    return " ".join(sans_commune or mots)


def numero_et_voie(adresse: str) -> tuple[str, str]:
    texte = _ascii(adresse)
    trouve = NUMERO.match(texte)
    numero = (trouve.group(1) + (trouve.group(2) or "")) if trouve else ""
    voie = " ".join(_mots(texte[trouve.end() :] if trouve else texte))
    return numero, voie


SEPARATEUR_CLES = "\x1f"


PARTIES_CLES = 7


def cles_comparaison(nom: str, adresse: str, commune: str = "") -> str:
    """What a place is compared on, prepared once and stored with it: folded name, its
    distinctive words without and with the town's name, house number, street, folded town,
    kinds of service."""
    mots = _mots(nom)
    numero, voie = numero_et_voie(adresse)
    return SEPARATEUR_CLES.join((" ".join(mots), nom_distinctif(mots, commune), numero, voie,
                                 nom_distinctif(mots), " ".join(_mots(commune)), genres(mots)))  # fmt: skip


def cles_a_jour(cles: str) -> bool:
    """Stored keys of the current layout (older ones are computed again)."""
    return bool(cles) and cles.count(SEPARATEUR_CLES) == PARTIES_CLES - 1
