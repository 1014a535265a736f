"""Retention of personal data in the register: the contact of a person is kept while one of
their requests is open, and for a period after the last one was decided (appeal times and
statistics need no name). After that the contact is erased: the requests stay, anonymous, for
the statistics.

The period is the personal-data period of the tableau de gestion's rule for the contacts
(`sun.donnees.conservation`, type « relation.usager ») when there is one, else
SUN_RELATION_CONSERVATION_ANS years. The data service's purge applies the same selection
(`contacts_a_effacer`) through its registry of record types."""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q

from sun.relation.delais import ajouter_mois
from sun.relation.models import Usager
from sun.relation.models.registre import OUVERTS


def limite_conservation(aujourd_hui: date) -> date:
    """The day before which a last decision makes a contact erasable."""
    # Imported here: the data service's registry imports this module.
    from sun.donnees.conservation.queries import limite_rgpd

    limite = limite_rgpd("relation.usager", aujourd_hui)
    if limite is not None:
        return limite
    return ajouter_mois(aujourd_hui, -12 * settings.SUN_RELATION_CONSERVATION_ANS)


def contacts_a_effacer(limite: date):
    """Contacts with no open request whose last decision (else last receipt, else creation)
    is before `limite`."""
    avec_ouverte = Q(demandes__statut__in=OUVERTS)
    return (Usager.objects.annotate(derniere=Max("demandes__decidee_le"),
                                    recue=Max("demandes__recue_le"))
            .exclude(pk__in=Usager.objects.filter(avec_ouverte).values("pk"))
            .filter(Q(derniere__lt=limite) | Q(derniere=None, recue__lt=limite)
                    | Q(derniere=None, recue=None, cree_le__date__lt=limite)))  # fmt: skip


def a_purger(aujourd_hui: date):
    return contacts_a_effacer(limite_conservation(aujourd_hui))


def effacer_contacts(pks: list[int]) -> int:
    """Erase these contacts; their requests keep usager = NULL."""
    if not pks:
        return 0
    supprimes, _ = Usager.objects.filter(pk__in=pks).delete()
    return supprimes


@transaction.atomic
def purger_contacts(aujourd_hui: date, *, essai: bool = False) -> int:
    """Erase the contacts past their retention; returns how many."""
    pks = list(a_purger(aujourd_hui).values_list("pk", flat=True))
    if not essai:
        effacer_contacts(pks)
    return len(pks)
