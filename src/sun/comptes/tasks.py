"""The daily job of accounts: forget the failed logins and the login journal once they are
older than SUN_CONNEXION_CONSERVATION_JOURS (sun.core.taches.quotidien)."""

from django.conf import settings

from sun.comptes.services import purger_connexions
from sun.core.taches import quotidien


def purger_journal_connexions() -> str:
    jours = settings.SUN_CONNEXION_CONSERVATION_JOURS
    tentatives, journal = purger_connexions(jours)
    return (
        f"{tentatives} tentative(s) échouée(s) et {journal} connexion(s) du journal de plus de "
        f"{jours} jours supprimée(s)"
    )


quotidien.declarer("connexions", "Purge des traces de connexion", purger_journal_connexions)
