"""Shared reads of the projects app; each wing keeps its own reads in its `queries.py`
(besoins/, demandes/, statistiques/, panels/, appels/)."""

from django.db import models


class Demonstration(models.QuerySet):
    def reels(self):
        return self.filter(demonstration=False)

    def de_demonstration(self):
        return self.filter(demonstration=True)
