"""Models of digital accessibility, one module per wing, re-exported here."""

from sun.accessibilite.models.controles import Controle, ResultatPage
from sun.accessibilite.models.plan import ActionAccessibilite, Nature, SchemaPluriannuel, Statut
from sun.accessibilite.models.registre import (
    Categorie,
    ContenuNonAccessible,
    Public,
    ResultatCritere,
    ServiceNumerique,
    TypeService,
)

__all__ = [
    "ActionAccessibilite",
    "Categorie",
    "ContenuNonAccessible",
    "Controle",
    "Nature",
    "Public",
    "ResultatCritere",
    "ResultatPage",
    "SchemaPluriannuel",
    "ServiceNumerique",
    "Statut",
    "TypeService",
]
