"""The statistics' reads of the requests (by type, tool, direction, nature, month; lead
times), mixed into the requests' QuerySet (`Demande.objects`). Demonstration requests and
duplicates (counted once, under the request they duplicate) are never counted."""

from django.db import models
from django.db.models.functions import TruncMonth

DOUBLON = "doublon"
CLOSES = ("realisee", "rejetee")


class StatistiquesDemandes(models.QuerySet):
    def comptees(self):
        """The requests the statistics count: real ones, duplicates left out."""
        return self.filter(demonstration=False).exclude(statut=DOUBLON)

    def selon(self, *, du=None, au=None, nature: str = "", outil: int | None = None,
              direction: int | None = None):  # fmt: skip
        """Filtered by the statistics page's filters (dates of creation, both included)."""
        qs = self
        if du is not None:
            qs = qs.filter(creee_le__date__gte=du)
        if au is not None:
            qs = qs.filter(creee_le__date__lte=au)
        if nature:
            qs = qs.filter(nature=nature)
        if outil is not None:
            qs = qs.filter(outil_id=outil)
        if direction is not None:
            qs = qs.filter(direction_id=direction)
        return qs

    def effectifs_par(self, champ: str) -> list[tuple]:
        """[(value of `champ`, number of requests)], the largest first."""
        lignes = self.order_by().values(champ).annotate(n=models.Count("id"))
        return sorted(((ligne[champ], ligne["n"]) for ligne in lignes),
                      key=lambda p: (-p[1], str(p[0])))  # fmt: skip

    def effectifs_par_mois(self) -> dict:
        """{first day of the month (date): number of requests created that month}."""
        lignes = (self.order_by().annotate(mois=TruncMonth("creee_le")).values("mois")
                  .annotate(n=models.Count("id")))  # fmt: skip
        return {ligne["mois"].date() if hasattr(ligne["mois"], "date") else ligne["mois"]:
                ligne["n"] for ligne in lignes}  # fmt: skip

    def effectifs_par_type(self) -> dict[int, int]:
        """{type id: number of real requests} (the typology page)."""
        return dict(self.comptees().filter(type__isnull=False).effectifs_par("type_id"))

    def delais(self):
        """The closed requests with a close date: (type, tool, direction, created, closed)."""
        return (self.filter(statut__in=CLOSES, close_le__isnull=False).order_by()
                .values_list("type__libelle", "outil__nom", "direction__nom", "creee_le",
                             "close_le"))  # fmt: skip

    def derniere_creee(self):
        return self.order_by("-creee_le").values_list("creee_le", flat=True).first()


def dernier_import_glpi():
    """The date of the last GLPI ticket import recorded (dry runs and refusals left out)."""
    from sun.core.models import JournalImport

    return (JournalImport.objects.filter(genre="tickets_glpi",
                                         statut=JournalImport.Statut.ENREGISTRE)
            .order_by("-date").values_list("date", flat=True).first())  # fmt: skip


def choix_des_filtres() -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The tools that have requests and the directions, as (id, name), for the filters."""
    from django.apps import apps

    outils = (apps.get_model("accessibilite", "ServiceNumerique").objects
              .filter(demandes__isnull=False).distinct().order_by("nom").values_list("pk", "nom"))  # fmt: skip
    directions = apps.get_model("competences", "Direction").objects.order_by("nom")
    return list(outils), list(directions.values_list("pk", "nom"))
