"""Automated checks with axe-core in Chromium: one run (`Controle`) over the registered
addresses, one result per address (`ResultatPage`). An automated check is not an audit: it
sees a part of the RGAA criteria only and never gives a compliance rate."""

from django.db import models


class Controle(models.Model):
    debut = models.DateTimeField("début")
    fin = models.DateTimeField("fin", null=True, blank=True)
    version_axe = models.CharField("version d'axe-core", max_length=20, blank=True)
    navigateur = models.CharField("navigateur", max_length=80, blank=True)
    pages_atteintes = models.PositiveIntegerField("pages atteintes", default=0)
    pages_injoignables = models.PositiveIntegerField("pages injoignables", default=0)

    class Meta:
        verbose_name = "contrôle automatisé"
        verbose_name_plural = "contrôles automatisés"
        ordering = ["-debut"]

    def __str__(self) -> str:
        return f"Contrôle automatisé du {self.debut:%d/%m/%Y %H:%M}"


class ResultatPage(models.Model):
    controle = models.ForeignKey(Controle, models.CASCADE, related_name="resultats")
    service = models.ForeignKey("accessibilite.ServiceNumerique", models.CASCADE,
                                related_name="resultats_controle")  # fmt: skip
    url = models.URLField("adresse", max_length=1000)
    atteinte = models.BooleanField("atteinte")
    erreur = models.CharField("erreur", max_length=300, blank=True)
    statut_http = models.PositiveSmallIntegerField("statut HTTP", null=True, blank=True)
    regles_verifiees = models.PositiveIntegerField("règles vérifiées", null=True, blank=True)
    violations = models.PositiveIntegerField("règles en violation", default=0)
    noeuds = models.PositiveIntegerField("éléments en violation", default=0)
    par_impact = models.JSONField("éléments par impact", default=dict, blank=True)
    # [{regle, impact, aide, url_aide, noeuds, exemples: [sélecteurs]}], worst impact first.
    detail = models.JSONField("violations", default=list, blank=True)

    class Meta:
        verbose_name = "résultat d'un contrôle automatisé"
        verbose_name_plural = "résultats des contrôles automatisés"
        ordering = ["controle", "url"]
        indexes = [models.Index(fields=["service", "controle"], name="resultat_service_idx")]

    def __str__(self) -> str:
        return self.url
