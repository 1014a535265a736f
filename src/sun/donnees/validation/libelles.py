"""French titles for each kind of error, and French messages for each error frictionless or
SUN's checks find (frictionless writes English; a person reads the report in French)."""

import re

TITRES = {
    "entete": "En-tête non conforme au schéma",
    "type-error": "Valeur au mauvais format",
    "constraint-error/required": "Valeur obligatoire manquante",
    "constraint-error/pattern": "Valeur qui ne suit pas le motif du schéma",
    "constraint-error/enum": "Valeur hors de la liste autorisée",
    "constraint-error/minimum": "Valeur trop petite",
    "constraint-error/maximum": "Valeur trop grande",
    "constraint-error/minLength": "Texte trop court",
    "constraint-error/maxLength": "Texte trop long",
    "constraint-error": "Valeur contraire au schéma",
    "missing-cell": "Cellule manquante (ligne trop courte)",
    "extra-cell": "Cellule en trop (ligne trop longue)",
    "unique-error": "Valeur en double dans une colonne à valeurs uniques",
    "primary-key": "Identifiant (clé primaire) en double",
    "blank-row": "Ligne vide",
    "duplicate-row": "Ligne en double",
    "blank-label": "Colonne sans nom dans l'en-tête",
    "duplicate-label": "Colonne en double dans l'en-tête",
    "blank-header": "En-tête vide",
    "french-siret-value": "Numéro SIRET invalide",
    "one-of-required": "Identifiant manquant (l'une des deux colonnes est obligatoire)",
    "cohesive-columns-value": "Colonnes à remplir ensemble",
    "compare-columns-value": "Comparaison entre colonnes non respectée",
    "sum-columns-value": "Total différent de la somme des colonnes",
    "year-interval-value": "Intervalle d'années invalide",
    "nomenclature-actes-value": "Matière hors de la nomenclature ACTES",
    "limite-schema": "Limite du schéma : apostrophe refusée dans un nom de commune",
}
# The order of the groups in the report: the header first, then the errors of the schema
# itself, then SUN's checks, then the rest.
ORDRE = list(TITRES)

TYPES_FR = {
    "string": "texte", "integer": "nombre entier", "number": "nombre", "boolean": "booléen",
    "date": "date", "datetime": "date et heure", "time": "heure", "year": "année (AAAA)",
    "yearmonth": "année et mois (AAAA-MM)", "duration": "durée", "geopoint": "point",
    "geojson": "objet GeoJSON", "object": "objet JSON", "array": "liste JSON", "any": "valeur",
}  # fmt: skip
CONTRAINTE = re.compile(r'constraint "(\w+)" is "(.*)"', re.S)


def titre(type_: str, defaut: str = "") -> str:
    return TITRES.get(type_, defaut or f"Autre erreur ({type_})")


def cle_contrainte(note: str) -> str:
    trouve = CONTRAINTE.search(note or "")
    return trouve[1] if trouve else ""


def _format_attendu(champ: dict) -> str:
    type_ = champ.get("type", "string")
    libelle = TYPES_FR.get(type_, type_)
    format_ = champ.get("format")
    if type_ == "date" and format_ in (None, "default"):
        return "une date au format AAAA-MM-JJ"
    if type_ == "boolean":
        vrais = champ.get("trueValues") or ["true", "True", "TRUE", "1"]
        faux = champ.get("falseValues") or ["false", "False", "FALSE", "0"]
        return "un booléen (" + ", ".join(vrais + faux) + ")"
    if type_ == "number":
        return "un nombre (point décimal, sans espace ni unité)"
    if type_ == "string" and format_ in ("email", "uri", "uuid"):
        return {"email": "une adresse électronique", "uri": "une adresse web (URL)",
                "uuid": "un identifiant UUID"}[format_]  # fmt: skip
    return f"un(e) {libelle}" + (
        f" au format {format_}" if format_ not in (None, "default") else ""
    )


def _liste(valeurs: list, maximum: int = 6) -> str:
    textes = [str(v) for v in valeurs[:maximum]]
    return ", ".join(textes) + (" …" if len(valeurs) > maximum else "")


def message(type_: str, erreur, champ: dict) -> str:
    """The French message of one frictionless error, with the field's definition `champ`."""
    cellule = getattr(erreur, "cell", "")
    contraintes = champ.get("constraints") or {}
    if type_ == "type-error":
        return f"« {cellule} » n'est pas {_format_attendu(champ)}."
    if type_.startswith("constraint-error"):
        cle = type_.partition("/")[2]
        if cle == "required":
            return "Valeur obligatoire absente."
        if cle == "pattern":
            return f"« {cellule} » ne suit pas le motif {contraintes.get('pattern', '')}."
        if cle == "enum":
            return f"« {cellule} » n'est pas une valeur admise ({_liste(contraintes.get('enum', []))})."
        if cle in ("minimum", "maximum", "minLength", "maxLength"):
            sens = {"minimum": "minimum", "maximum": "maximum", "minLength": "longueur minimale",
                    "maxLength": "longueur maximale"}[cle]  # fmt: skip
            return f"« {cellule} » : {sens} {contraintes.get(cle)}."
        return f"« {cellule} » ne respecte pas la contrainte « {cle} » du schéma."
    if type_ == "missing-cell":
        return "La ligne s'arrête avant cette colonne."
    if type_ == "extra-cell":
        return f"Valeur « {cellule} » au-delà de la dernière colonne de l'en-tête."
    if type_ == "unique-error":
        return f"« {cellule} » figure déjà plus haut dans cette colonne."
    if type_ == "primary-key":
        return "Cet identifiant figure déjà sur une ligne précédente."
    if type_ == "blank-row":
        return "Ligne entièrement vide."
    if type_ == "duplicate-row":
        return "Ligne identique à une ligne précédente."
    if type_ in ("blank-label", "duplicate-label"):
        return (
            f"Colonne n° {getattr(erreur, 'field_number', '?')} « {getattr(erreur, 'label', '')} »."
        )
    if type_.startswith(
        ("french-", "one-of", "cohesive", "compare", "sum-", "year-", "nomenclature")
    ):
        return erreur.note
    return erreur.message
