"""Values of the connectivity files: counts, shares, yes/no flags. Each reader raises
ValueError with a French reason, which the importer reports with the line."""

ESPACES = str.maketrans("", "", " \u00a0\u202f")
OUI = {"oui", "o", "1", "vrai", "true", "x", "yes"}
NON = {"non", "n", "0", "faux", "false", "no"}


def texte(ligne: dict, colonne: str) -> str:
    return str(ligne.get(colonne) or "").strip()


def entier(valeur: str) -> int | None:
    """A count (None when empty): « 1 234 », « 1234.0 » read as 1234."""
    brut = str(valeur or "").translate(ESPACES).replace(",", ".")
    if not brut:
        return None
    try:
        nombre = float(brut)
    except ValueError:
        raise ValueError("nombre entier attendu") from None
    if nombre < 0 or nombre != nombre:
        raise ValueError("nombre positif attendu")
    return round(nombre)


def decimal(valeur: str) -> float | None:
    brut = str(valeur or "").translate(ESPACES).replace(",", ".").rstrip("%")
    if not brut:
        return None
    try:
        nombre = float(brut)
    except ValueError:
        raise ValueError("nombre attendu") from None
    if nombre != nombre:
        raise ValueError("nombre attendu")
    return nombre


def pourcentage(valeur: str) -> float:
    """A share in percent, 0 to 100 (required)."""
    nombre = decimal(valeur)
    if nombre is None:
        raise ValueError("pourcentage manquant")
    if not -0.001 <= nombre <= 100.001:
        raise ValueError("pourcentage hors de 0 à 100")
    return round(min(max(nombre, 0.0), 100.0), 4)


def booleen(valeur: str) -> bool | None:
    brut = str(valeur or "").strip().casefold()
    if not brut:
        return None
    if brut in OUI:
        return True
    if brut in NON:
        return False
    raise ValueError("oui ou non attendu")
