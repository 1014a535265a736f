"""Indicators of training and skills (orientation 8), declared by the wings."""

from sun.competences.diagnostic import indicators as _diagnostic  # noqa: F401
from sun.competences.formations import indicators as _formations  # noqa: F401
from sun.competences.referents import indicators as _referents  # noqa: F401
from sun.competences.suivi import indicators as _suivi  # noqa: F401
