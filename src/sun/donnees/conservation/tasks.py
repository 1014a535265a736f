"""The daily purge of the tableau de gestion (sun.core.taches.quotidien): anonymisation,
elimination proposals, execution of approved slips, transfers. The lead imports this module
from the app's ready()."""

from sun.core.taches import quotidien


def purger_chaque_jour() -> str:
    from sun.donnees.conservation.purge import purger, resume

    return resume(purger(essai=False))


quotidien.declarer("donnees.purger", "Application du tableau de gestion (conservation)",
                   purger_chaque_jour)  # fmt: skip
