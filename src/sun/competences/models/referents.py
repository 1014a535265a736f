"""The network of digital referents: one or more per direction (schéma 8.2)."""

from django.db import models

from sun.competences.referents.queries import ReferentQuerySet


class Referent(models.Model):
    direction = models.ForeignKey("competences.Direction", models.CASCADE,
                                  related_name="referents")  # fmt: skip
    personne = models.ForeignKey("competences.Personne", models.CASCADE,
                                 related_name="references")  # fmt: skip
    perimetre = models.CharField("périmètre", max_length=300,
                                 help_text="Services, sites ou outils couverts.")  # fmt: skip
    courriel = models.EmailField("adresse électronique de contact")
    telephone = models.CharField("téléphone", max_length=30, blank=True)
    # What the referent answers at first level, before the IT service (one per line).
    questions = models.TextField("questions traitées en premier niveau", blank=True)
    depuis = models.DateField("référent depuis", null=True, blank=True)
    actif = models.BooleanField("actif", default=True)

    objects = ReferentQuerySet.as_manager()

    class Meta:
        verbose_name = "référent numérique"
        verbose_name_plural = "référents numériques"
        ordering = ["direction__nom", "personne__nom"]
        constraints = [
            models.UniqueConstraint(fields=["direction", "personne"], name="referent_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.personne} — {self.direction}"
