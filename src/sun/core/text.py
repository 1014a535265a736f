"""French text helpers: INSEE articles, search normalisation, numbers and hours."""

import re

from unidecode import unidecode

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def nettoyer(valeur) -> str:
    """Trimmed text, inner spaces folded, typographic apostrophes made straight."""
    if valeur is None:
        return ""
    return " ".join(str(valeur).translate(APOSTROPHES).split())


# INSEE "type de nom en clair" (TNCC): the article before the name and the "de" form.
_ARTICLES = {
    0: ("", "de "),
    1: ("", "d'"),
    2: ("Le ", "du "),
    3: ("La ", "de la "),
    4: ("Les ", "des "),
    5: ("L'", "de l'"),
    6: ("Aux ", "aux "),
    7: ("Las ", "de las "),
    8: ("Los ", "de los "),
}


def avec_article(nom: str, type_nom: int) -> str:
    """INSEE names come without their article: (« Mans », 2) → « Le Mans »."""
    article, _ = _ARTICLES.get(type_nom, ("", ""))
    return f"{article}{nom}"


def article_de(nom: str, type_nom: int) -> str:
    """(« Aude », 5) → « de l'Aude » ; (« Gard », 2) → « du Gard »."""
    _, de = _ARTICLES.get(type_nom, ("", "de "))
    if type_nom == 0 and nom[:1].upper() in "AEIOUYÉÈÊÎ":
        de = "d'"
    return f"{de}{nom}"


# Words that start a feminine name of an institution: « de la Communauté de communes … ».
_INSTITUTIONS_FEMININES = ("Communauté", "Métropole", "Agglomération")


def de_nom(nom: str) -> str:
    """« de » before a full name, article included: « Ajac » → « d'Ajac » ; « Le Bousquet » →
    « du Bousquet » ; « Communauté de communes du Limouxin » → « de la Communauté de communes
    du Limouxin » ; « Le Grand Narbonne » → « du Grand Narbonne »."""
    nom = nettoyer(nom)
    for article, de in (("Le ", "du "), ("Les ", "des "), ("La ", "de la "), ("L'", "de l'")):
        if nom.startswith(article):
            return de + nom[len(article) :]
    if nom.split(" ", 1)[0] in _INSTITUTIONS_FEMININES:
        return f"de la {nom}"
    if nom[:1].upper() in "AEIOUYÀÂÉÈÊÎÔÛ":
        return f"d'{nom}"
    return f"de {nom}"


_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SAINT = re.compile(r"\b(st|ste)\b")


def normaliser_recherche(texte: str) -> str:
    """Lower-case, unaccented, punctuation folded to single spaces; « St » read as « saint ».

    « Lézignan-Corbières » → « lezignan corbieres » ; « St-Hilaire » → « saint hilaire ».
    """
    texte = _NON_ALNUM.sub(" ", unidecode(texte).lower()).strip()
    return _SAINT.sub(lambda m: "saint" if m.group(1) == "st" else "sainte", texte)


def nombre(valeur: float | int | None, decimales: int = 0) -> str:
    """French number formatting with a narrow no-break space: 370 260 ; 12,5."""
    if valeur is None:
        return "non disponible"
    texte = f"{valeur:,.{decimales}f}".replace(",", "\u202f").replace(".", ",")
    return texte


def heure(h: int, m: int) -> str:
    """French spoken-style hour: 9 h, 9 h 30, 12 h."""
    return f"{h} h" if m == 0 else f"{h} h {m:02d}"


def plier(texte: str) -> str:
    """Text compared without case, accents or typographic variants: « Démarches » → « demarches »."""
    return " ".join(unidecode(str(texte or "").translate(APOSTROPHES)).casefold().split())
