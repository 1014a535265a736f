"""Reads of the needs (functional specifications)."""

from django.db.models import Q

from sun.projets.queries import Demonstration

EDITABLES = ("brouillon",)
SOUMIS = ("soumis", "etudie", "retenu", "abandonne")


class BesoinQuerySet(Demonstration):
    def avec_liens(self):
        return self.select_related("direction", "outil", "redige_par")

    def de_statut(self, statut: str):
        return self.filter(statut=statut) if statut else self

    def soumis(self):
        """Needs handed to the IT service (submitted, whatever became of them since)."""
        return self.filter(statut__in=SOUMIS, soumis_le__isnull=False)

    def de_direction(self, direction):
        return self.filter(direction=direction)

    def visibles_par(self, user, direction_id: int | None):
        """The needs `user` wrote or that belong to their direction `direction_id`."""
        condition = Q(redige_par=user)
        if direction_id is not None:
            condition |= Q(direction_id=direction_id)
        return self.filter(condition)

    def complets(self):
        """Needs whose nine sections are all filled (non-blank text)."""
        from sun.projets.besoins.modele import CODES_SECTIONS

        qs = self
        for code in CODES_SECTIONS:
            qs = qs.exclude(**{code: ""}).exclude(**{f"{code}__regex": r"^\s*$"})
        return qs

    def formalises(self):
        return self.soumis().complets()

    def par_statut(self):
        return self.avec_liens().order_by("statut", "-modifie_le")


def besoin(pk: int):
    from sun.projets.models import ExpressionBesoin

    return ExpressionBesoin.objects.avec_liens().filter(pk=pk).first()


def directions():
    from sun.competences.models import Direction

    return Direction.objects.order_by("nom")


def outils():
    from sun.accessibilite.models import ServiceNumerique

    return ServiceNumerique.objects.order_by("nom")


def liste_pour(user, statut: str = ""):
    """The needs `user` sees in the list: everything (filtered by `statut`) for the IT service
    and administrators; otherwise their own and their direction's."""
    from sun.projets import permissions
    from sun.projets.models import ExpressionBesoin

    qs = ExpressionBesoin.objects.avec_liens()
    if permissions.peut_qualifier(user):
        return qs.de_statut(statut)
    personne = getattr(user, "personne", None)
    direction_id = personne.direction_id if personne is not None else None
    return qs.visibles_par(user, direction_id)
