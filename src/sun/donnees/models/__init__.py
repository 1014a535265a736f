"""Models of the data service, one module per wing, re-exported here."""

from sun.donnees.models.catalogue import (
    JeuDeDonnees,
    Origine,
    Ressource,
    StatutJeu,
    StatutValidation,
    TypeRessource,
    VersionRessource,
)
from sun.donnees.models.conservation import (
    BordereauElimination,
    ExecutionPurge,
    PointDepart,
    RegleConservation,
    SortFinal,
    StatutBordereau,
    StatutVersement,
    Unite,
    Versement,
)
from sun.donnees.models.inventaire import (
    BaseLegale,
    EntreeInventaire,
    MotifFermeture,
    Nature,
    OrigineEntree,
    Ouverture,
)

__all__ = [
    "BaseLegale", "BordereauElimination", "EntreeInventaire", "ExecutionPurge",
    "JeuDeDonnees", "MotifFermeture", "Nature", "Origine", "OrigineEntree", "Ouverture",
    "PointDepart", "RegleConservation", "Ressource", "SortFinal", "StatutBordereau",
    "StatutJeu", "StatutValidation", "StatutVersement", "TypeRessource", "Unite",
    "Versement", "VersionRessource",
]  # fmt: skip
