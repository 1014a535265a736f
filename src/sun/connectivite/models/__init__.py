"""Models of connectivity, one module per wing, re-exported here."""

from sun.connectivite.models.editions import (
    CalendrierCuivre,
    CommuneFtth,
    CouvertureMobile,
    DebitFilaireCommune,
    DeploiementFtth,
    Edition,
    Genre,
    MeilleureTechnoCommune,
    Operateur,
    TechnoCommune,
)
from sun.connectivite.models.signalements import (
    CLOS,
    OUVERTS,
    Categorie,
    CompteCommune,
    EvenementSignalement,
    Fonction,
    Signalement,
    Statut,
)

__all__ = [
    "CLOS", "OUVERTS", "CalendrierCuivre", "Categorie", "CommuneFtth", "CompteCommune",
    "CouvertureMobile", "DebitFilaireCommune", "DeploiementFtth", "Edition",
    "EvenementSignalement", "Fonction", "Genre", "MeilleureTechnoCommune", "Operateur",
    "Signalement", "Statut", "TechnoCommune",
]  # fmt: skip
