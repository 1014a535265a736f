"""Ecoindex of SUN's own public pages (schéma 5.4), measured in a real browser (DOM elements,
requests, transferred kB) and graded by the GreenIT.fr method (sun.parc.sobriete.ecoindex)."""

from django.db import models


class MesureEcoindex(models.Model):
    page = models.CharField("page", max_length=120)  # URL name or title
    adresse = models.CharField("adresse", max_length=250)
    elements_dom = models.PositiveIntegerField("éléments du DOM")
    requetes = models.PositiveIntegerField("requêtes")
    poids_ko = models.FloatField("poids transféré (ko)")
    score = models.PositiveSmallIntegerField("score")
    note = models.CharField("note", max_length=1)
    ges_g = models.FloatField("gaz à effet de serre par vue (g CO2e)")
    eau_cl = models.FloatField("eau par vue (cl)")
    version_sun = models.CharField("version de SUN", max_length=40, blank=True)
    mesure_le = models.DateTimeField("mesurée le")

    class Meta:
        verbose_name = "mesure Ecoindex"
        verbose_name_plural = "mesures Ecoindex"
        ordering = ["page", "-mesure_le"]
        indexes = [models.Index(fields=["page", "-mesure_le"])]

    def __str__(self) -> str:
        return f"{self.page} : {self.note} ({self.score}/100)"
