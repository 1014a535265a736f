"""What the task library does not keep: the progress and report of a long job launched from
the agent space, and the planned days of the daily jobs."""

import uuid

from django.conf import settings
from django.db import models


class Tache(models.Model):
    """A long job (an import) launched from the agent space, run by the worker; its page
    follows it until the report. The file waits in `core.imports.attente` under `jeton`."""

    class Etat(models.TextChoices):
        EN_FILE = "en_file", "En file d'attente"
        EN_COURS = "en_cours", "En cours"
        A_CONFIRMER = "a_confirmer", "Arrêté, confirmation nécessaire"
        TERMINEE = "terminee", "Terminé"
        ECHOUEE = "echouee", "Échoué"
        ABANDONNEE = "abandonnee", "Abandonné (rien d'enregistré)"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    genre = models.CharField("type", max_length=40, db_index=True)
    libelle = models.CharField("libellé", max_length=200)
    fichier = models.CharField("fichier", max_length=255, blank=True)
    options = models.JSONField("options", default=dict, blank=True)
    jeton = models.CharField("fichier en attente", max_length=40, blank=True)
    essai = models.BooleanField("essai à blanc", default=False)
    confirmer = models.BooleanField("confirmé par l'opérateur", default=False)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name="lancé par",
    )  # fmt: skip
    etat = models.CharField(
        "état", max_length=12, choices=Etat.choices, default=Etat.EN_FILE, db_index=True
    )
    resultat = models.JSONField("rapport", default=dict, blank=True)
    message = models.TextField("message", blank=True)
    cree_le = models.DateTimeField("lancé le", auto_now_add=True)
    debut = models.DateTimeField("commencé le", null=True, blank=True)
    fin = models.DateTimeField("fini le", null=True, blank=True)

    class Meta:
        verbose_name = "tâche"
        ordering = ["-cree_le"]

    def __str__(self) -> str:
        return f"{self.libelle} — {self.fichier} ({self.get_etat_display()})"

    @property
    def active(self) -> bool:
        return self.etat in (self.Etat.EN_FILE, self.Etat.EN_COURS)


class ExecutionQuotidienne(models.Model):
    """One row per planned day of the daily jobs: the unique day keeps several workers (or
    the timer and a worker) from queueing, or running, the same day twice."""

    jour = models.DateField("jour", unique=True)
    prevue_le = models.DateTimeField("prévue le")
    id_tache = models.CharField("tâche en file", max_length=64, blank=True)
    debut = models.DateTimeField("commencée le", null=True, blank=True)
    fin = models.DateTimeField("finie le", null=True, blank=True)
    resultats = models.JSONField("résultats", default=dict, blank=True)

    class Meta:
        verbose_name = "exécution quotidienne"
        ordering = ["-jour"]

    def __str__(self) -> str:
        return f"Tâches quotidiennes du {self.jour:%d/%m/%Y}"
