"""Services Publics+ (NOTES-relation §4): the programme's commitments as reference data, each
service's yearly self-assessment against them and the improvement actions it commits to."""

from django.conf import settings
from django.db import models


class Engagement(models.Model):
    """One commitment of the programme (8 since July 2024), loaded from
    `qualite/engagements/referentiel.yaml`."""

    numero = models.PositiveSmallIntegerField("numéro", unique=True)
    titre = models.CharField("engagement", max_length=200)
    description = models.TextField("ce qu'il demande")
    donnees = models.CharField("ce que SUN en mesure", max_length=300, blank=True)

    class Meta:
        verbose_name = "engagement Services Publics+"
        verbose_name_plural = "engagements Services Publics+"
        ordering = ["numero"]

    def __str__(self) -> str:
        return f"{self.numero}. {self.titre}"


class Niveau(models.TextChoices):
    NON_ENGAGE = "non_engage", "Pas encore engagé"
    EN_COURS = "en_cours", "En cours"
    ATTEINT = "atteint", "Atteint"
    NON_CONCERNE = "non_concerne", "Non concerné"


class AutoEvaluation(models.Model):
    """A service's self-assessment of one commitment for one year."""

    service = models.ForeignKey(
        "relation.ServiceInstructeur", on_delete=models.CASCADE, related_name="auto_evaluations"
    )
    engagement = models.ForeignKey(Engagement, on_delete=models.PROTECT, related_name="+")
    annee = models.PositiveSmallIntegerField("année")
    niveau = models.CharField("où en est le service", max_length=12, choices=Niveau.choices)
    constat = models.TextField("constat", blank=True)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    demonstration = models.BooleanField("démonstration", default=False)
    date_maj = models.DateTimeField("mis à jour le", auto_now=True)

    class Meta:
        verbose_name = "auto-évaluation"
        constraints = [
            models.UniqueConstraint(
                fields=["service", "engagement", "annee"], name="auto_evaluation_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} — engagement {self.engagement_id} ({self.annee})"


class ActionAmelioration(models.Model):
    """An improvement action a service commits to (engagement 7: users' opinions are taken
    into account), with its progress; public ones appear on « Nos résultats »."""

    class Statut(models.TextChoices):
        PREVUE = "prevue", "Prévue"
        EN_COURS = "en_cours", "En cours"
        REALISEE = "realisee", "Réalisée"
        ABANDONNEE = "abandonnee", "Abandonnée"

    service = models.ForeignKey(
        "relation.ServiceInstructeur", on_delete=models.CASCADE, related_name="actions_qualite"
    )
    engagement = models.ForeignKey(
        Engagement, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    intitule = models.CharField("action", max_length=200)
    description = models.TextField("description", blank=True)
    origine = models.CharField(
        "à l'origine",
        max_length=200,
        blank=True,
        help_text="Avis des usagers, auto-évaluation, réclamation…",
    )
    echeance = models.DateField("échéance", null=True, blank=True)
    statut = models.CharField("statut", max_length=10, choices=Statut.choices,
                              default=Statut.PREVUE)  # fmt: skip
    avancement = models.PositiveSmallIntegerField("avancement (%)", default=0)
    publique = models.BooleanField("montrée sur « Nos résultats »", default=True)
    demonstration = models.BooleanField("démonstration", default=False)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    cree_le = models.DateTimeField("créée le", auto_now_add=True)
    date_maj = models.DateTimeField("mis à jour le", auto_now=True)

    class Meta:
        verbose_name = "action d'amélioration"
        verbose_name_plural = "actions d'amélioration"
        ordering = ["statut", "echeance", "pk"]

    def __str__(self) -> str:
        return self.intitule
