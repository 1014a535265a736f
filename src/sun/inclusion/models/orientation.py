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
    # Where distances start: the centre of the commune, or of the former commune typed (« Fa »).
    # Never a person's address: a point given by an address or a device is not kept.
    depart_nom = models.CharField("point de départ", max_length=100, blank=True)
    depart_latitude = models.FloatField("latitude du point de départ", null=True, blank=True)
    depart_longitude = models.FloatField("longitude du point de départ", null=True, blank=True)

    class Meta:
        verbose_name = "orientation"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"Orientation du {self.date:%d/%m/%Y}"

    @property
    def origine(self) -> str:
        """What distances are measured from: « Fa », else the commune's name."""
        return self.depart_nom or (self.commune.nom if self.commune else "")
