"""Indicators of the data service (orientations 9 and 10), declared by its wings: datasets
published, share valid against their schema, freshness (catalogue), internal datasets
inventoried (inventaire), SUN's records under a validated retention rule (conservation)."""

from sun.donnees.catalogue import indicators as _catalogue  # noqa: F401
from sun.donnees.conservation import indicators as _conservation  # noqa: F401
from sun.donnees.inventaire import indicators as _inventaire  # noqa: F401
