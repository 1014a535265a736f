"""Desk orientation, counted anonymously."""

from django.db import models

from sun.core.champs import ListeField
from sun.territoire.models import Commune


class Orientation(models.Model):
    """One person oriented at a desk, counted anonymously: never a name, only what the
    coordinators' statistics need."""

    date = models.DateField("date", auto_now_add=True)
    commune = models.ForeignKey(
        Commune, null=True, blank=True, on_delete=models.SET_NULL, related_name="orientations"
    )
    niveau = models.CharField("niveau d'autonomie", max_length=20)
    besoins = ListeField("besoins")
    services = ListeField("services proposés")
    lieux_proposes = ListeField("lieux proposés")
    lieux_retenus = ListeField("lieux imprimés sur la fiche")

    class Meta:
        verbose_name = "orientation"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"Orientation du {self.date:%d/%m/%Y}"
