"""Contacts of the register: the minimal data to answer, normalised to find the person again."""

import re

from sun.core.telephone import international
from sun.core.text import plier

_CHIFFRES = re.compile(r"\D+")


def cle_courriel(courriel: str) -> str:
    return (courriel or "").strip().lower()


def cle_telephone(telephone: str) -> str:
    """The number in the national standards' form (`core.telephone.international`:
    « 04 68 11 22 33 », « +33 4 68 11 22 33 » → « +33468112233 »), else its digits."""
    return international(telephone) or _CHIFFRES.sub("", telephone or "")


def cle_nom(nom: str) -> str:
    return plier(nom)


def filtre_nom(texte: str, champ: str = "cle_nom"):
    """Every word of `texte` in the folded name, in any order (« Martin Jeanne » finds
    « Jeanne Martin »); None for a text without letters or digits."""
    from django.db.models import Q

    mots = cle_nom(texte).split()
    if not mots:
        return None
    filtre = Q()
    for mot in mots:
        filtre &= Q(**{f"{champ}__contains": mot})
    return filtre
