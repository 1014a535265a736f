"""Reads of the needs (functional specifications)."""

from sun.projets.queries import Demonstration


class BesoinQuerySet(Demonstration):
    pass
