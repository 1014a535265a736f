"""Indicators of the département's projects and tools (orientation 11), declared by wings."""

from sun.projets.appels import indicators as _appels  # noqa: F401
from sun.projets.besoins import indicators as _besoins  # noqa: F401
from sun.projets.demandes import indicators as _demandes  # noqa: F401
from sun.projets.panels import indicators as _panels  # noqa: F401
from sun.projets.statistiques import indicators as _statistiques  # noqa: F401
