"""Personal data are not needed in a case: the free texts (description, comments) lose their
e-mail addresses, phone numbers, social security numbers and names of persons before they are
stored, with the masking of the satisfaction answers (`sun.qualite.satisfaction.masquage`);
the address keeps its street names but loses e-mails and phone numbers."""

from sun.qualite.satisfaction.masquage import (
    COURRIEL,
    MASQUE_COURRIEL,
    MASQUE_TELEPHONE,
    TELEPHONE,
    cle_de_lieu,
    masquer,
)


def masquer_texte(texte: str, commune_nom: str = "") -> str:
    """A description or a comment, masked; the commune's name is kept as a place."""
    lieux = frozenset({cle_de_lieu(commune_nom)}) if commune_nom else frozenset()
    return masquer((texte or "").strip(), lieux)


def masquer_adresse(adresse: str) -> str:
    adresse = COURRIEL.sub(MASQUE_COURRIEL, (adresse or "").strip())
    return TELEPHONE.sub(MASQUE_TELEPHONE, adresse)
