"""Models of the IT fleet, one module per wing, re-exported here."""

from sun.parc.models.achats import AchatLigne
from sun.parc.models.equipements import (
    CorrespondanceStatut,
    CorrespondanceType,
    Equipement,
    EvenementCycleVie,
    Site,
)
from sun.parc.models.reparateurs import Activite, Reparateur
from sun.parc.models.sobriete import MesureEcoindex
from sun.parc.models.sorties import Don, Sortie, StockReforme

__all__ = [
    "AchatLigne", "Activite", "CorrespondanceStatut", "CorrespondanceType", "Don",
    "Equipement", "EvenementCycleVie", "MesureEcoindex", "Reparateur", "Site", "Sortie",
    "StockReforme",
]  # fmt: skip
