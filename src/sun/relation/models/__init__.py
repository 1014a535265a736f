"""Models of the relation app, one module per wing, re-exported."""

from sun.relation.models.catalogue import Canal, Demarche, Regime, ServiceInstructeur, Unite
from sun.relation.models.registre import (
    FINALS,
    OUVERTS,
    CompteurDemandes,
    Demande,
    DemandePieces,
    EcheanceEnvoyee,
    Evenement,
    Statut,
    Typologie,
    Usager,
)
from sun.relation.models.registre import Canal as CanalDemande

__all__ = [
    "FINALS",
    "OUVERTS",
    "Canal",
    "CanalDemande",
    "CompteurDemandes",
    "Demande",
    "DemandePieces",
    "Demarche",
    "EcheanceEnvoyee",
    "Evenement",
    "Regime",
    "ServiceInstructeur",
    "Statut",
    "Typologie",
    "Unite",
    "Usager",
]
