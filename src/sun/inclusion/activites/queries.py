"""Reads of activity records for the agent space: a user's entries, what they may change, the
places and communes the statistics filter on."""

from django.db.models import Q, QuerySet

from sun.comptes.roles import Role, a_role
from sun.inclusion.models import Activite, Lieu


class ActiviteQuerySet(QuerySet):
    def de_l_utilisateur(self, user) -> "ActiviteQuerySet":
        """What the user entered, and the records of their médiateur's file."""
        return self.filter(Q(saisi_par=user) | Q(mediateur__compte=user))

    def modifiables_par(self, user) -> "ActiviteQuerySet":
        """Activities a user may change: their own entries (administrators: every entry).
        Imported records are not edited in SUN: the next import from their source would
        overwrite them."""
        activites = self if a_role(user, Role.ADMINISTRATEUR) else self.de_l_utilisateur(user)
        return activites.filter(source=Activite.Source.SAISIE)

    def reelles(self) -> "ActiviteQuerySet":
        """Without the demonstration records."""
        return self.filter(demonstration=False)

    def avec_lieu_et_commune(self) -> "ActiviteQuerySet":
        return self.select_related("lieu", "commune")


def activites() -> ActiviteQuerySet:
    return ActiviteQuerySet(Activite)


def lieux_des_activites() -> QuerySet[Lieu]:
    """The places at least one activity was recorded at, by name."""
    return Lieu.objects.filter(activites__isnull=False).distinct().order_by("nom")


def communes_des_activites(selection: QuerySet[Activite]) -> QuerySet:
    """(INSEE code, name) of the communes of the selected activities, by name."""
    return (
        selection.values_list("commune__code_insee", "commune__nom")
        .exclude(commune=None)
        .distinct()
        .order_by("commune__nom")
    )
