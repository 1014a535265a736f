"""Models of the département's projects and tools (orientation 11), one module per wing."""

from sun.projets.models.appels import AppelAProjets, Candidature
from sun.projets.models.besoins import ExpressionBesoin
from sun.projets.models.demandes import Demande, Nature, Soutien, TypeDemande
from sun.projets.models.panels import Avis, Consultation, MembrePanel

__all__ = [
    "AppelAProjets",
    "Avis",
    "Candidature",
    "Consultation",
    "Demande",
    "ExpressionBesoin",
    "MembrePanel",
    "Nature",
    "Soutien",
    "TypeDemande",
]
