"""Models of the quality-of-service app, one module per wing, re-exported."""

from sun.qualite.models.engagements import ActionAmelioration, AutoEvaluation, Engagement
from sun.qualite.models.engagements import Niveau as NiveauEngagement
from sun.qualite.models.satisfaction import Avis, Emplacement, Moderation, Satisfaction
from sun.qualite.models.telephonie import ABANDONS, SANS_AGENT, Appel, Effectif, FileAttente, Issue

__all__ = [
    "ABANDONS",
    "SANS_AGENT",
    "ActionAmelioration",
    "Appel",
    "AutoEvaluation",
    "Avis",
    "Effectif",
    "Emplacement",
    "Engagement",
    "FileAttente",
    "Issue",
    "Moderation",
    "NiveauEngagement",
    "Satisfaction",
]
