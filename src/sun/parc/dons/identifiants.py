"""The taker's identifiers: the SIRET (14 digits, Luhn key; La Poste's establishments follow
their own rule) and the RNA number of an association (W followed by 9 characters: digits,
or 2A/2B then 7 digits for Corsica). Each check returns the cleaned value or raises
`RefusCycleVie` with a French sentence."""

import re

from sun.parc.cycle_vie import RefusCycleVie

SIREN_LA_POSTE = "356000000"
RNA = re.compile(r"W(?:[0-9]{9}|2[AB][0-9]{7})")
CHIFFRES = re.compile(r"[0-9]{14}")


def luhn(chiffres: str) -> bool:
    """The Luhn check (every second digit from the right doubled)."""
    total = 0
    for rang, caractere in enumerate(reversed(chiffres)):
        n = int(caractere)
        if rang % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def siret_valide(siret: str) -> bool:
    if not CHIFFRES.fullmatch(siret):
        return False
    if luhn(siret):
        return True
    # La Poste's establishments share one SIREN: their key is a digit sum multiple of 5.
    return siret.startswith(SIREN_LA_POSTE) and sum(map(int, siret)) % 5 == 0


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
