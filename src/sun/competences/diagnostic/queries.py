"""Reads of the skills diagnoses (never a person's answers outside their own pages)."""

from django.db.models import OuterRef, Subquery

from sun.competences.queries import Demonstration


class DiagnosticQuerySet(Demonstration):
    def termines(self):
        return self.filter(termine_le__isnull=False)

    def brouillons(self):
        return self.filter(termine_le__isnull=True)

    def de_personne(self, personne):
        return self.filter(personne=personne)

    def brouillon_de(self, personne):
        """The person's draft (at most one), or None."""
        return self.de_personne(personne).brouillons().order_by("-commence_le", "-pk").first()

    def historique_de(self, personne):
        """The person's finished diagnoses, the latest first."""
        return self.de_personne(personne).termines().order_by("-termine_le", "-pk")

    def partages_de_l_equipe(self, responsable):
        """The finished diagnoses the members of `responsable`'s team shared with them."""
        if responsable is None:
            return self.none()
        return (self.termines().filter(partage_avec_responsable=True,
                                       personne__responsable=responsable)
                .select_related("personne").order_by("personne__nom", "-termine_le"))  # fmt: skip

    def derniers_termines(self):
        """The latest finished diagnosis of each person."""
        dernier = (self.model.objects.filter(personne=OuterRef("personne"),
                                             termine_le__isnull=False)
                   .order_by("-termine_le", "-pk").values("pk")[:1])  # fmt: skip
        return self.termines().filter(pk=Subquery(dernier))

    def comptables(self):
        """What the aggregated figures count: the latest finished diagnosis of each real
        person (never demonstration content)."""
        return self.derniers_termines().filter(demonstration=False,
                                               personne__demonstration=False)  # fmt: skip

    def de_demonstration_comptables(self):
        """The same for the demonstration people (shown apart, labelled, never counted)."""
        return self.derniers_termines().filter(personne__demonstration=True)

    def de_direction(self, code: str):
        return self.filter(personne__direction__code=code)

    def nb_demonstration(self) -> int:
        """Demonstration diagnoses left out of the figures (latest finished of each person)."""
        return self.derniers_termines().filter(demonstration=True).count()


def sessions_proposables(maintenant, demonstration: bool = False):
    """Sessions a diagnosis may propose: published (not cancelled) and not started yet; a
    real person is never proposed a demonstration session."""
    from sun.competences.models import Session

    qs = Session.objects.publiees().a_venir(maintenant)
    if not demonstration:
        qs = qs.reels()
    return qs.order_by("debut", "titre")
