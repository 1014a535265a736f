"""The daily job of accounts: forget the failed logins and the login journal once they are
older than the retention rule of the connection journal (tableau de gestion, type
« comptes.connexion »), or SUN_CONNEXION_CONSERVATION_JOURS without one
(sun.core.taches.quotidien)."""

from sun.comptes.services import duree_conservation_connexions, purger_connexions
from sun.core.taches import quotidien


def purger_journal_connexions() -> str:
    jours = duree_conservation_connexions()
    tentatives, journal = purger_connexions(jours)
    return (
        f"{tentatives} tentative(s) échouée(s) et {journal} connexion(s) du journal de plus de "
        f"{jours} jours supprimée(s)"
    )


quotidien.declarer("connexions", "Purge des traces de connexion", purger_journal_connexions)
