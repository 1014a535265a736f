"""French messages for request validation errors (pydantic speaks English)."""

MESSAGES = {
    "missing": "paramètre obligatoire",
    "int_parsing": "doit être un nombre entier",
    "int_type": "doit être un nombre entier",
    "float_parsing": "doit être un nombre",
    "bool_parsing": "doit valoir true ou false",
    "string_too_long": "texte trop long (au plus {max_length} caractères)",
    "string_too_short": "texte trop court (au moins {min_length} caractères)",
    "greater_than_equal": "doit être supérieur ou égal à {ge}",
    "greater_than": "doit être supérieur à {gt}",
    "less_than_equal": "doit être inférieur ou égal à {le}",
    "less_than": "doit être inférieur à {lt}",
    "literal_error": "valeur non admise (valeurs possibles : {expected})",
    "enum": "valeur non admise (valeurs possibles : {expected})",
    "string_pattern_mismatch": "format invalide",
}


def message_validation(erreur: dict) -> dict:
    """{"loc": ["query", "page"], "type": "int_parsing", …} → {"champ": "page", "message": …}."""
    contexte = erreur.get("ctx") or {}
    modele = MESSAGES.get(erreur.get("type", ""), "valeur invalide")
    try:
        message = modele.format(**contexte)
    except (KeyError, IndexError):
        message = modele.split(" (")[0]
    champ = ".".join(str(p) for p in erreur.get("loc", [])[1:]) or "requête"
    return {"champ": champ, "message": message}
