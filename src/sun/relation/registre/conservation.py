"""Retention of personal data in the register: the contact of a person is kept while one of
their requests is open, and for SUN_RELATION_CONSERVATION_ANS years after the last one was
decided (appeal times and statistics need no name). After that the contact is erased: the
requests stay, anonymous, for the statistics."""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q

from sun.relation.delais import ajouter_mois
from sun.relation.models import Usager
from sun.relation.models.registre import OUVERTS


def a_purger(aujourd_hui: date):
    limite = ajouter_mois(aujourd_hui, -12 * settings.SUN_RELATION_CONSERVATION_ANS)
    avec_ouverte = Q(demandes__statut__in=OUVERTS)
    return (Usager.objects.annotate(derniere=Max("demandes__decidee_le"),
                                    recue=Max("demandes__recue_le"))
            .exclude(pk__in=Usager.objects.filter(avec_ouverte).values("pk"))
            .filter(Q(derniere__lt=limite) | Q(derniere=None, recue__lt=limite)
                    | Q(derniere=None, recue=None, cree_le__date__lt=limite)))  # fmt: skip


@transaction.atomic
def purger_contacts(aujourd_hui: date, *, essai: bool = False) -> int:
    """Erase the contacts past their retention; returns how many."""
    pks = list(a_purger(aujourd_hui).values_list("pk", flat=True))
    if not essai and pks:
        Usager.objects.filter(pk__in=pks).delete()  # requests keep usager = NULL
    return len(pks)
