"""Models of the inclusion app, one module per wing; importing them here registers them."""

from sun.inclusion.models.activites import Activite, BilanCraV1
from sun.inclusion.models.analyses import IndiceFragilite
from sun.inclusion.models.lieux import (
    SOURCE_DEMO,
    HistoriqueLieu,
    ImportLieux,
    Lieu,
    LieuManager,
    PaireDoublon,
    SignalementErreur,
    SourceLieu,
    Structure,
)
from sun.inclusion.models.orientation import Orientation
from sun.inclusion.models.reseau import LieuActivite, Mediateur

__all__ = [
    "SOURCE_DEMO",
    "Activite",
    "BilanCraV1",
    "HistoriqueLieu",
    "ImportLieux",
    "IndiceFragilite",
    "Lieu",
    "LieuActivite",
    "LieuManager",
    "Mediateur",
    "Orientation",
    "PaireDoublon",
    "SignalementErreur",
    "SourceLieu",
    "Structure",
]
