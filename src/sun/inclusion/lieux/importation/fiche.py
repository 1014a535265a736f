"""One row of a file of places once converted: what every later stage works on."""

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from sun.inclusion.lieux.standard import CHAMPS_V1

CHAMPS_LIEU = [c for c in CHAMPS_V1 if c != "id"]


@dataclass(slots=True)
class Fiche:
    numero: int  # line in the file
    identifiant: str  # the source's own id, or one built from what identifies the place
    champs: dict  # the standard's fields (but `id`), clean
    empreinte: str  # hash of `champs`: equal hashes, nothing to update
    commune_pk: int | None
    precision: str
    date_fournie: bool = True  # False: the source gave no date_maj (the import's date is used)
    a_verifier: bool = False  # kept, but a coordinator should check it (e.g. point far away)


def identifiant(valeurs: dict) -> str:
    """The source's own id, or a stable one built from what identifies the place."""
    if valeurs["id"]:
        return valeurs["id"]
    cle = "|".join(
        [
            valeurs["nom"].casefold(),
            valeurs["adresse"].casefold(),
            valeurs["code_insee"] or valeurs["code_postal"],
        ]
    )
    return "sans-id-" + hashlib.sha1(cle.encode()).hexdigest()[:16]


def empreinte(champs: dict) -> str:
    return hashlib.sha256(json.dumps(champs, sort_keys=True, default=str).encode()).hexdigest()


def jsonable(valeur):
    return valeur.isoformat() if isinstance(valeur, date) else valeur


def changements_de(lieu, champs: dict) -> dict:
    """The fields whose value changes, as [before, after] ready for the history (JSON)."""
    return {
        champ: [jsonable(getattr(lieu, champ)), jsonable(valeur)]
        for champ, valeur in champs.items()
        if getattr(lieu, champ) != valeur
    }


def texte_court(valeur) -> str:
    if isinstance(valeur, list):
        valeur = " | ".join(valeur)
    return str(valeur if valeur is not None else "")[:80]
