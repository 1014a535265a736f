"""Data of the territorial analyses: the digital fragility index."""

from django.db import models


class IndiceFragilite(models.Model):
    """Indice de fragilité numérique (La MedNum) of a commune or an EPCI: 5 sub-scores and their
    mean, each on a 0–10 scale (10 = most fragile)."""

    class Niveau(models.TextChoices):
        COMMUNE = "city", "Commune"
        EPCI = "epci", "EPCI"

    niveau = models.CharField("niveau", max_length=4, choices=Niveau.choices)
    code = models.CharField("code INSEE ou SIREN", max_length=9)
    nom = models.CharField("nom", max_length=200)
    no_thd_coverage_rate = models.FloatField("sans couverture très haut débit")
    no_4g_coverage_rate = models.FloatField("sans couverture 4G")
    poverty_rate = models.FloatField("pauvreté")
    older_65_rate = models.FloatField("65 ans et plus")
    nscol15p_rate = models.FloatField("peu ou pas diplômés")
    total = models.FloatField("indice")
    source = models.CharField("source", max_length=200)
    date_import = models.DateTimeField("importé le", auto_now=True)

    class Meta:
        verbose_name = "indice de fragilité numérique"
        constraints = [models.UniqueConstraint(fields=["niveau", "code"], name="ifn_unique")]

    def __str__(self) -> str:
        return f"{self.nom} : {self.total:.1f}"
