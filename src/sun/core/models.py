"""The record of every import, whatever its kind: who, when, which file, what it did."""

from django.conf import settings
from django.db import models


class JournalImport(models.Model):
    class Statut(models.TextChoices):
        ENREGISTRE = "enregistre", "Enregistré"
        ESSAI = "essai", "Essai à blanc (rien d'enregistré)"
        REFUSE = "refuse", "Fichier refusé (rien d'enregistré)"
        A_CONFIRMER = "a_confirmer", "Arrêté, à confirmer (rien d'enregistré)"

    genre = models.CharField("type d'import", max_length=40, db_index=True)
    libelle = models.CharField("données importées", max_length=200)
    source = models.CharField("source", max_length=200, blank=True)
    fichier = models.CharField("fichier", max_length=255, blank=True)
    format = models.CharField("format", max_length=120, blank=True)
    date = models.DateTimeField("date", auto_now_add=True, db_index=True)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name="par",
    )  # fmt: skip
    statut = models.CharField("résultat", max_length=12, choices=Statut.choices)
    message = models.TextField("raison du refus", blank=True)
    compteurs = models.JSONField("chiffres", default=dict, blank=True)
    rapport = models.CharField("rapport détaillé (CSV)", max_length=500, blank=True)

    class Meta:
        verbose_name = "import"
        verbose_name_plural = "journal des imports"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.libelle} — {self.fichier} ({self.date:%d/%m/%Y %H:%M})"


class VersionDonnees(models.Model):
    """The version token of a family of data (the register of places, the territory, the
    activities…): changed once per committed transaction that wrote to it. Every process and
    every application server on the database reads the same token, so none keeps an index or
    a cached page of data that changed (`sun.core.versions`)."""

    cle = models.CharField(max_length=80, primary_key=True)
    jeton = models.CharField(max_length=32)

    class Meta:
        verbose_name = "version des données"
        verbose_name_plural = "versions des données"

    def __str__(self) -> str:
        return f"{self.cle} : {self.jeton}"
