"""Reads of the requests on the tools and of their typology."""

from django.db import models

from sun.projets.queries import Demonstration
from sun.projets.statistiques.queries import StatistiquesDemandes

OUVERTES = ("nouvelle", "qualifiee", "planifiee", "en_cours")
CLOSES = ("realisee", "rejetee")


class TypeDemandeQuerySet(models.QuerySet):
    def actifs(self):
        return self.filter(actif=True)


class DemandeQuerySet(StatistiquesDemandes, Demonstration):
    def ouvertes(self):
        return self.filter(statut__in=OUVERTES)

    def closes(self):
        return self.filter(statut__in=CLOSES)
