"""A need described by a service with the functional-specification template before any
purchase (schéma 11.2). The sections are in `sun.projets.besoins.modele`."""

from django.conf import settings
from django.db import models

from sun.projets.besoins.queries import BesoinQuerySet


class ExpressionBesoin(models.Model):
    class Statut(models.TextChoices):
        BROUILLON = "brouillon", "Brouillon"
        SOUMIS = "soumis", "Soumis au service informatique"
        ETUDIE = "etudie", "À l'étude"
        RETENU = "retenu", "Retenu"
        ABANDONNE = "abandonne", "Abandonné"

    titre = models.CharField("intitulé du besoin", max_length=200)
    direction = models.ForeignKey("competences.Direction", models.PROTECT,
                                  related_name="besoins", verbose_name="direction")  # fmt: skip
    statut = models.CharField("statut", max_length=10, choices=Statut.choices,
                              default=Statut.BROUILLON)  # fmt: skip
    # The template's sections (sun.projets.besoins.modele.SECTIONS), one text each.
    contexte = models.TextField("contexte et objectifs", blank=True)
    utilisateurs = models.TextField("utilisateurs", blank=True)
    services_attendus = models.TextField("services attendus", blank=True)
    volumes = models.TextField("volumes", blank=True)
    contraintes = models.TextField("contraintes", blank=True)
    interoperabilite = models.TextField("interopérabilité", blank=True)
    accessibilite = models.TextField("accessibilité", blank=True)
    donnees = models.TextField("données et durées de conservation", blank=True)
    sobriete = models.TextField("sobriété numérique", blank=True)
    # The sobriety criteria of the responsible-digital strategy the need commits to (codes).
    criteres_sobriete = models.JSONField("critères de sobriété retenus", default=list,
                                         blank=True)  # fmt: skip
    outil = models.ForeignKey("accessibilite.ServiceNumerique", models.SET_NULL, null=True,
                              blank=True, related_name="besoins",
                              verbose_name="outil existant concerné")  # fmt: skip
    redige_par = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                   blank=True, related_name="+")  # fmt: skip
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)
    soumis_le = models.DateTimeField("soumis le", null=True, blank=True)
    demonstration = models.BooleanField("démonstration", default=False)

    objects = BesoinQuerySet.as_manager()

    class Meta:
        verbose_name = "expression de besoin"
        verbose_name_plural = "expressions de besoin"
        ordering = ["-modifie_le"]

    def __str__(self) -> str:
        return self.titre
