"""The watch list of calls for projects, the applications made and the funding obtained,
tied to the plan's actions and budget lines (schéma 11.4)."""

from django.conf import settings
from django.db import models

from sun.projets.appels.queries import AppelQuerySet, CandidatureQuerySet


class AppelAProjets(models.Model):
    titre = models.CharField("intitulé", max_length=300)
    financeur = models.CharField("financeur", max_length=200)
    programme = models.CharField("programme", max_length=200, blank=True)
    description = models.TextField("description", blank=True)
    date_limite = models.DateField("date limite de dépôt")
    beneficiaires = models.TextField("bénéficiaires éligibles")
    montant_max = models.DecimalField("montant maximal par projet (€)", max_digits=12,
                                      decimal_places=2, null=True, blank=True)  # fmt: skip
    lien = models.URLField("lien vers l'appel", max_length=500)
    # Shown on the public list of open calls for the territory's associations.
    relaye = models.BooleanField("relayé sur le site public", default=False)
    suivi_par = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                  blank=True, related_name="appels_suivis",
                                  verbose_name="suivi par")  # fmt: skip
    rappel_envoye_le = models.DateField("dernier rappel envoyé le", null=True, blank=True)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    demonstration = models.BooleanField("démonstration", default=False)

    objects = AppelQuerySet.as_manager()

    class Meta:
        verbose_name = "appel à projets"
        verbose_name_plural = "appels à projets"
        ordering = ["date_limite", "titre"]

    def __str__(self) -> str:
        return f"{self.titre} ({self.financeur})"


class Candidature(models.Model):
    class Statut(models.TextChoices):
        EN_PREPARATION = "preparation", "En préparation"
        DEPOSEE = "deposee", "Déposée"
        OBTENUE = "obtenue", "Financement obtenu"
        REFUSEE = "refusee", "Refusée"
        ABANDONNEE = "abandonnee", "Abandonnée"

    appel = models.ForeignKey(AppelAProjets, models.PROTECT, related_name="candidatures")
    action = models.ForeignKey("pilotage.Action", models.PROTECT, related_name="candidatures",
                               verbose_name="action du schéma")  # fmt: skip
    statut = models.CharField("statut", max_length=11, choices=Statut.choices,
                              default=Statut.EN_PREPARATION)  # fmt: skip
    montant_demande = models.DecimalField("montant demandé (€)", max_digits=12, decimal_places=2)
    montant_obtenu = models.DecimalField("montant obtenu (€)", max_digits=12, decimal_places=2,
                                         null=True, blank=True)  # fmt: skip
    deposee_le = models.DateField("déposée le", null=True, blank=True)
    decision_le = models.DateField("décision le", null=True, blank=True)
    # The plan's budget line the funding goes to (the steering dashboard shows who financed).
    ligne_budget = models.ForeignKey("pilotage.LigneBudget", models.SET_NULL, null=True,
                                     blank=True, related_name="financements",
                                     verbose_name="ligne de budget")  # fmt: skip
    porteur = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                blank=True, related_name="+")  # fmt: skip
    note = models.TextField("note", blank=True)
    creee_le = models.DateTimeField("créée le", auto_now_add=True)
    demonstration = models.BooleanField("démonstration", default=False)

    objects = CandidatureQuerySet.as_manager()

    class Meta:
        verbose_name = "candidature"
        ordering = ["-creee_le"]

    def __str__(self) -> str:
        return f"{self.appel} — {self.action.code}"
