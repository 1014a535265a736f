"""The daily jobs of the register (sun.core.taches.quotidien): reminders of legal deadlines to
the services, and the purge of contacts past their retention."""

from django.utils import timezone

from sun.core.taches import quotidien
from sun.relation.registre.conservation import purger_contacts
from sun.relation.registre.echeances import relancer


def relancer_services() -> str:
    envois = relancer(timezone.localdate())
    demandes = sum(len(e.demandes) for e in envois if e.destinataires and not e.echec)
    return f"{demandes} demande(s) signalée(s) à {len(envois)} service(s)"


def purger() -> str:
    return f"{purger_contacts(timezone.localdate())} contact(s) effacé(s)"


quotidien.declarer(
    "relation-echeances", "Échéances légales des demandes (services)", relancer_services
)
quotidien.declarer(
    "relation-conservation", "Effacement des contacts au-delà de leur conservation", purger
)
