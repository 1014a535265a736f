"""Check a file against a Table Schema with frictionless (a first version: the validation
wing refines it)."""

from pathlib import Path

from frictionless import Resource, Schema

from sun.donnees.validation import schemas
from sun.donnees.validation.rapport import EXEMPLES_PAR_TYPE, GroupeErreurs, RapportValidation

LIMITE_ERREURS = 1000


def valider(chemin: Path, schema: tuple[str, str] | None) -> RapportValidation:
    if schema is None:
        return RapportValidation("sans_schema")
    connu = schemas.obtenir(*schema)
    ressource = Resource(path=str(chemin), schema=Schema.from_descriptor(str(connu.chemin)))
    rapport = ressource.validate(limit_errors=LIMITE_ERREURS)
    tache = rapport.tasks[0] if rapport.tasks else None
    groupes: dict[str, GroupeErreurs] = {}
    for erreur in tache.errors if tache else rapport.errors:
        groupe = groupes.setdefault(erreur.type, GroupeErreurs(erreur.type, erreur.title))
        groupe.nombre += 1
        if len(groupe.exemples) < EXEMPLES_PAR_TYPE:
            groupe.exemples.append({"ligne": getattr(erreur, "row_number", None),
                                    "colonne": getattr(erreur, "field_name", None),
                                    "valeur": getattr(erreur, "cell", None),
                                    "message": erreur.message})  # fmt: skip
    return RapportValidation(
        "valide" if rapport.valid else "invalide", connu.id, connu.version,
        lignes=tache.stats.get("rows") if tache else None,
        colonnes=list(tache.labels or []) if tache and hasattr(tache, "labels") else [],
        groupes=list(groupes.values()),
        tronque=len(tache.errors) >= LIMITE_ERREURS if tache else False,
    )  # fmt: skip
