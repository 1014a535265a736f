"""The self-assessment on the CRCN: a draft until every competence is answered. Only the
person reads their own answers; a manager sees them only once the person shares them."""

from django.db import models

from sun.competences.diagnostic.queries import DiagnosticQuerySet


class Diagnostic(models.Model):
    personne = models.ForeignKey("competences.Personne", models.CASCADE,
                                 related_name="diagnostics")  # fmt: skip
    # {"1.1": 3, …}: the level (0–8) the person recognises for each competence answered.
    reponses = models.JSONField("réponses", default=dict)
    commence_le = models.DateTimeField("commencé le", auto_now_add=True)
    termine_le = models.DateTimeField("terminé le", null=True, blank=True)
    partage_avec_responsable = models.BooleanField("partagé avec mon responsable",
                                                   default=False)  # fmt: skip
    demonstration = models.BooleanField("démonstration", default=False)

    objects = DiagnosticQuerySet.as_manager()

    class Meta:
        verbose_name = "diagnostic de compétences"
        verbose_name_plural = "diagnostics de compétences"
        ordering = ["-commence_le"]

    def __str__(self) -> str:
        etat = f"terminé le {self.termine_le:%d/%m/%Y}" if self.termine_le else "brouillon"
        return f"Diagnostic de {self.personne} ({etat})"
