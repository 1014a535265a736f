"""The daily jobs of the data service, declared by its wings (sun.core.taches.quotidien finds
this module): regenerate SUN's own datasets, push them to data.gouv.fr, apply the retention
rules."""

from sun.donnees.catalogue import tasks as _catalogue  # noqa: F401
from sun.donnees.conservation import tasks as _conservation  # noqa: F401
from sun.donnees.flux import tasks as _flux  # noqa: F401
