"""Reads of the training catalogue and registrations."""

from django.db import models

from sun.competences.queries import Demonstration


class SessionQuerySet(Demonstration):
    pass


class InscriptionQuerySet(models.QuerySet):
    def reels(self):
        return self.filter(session__demonstration=False)
