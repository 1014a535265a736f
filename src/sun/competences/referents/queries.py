"""Reads of the network of digital referents."""

from django.db import models


class ReferentQuerySet(models.QuerySet):
    def actifs(self):
        return self.filter(actif=True)

    def reels(self):
        return self.filter(direction__demonstration=False)
