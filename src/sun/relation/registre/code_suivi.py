"""Tracking codes: short, readable over the phone, no ambiguous characters.

Eight characters in two groups (« K7MP-3WHX ») from an alphabet without 0/O, 1/I/L, 2/Z,
5/S, 8/B, 6/G, U/V: about 3.8 × 10¹⁰ codes, drawn by `secrets`, so a code cannot be guessed
from another one; the public tracking page also asks for a second piece of proof.
"""

import secrets

ALPHABET = "ACDEFHJKMNPQRTWXY3479"
LONGUEUR = 8


def nouveau_code() -> str:
    brut = "".join(secrets.choice(ALPHABET) for _ in range(LONGUEUR))
    return f"{brut[:4]}-{brut[4:]}"


def normaliser_code(saisi: str) -> str:
    """« k7mp 3whx », « K7MP3WHX » → « K7MP-3WHX » (or "" if it cannot be a code)."""
    brut = "".join(c for c in (saisi or "").upper() if c.isalnum())
    if len(brut) != LONGUEUR or any(c not in ALPHABET for c in brut):
        return ""
    return f"{brut[:4]}-{brut[4:]}"


# How a tracking code is read out over the phone: the French spelling alphabet callers know
# (« A comme Anatole »), digits in words.
EPELLATION = {
    "A": "Anatole", "C": "Célestin", "D": "Désiré", "E": "Eugène", "F": "François",
    "H": "Henri", "J": "Joseph", "K": "Kléber", "M": "Marcel", "N": "Nicolas", "P": "Pierre",
    "Q": "Quintal", "R": "Raoul", "T": "Thérèse", "W": "William", "X": "Xavier", "Y": "Yvonne",
    "3": "trois", "4": "quatre", "7": "sept", "9": "neuf",
}  # fmt: skip


def epeler(code: str) -> list[list[str]]:
    """« K7MP-3WHX » → [["K comme Kléber", "7 (sept)", …], […]]: one list per group."""
    groupes = []
    for groupe in code.split("-"):
        lettres = []
        for c in groupe:
            mot = EPELLATION.get(c, c)
            lettres.append(f"{c} ({mot})" if c.isdigit() else f"{c} comme {mot}")
        groupes.append(lettres)
    return groupes
