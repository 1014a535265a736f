"""Checks of the national identifiers every domain reads (SIREN, SIRET)."""

SIREN_LA_POSTE = "356000000"


def luhn(chiffres: str) -> bool:
    """The Luhn key of SIREN and SIRET numbers; La Poste's establishments (SIREN 356000000)
    may instead follow INSEE's exception: the sum of their digits is a multiple of 5."""
    total = 0
    for rang, chiffre in enumerate(reversed(chiffres)):
        valeur = int(chiffre) * (2 if rang % 2 else 1)
        total += valeur - 9 if valeur > 9 else valeur
    if total % 10 == 0:
        return True
    return (chiffres.startswith(SIREN_LA_POSTE) and len(chiffres) == 14
            and sum(map(int, chiffres)) % 5 == 0)  # fmt: skip
