"""Models of training and skills (orientation 8), one module per wing, re-exported here."""

from sun.competences.models.diagnostic import Diagnostic
from sun.competences.models.formations import Inscription, Session
from sun.competences.models.organisation import Direction, Personne
from sun.competences.models.referents import Referent

__all__ = ["Diagnostic", "Direction", "Inscription", "Personne", "Referent", "Session"]
