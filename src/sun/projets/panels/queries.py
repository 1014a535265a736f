"""Reads of the user panels and their consultations."""

from django.db import models

from sun.projets.queries import Demonstration


class MembrePanelQuerySet(Demonstration):
    pass


class ConsultationQuerySet(models.QuerySet):
    pass
