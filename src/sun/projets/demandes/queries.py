"""Reads of the requests on the tools and of their typology."""

from django.db import models
from django.db.models import Count, F, Q

from sun.projets.queries import Demonstration
from sun.projets.statistiques.queries import StatistiquesDemandes

OUVERTES = ("nouvelle", "qualifiee", "planifiee", "en_cours")
CLOSES = ("realisee", "rejetee")


class TypeDemandeQuerySet(models.QuerySet):
    def actifs(self):
        return self.filter(actif=True)

    def proposes(self, nature: str = ""):
        """The active types offered for `nature` (those without a usual nature too)."""
        qs = self.actifs()
        if nature:
            qs = qs.filter(Q(nature=nature) | Q(nature=""))
        return qs.order_by("libelle")


class DemandeQuerySet(StatistiquesDemandes, Demonstration):
    def ouvertes(self):
        return self.filter(statut__in=OUVERTES)

    def closes(self):
        return self.filter(statut__in=CLOSES)

    def avec_liens(self):
        return self.select_related("type", "outil", "direction", "demandeur", "doublon_de")

    def avec_soutiens(self):
        return self.annotate(nb_soutiens=Count("soutiens", distinct=True))

    def candidates_doublons(self, outil, demonstration: bool = False):
        """Open requests a new one on `outil` may duplicate: on the same tool or without
        tool (every open one when `outil` is None); demonstration apart from real ones."""
        qs = self.ouvertes().filter(demonstration=demonstration)
        if outil is not None:
            qs = qs.filter(Q(outil=outil) | Q(outil__isnull=True))
        return qs.order_by("pk")

    def de_l_auteur(self, user):
        return self.filter(demandeur=user).avec_liens().avec_soutiens().order_by("-creee_le")

    def des_directions(self, ids):
        return (self.filter(direction_id__in=ids).avec_liens().avec_soutiens()
                .order_by("-creee_le"))  # fmt: skip

    def carnet(self, outil=None, direction=None):
        """The open évolutions, per tool (by name, tool-less last) then by score (unscored
        last), oldest first at equal score."""
        qs = self.ouvertes().filter(nature="evolution")
        if outil is not None:
            qs = qs.filter(outil=outil)
        if direction is not None:
            qs = qs.filter(direction=direction)
        return (
            qs.avec_liens()
            .avec_soutiens()
            .order_by(
                F("outil__nom").asc(nulls_last=True), F("score").desc(nulls_last=True), "creee_le"
            )
        )

    def a_qualifier(self):
        """The new requests waiting for the IT service, oldest first."""
        return (self.filter(statut="nouvelle").avec_liens().avec_soutiens()
                .order_by("creee_le"))  # fmt: skip

    def doublons_de(self, demande):
        return self.filter(doublon_de=demande).order_by("pk")

    def closes_entre(self, du, au):
        """Closed (done or rejected) between the datetimes `du` and `au`."""
        return self.closes().filter(close_le__gte=du, close_le__lt=au)

    def de_direction(self, direction):
        return self if direction is None else self.filter(direction=direction)


def demande(pk: int):
    from sun.projets.models import Demande

    return Demande.objects.avec_liens().avec_soutiens().filter(pk=pk).first()


def outils():
    """The tools a request may be about: the register of digital services."""
    from sun.accessibilite.models import ServiceNumerique

    return ServiceNumerique.objects.order_by("nom")


def outil_par_slug(slug: str):
    return outils().filter(slug=slug).first() if slug else None


def a_soutenu(demande, user) -> bool:
    return user.is_authenticated and demande.soutiens.filter(compte=user).exists()
