"""The département's directions and the people training and skills are about: agents and
managers (usually with an account), elected officials (tracked only with their consent)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from sun.competences.queries import DirectionQuerySet, PersonneQuerySet


class Direction(models.Model):
    code = models.SlugField("code", max_length=40, unique=True)
    nom = models.CharField("nom", max_length=200)
    sigle = models.CharField("sigle", max_length=20, blank=True)
    demonstration = models.BooleanField("démonstration", default=False)

    objects = DirectionQuerySet.as_manager()

    class Meta:
        verbose_name = "direction"
        ordering = ["nom"]

    def __str__(self) -> str:
        return f"{self.nom} ({self.sigle})" if self.sigle else self.nom


class Personne(models.Model):
    class Categorie(models.TextChoices):
        AGENT = "agent", "Agent"
        ENCADRANT = "encadrant", "Encadrant"
        ELU = "elu", "Élu"

    nom = models.CharField("nom", max_length=100)
    prenom = models.CharField("prénom", max_length=100)
    courriel = models.EmailField("adresse électronique", blank=True)
    categorie = models.CharField("catégorie", max_length=10, choices=Categorie.choices,
                                 default=Categorie.AGENT)  # fmt: skip
    direction = models.ForeignKey(Direction, models.SET_NULL, null=True, blank=True,
                                  related_name="personnes", verbose_name="direction")  # fmt: skip
    compte = models.OneToOneField(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                  blank=True, related_name="personne")  # fmt: skip
    # The manager who may register this person to a session (never read their diagnosis).
    responsable = models.ForeignKey("self", models.SET_NULL, null=True, blank=True,
                                    related_name="equipe", verbose_name="responsable")  # fmt: skip
    # Elected officials are tracked only once they agreed (when and how it was collected).
    consentement_le = models.DateTimeField("consentement recueilli le", null=True, blank=True)
    consentement_modalite = models.CharField("modalité du consentement", max_length=200,
                                             blank=True)  # fmt: skip
    demonstration = models.BooleanField("démonstration", default=False)
    cree_le = models.DateTimeField("créée le", auto_now_add=True)

    objects = PersonneQuerySet.as_manager()

    class Meta:
        verbose_name = "personne"
        ordering = ["nom", "prenom"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(categorie="elu") | Q(consentement_le__isnull=False),
                name="personne_elu_consentement",
            )
        ]

    def __str__(self) -> str:
        return f"{self.prenom} {self.nom}"
