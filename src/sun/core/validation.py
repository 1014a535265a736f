"""French messages for validation errors (pydantic speaks English): the API's parameters and
the plan file's fields."""

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
    "date_parsing": "date invalide (AAAA-MM-JJ attendu)",
    "date_from_datetime_parsing": "date invalide (AAAA-MM-JJ attendu)",
    "date_type": "date invalide (AAAA-MM-JJ attendu)",
    "extra_forbidden": "champ inconnu",
    "list_type": "liste attendue",
    "string_type": "texte attendu",
    "dict_type": "objet attendu (champ : valeur)",
    "model_type": "objet attendu (champ : valeur)",
    "int_from_float": "doit être un nombre entier",
}


def message_validation(erreur: dict) -> dict:
    """{"loc": ["query", "page"], "type": "int_parsing", …} → {"champ": "page", "message": …}."""
    contexte = erreur.get("ctx") or {}
    modele = MESSAGES.get(erreur.get("type", ""), "valeur invalide")
    if isinstance(contexte.get("expected"), str):  # pydantic lists choices « 'a', 'b' or 'c' »
        contexte = {**contexte, "expected": contexte["expected"].replace(" or ", " ou ")}
    try:
        message = modele.format(**contexte)
    except (KeyError, IndexError):
        message = modele.split(" (")[0]
    if erreur.get("type") == "value_error" and contexte.get("error"):
        message = str(contexte["error"])  # our own validators speak French
    # ["query", "filtres", "services", 0]: the schema's own name is not a parameter.
    chemin = [str(p) for p in erreur.get("loc", [])[1:]]
    if len(chemin) > 1 and chemin[0] == "filtres":
        chemin = chemin[1:]
    resultat = {"champ": ".".join(chemin) or "requête", "message": message}
    if isinstance(erreur.get("input"), str | int | float):
        resultat["valeur"] = erreur["input"]
    return resultat
