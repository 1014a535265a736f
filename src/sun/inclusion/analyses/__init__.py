"""Territorial analyses: coverage, siting, fragility index, France Numérique Ensemble."""

# The wing's indicators are declared when it loads (sun.inclusion.indicators imports it).
from sun.inclusion.analyses import indicateurs  # noqa: F401
