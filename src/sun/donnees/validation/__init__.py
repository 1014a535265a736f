"""Checks of a file against a national Table Schema (schema.data.gouv.fr): the shipped and
configured schemas (schemas.py), the check itself with frictionless and SUN's own custom checks
(validateur.py), and the readable report (rapport.py).

    from sun.donnees.validation import valider
    rapport = valider(chemin, ("scdl/subventions", "2.1.1"))   # or None: no schema
    rapport.statut, rapport.lignes, rapport.en_dict()
"""

from sun.donnees.validation.rapport import RapportValidation
from sun.donnees.validation.validateur import valider

__all__ = ["RapportValidation", "valider"]
