"""The local repair and refurbishing chain (schéma 5.3): repairers, refurbishers, repair
cafés and ESS workshops of the territory, public so that residents and buyers find them."""

from django.db import models


class Activite(models.TextChoices):
    REPARATION = "reparation", "Réparation"
    RECONDITIONNEMENT = "reconditionnement", "Reconditionnement"
    REPAIR_CAFE = "repair_cafe", "Repair café"
    ATELIER_ESS = "atelier_ess", "Atelier d'insertion ou de l'ESS"
    COLLECTE = "collecte", "Collecte et reprise"
    VENTE = "vente", "Vente de matériel reconditionné"


class Reparateur(models.Model):
    nom = models.CharField("nom", max_length=200)
    activites = models.JSONField("activités", default=list)  # values of Activite
    description = models.TextField("description", blank=True)
    adresse = models.CharField("adresse", max_length=250, blank=True)
    code_postal = models.CharField("code postal", max_length=5, blank=True)
    commune = models.ForeignKey("territoire.Commune", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="reparateurs")  # fmt: skip
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    telephone = models.CharField("téléphone", max_length=20, blank=True)
    courriel = models.EmailField("courriel", blank=True)
    site_web = models.URLField("site web", blank=True)
    siret = models.CharField("SIRET", max_length=14, blank=True)
    horaires = models.CharField("horaires (format OpenStreetMap)", max_length=250, blank=True)
    # Labels the field knows: QualiRépar (bonus réparation), ESUS, Répar'acteurs.
    labels = models.JSONField("labels", default=list)
    pour_particuliers = models.BooleanField("accueille les particuliers", default=True)
    pour_collectivites = models.BooleanField("travaille avec les collectivités", default=False)
    publie = models.BooleanField("publié dans l'annuaire", default=True)
    demonstration = models.BooleanField("démonstration", default=False)
    date_maj = models.DateTimeField("mis à jour le", auto_now=True)

    class Meta:
        verbose_name = "acteur de la réparation et du reconditionnement"
        verbose_name_plural = "acteurs de la réparation et du reconditionnement"
        ordering = ["nom"]

    def __str__(self) -> str:
        return self.nom
