"""The départemental network of digital mediation (schéma, orientation 1.2): the médiateurs,
their employer (a `Structure`, identified by its SIRET) and the places where each works, since
when. Professional contact details only: no home address, no personal phone."""

import uuid

from django.conf import settings
from django.db import models


class Mediateur(models.Model):
    class Profil(models.TextChoices):
        # La Coop's registration profiles, plus the aidants of reception desks.
        CONSEILLER_NUMERIQUE = "conseiller_numerique", "Conseiller numérique"
        COORDINATEUR_CONSEILLER_NUMERIQUE = (
            "coordinateur_conseiller_numerique",
            "Coordinateur de conseillers numériques",
        )
        MEDIATEUR = "mediateur", "Médiateur numérique"
        COORDINATEUR = "coordinateur", "Coordinateur de la médiation numérique"
        AIDANT = "aidant", "Aidant numérique (accueil, France Services…)"

    prenom = models.CharField("prénom", max_length=100)
    nom = models.CharField("nom", max_length=100)
    profil = models.CharField("profil", max_length=40, choices=Profil.choices)
    aidant_connect = models.BooleanField("habilité Aidants Connect", default=False)
    employeur = models.ForeignKey(
        "inclusion.Structure", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="mediateurs", verbose_name="structure employeuse",
    )  # fmt: skip
    courriel = models.EmailField("courriel professionnel", blank=True)
    telephone = models.CharField("téléphone professionnel", max_length=20, blank=True)
    compte = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="fiche_mediateur", verbose_name="compte SUN",
    )  # fmt: skip
    # The médiateur's identifier in La Coop, to attach imported activity records.
    coop_id = models.UUIDField("identifiant La Coop", null=True, blank=True, unique=True)
    actif = models.BooleanField("en activité", default=True)
    demonstration = models.BooleanField("donnée de démonstration", default=False)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "médiateur"
        ordering = ["nom", "prenom"]

    def __str__(self) -> str:
        return f"{self.prenom} {self.nom}"

    @property
    def est_conseiller_numerique(self) -> bool:
        return self.profil in (
            self.Profil.CONSEILLER_NUMERIQUE,
            self.Profil.COORDINATEUR_CONSEILLER_NUMERIQUE,
        )


class LieuActivite(models.Model):
    """A place where a médiateur works (La Coop's `MediateurEnActivite`), since `debut`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    mediateur = models.ForeignKey(
        Mediateur, on_delete=models.CASCADE, related_name="lieux_activite"
    )
    lieu = models.ForeignKey("inclusion.Lieu", on_delete=models.CASCADE, related_name="mediateurs")
    debut = models.DateField("depuis le")
    fin = models.DateField("jusqu'au", null=True, blank=True)

    class Meta:
        verbose_name = "lieu d'activité"
        verbose_name_plural = "lieux d'activité"
        ordering = ["-debut"]
        constraints = [
            models.UniqueConstraint(
                fields=["mediateur", "lieu", "debut"], name="lieu_activite_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(fin__isnull=True) | models.Q(fin__gte=models.F("debut")),
                name="lieu_activite_fin_apres_debut",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mediateur} à {self.lieu.nom} depuis le {self.debut:%d/%m/%Y}"
