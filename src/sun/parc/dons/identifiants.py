"""The taker's identifiers: the SIRET (14 digits, Luhn key; La Poste's establishments follow
their own rule) and the RNA number of an association (W followed by 9 characters: digits,
or 2A/2B then 7 digits for Corsica). Each check returns the cleaned value or raises
`RefusCycleVie` with a French sentence."""

import re

from sun.core.identifiants import luhn
from sun.parc.cycle_vie import RefusCycleVie

RNA = re.compile(r"W(?:[0-9]{9}|2[AB][0-9]{7})")
CHIFFRES = re.compile(r"[0-9]{14}")


def siret_valide(siret: str) -> bool:
    return bool(CHIFFRES.fullmatch(siret)) and luhn(siret)


def nettoyer_siret(texte: str) -> str:
    """'' for an empty field, else the 14 digits (spaces and dots removed) or a refusal."""
    siret = re.sub(r"[\s.]", "", texte or "")
    if not siret:
        return ""
    if not CHIFFRES.fullmatch(siret):
        raise RefusCycleVie(f"Le SIRET compte 14 chiffres (reçu : « {texte.strip()} »).", "siret")
    if not siret_valide(siret):
        raise RefusCycleVie(
            f"Le SIRET « {siret} » n'est pas valide (sa clé de contrôle ne correspond pas) : "
            "vérifiez-le sur annuaire-entreprises.data.gouv.fr.", "siret",
        )  # fmt: skip
    return siret


def nettoyer_rna(texte: str) -> str:
    """'' for an empty field, else the RNA number in capitals or a refusal."""
    rna = re.sub(r"\s", "", texte or "").upper()
    if not rna:
        return ""
    if not RNA.fullmatch(rna):
        raise RefusCycleVie(
            f"Le numéro RNA s'écrit W suivi de 9 chiffres, par exemple W111000000 "
            f"(reçu : « {texte.strip()} »).", "rna",
        )  # fmt: skip
    return rna
