"""Purchases for AGEC art. 58 (décret n° 2024-134): euros excluding VAT per product category
and calendar year, the share from reuse or re-use and the share with recycled materials
counted separately, donations at their flat-rate value."""

from django.conf import settings
from django.db import models

from sun.parc.referentiel import CategorieAchat


class AchatLigne(models.Model):
    date = models.DateField("date")
    categorie = models.CharField("catégorie de produits", max_length=20,
                                 choices=CategorieAchat.choices)  # fmt: skip
    libelle = models.CharField("libellé", max_length=250)
    reference_marche = models.CharField("référence du marché ou de la commande", max_length=120,
                                        blank=True)  # fmt: skip
    fournisseur = models.CharField("fournisseur", max_length=200, blank=True)
    montant_ht = models.DecimalField("montant (€ HT)", max_digits=12, decimal_places=2)
    issu_reemploi = models.BooleanField("issu du réemploi ou de la réutilisation", default=False)
    avec_recycle = models.BooleanField("intègre des matières recyclées", default=False)
    issu_don = models.BooleanField("issu d'un don", default=False)
    valeur_forfaitaire_don = models.DecimalField("valeur forfaitaire du don (€)", max_digits=12,
                                                 decimal_places=2, null=True, blank=True)  # fmt: skip
    # Set when the line was derived from an inventoried equipment (not entered twice).
    equipement = models.OneToOneField("parc.Equipement", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="achat_ligne")  # fmt: skip
    demonstration = models.BooleanField("démonstration", default=False)
    saisi_par = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    saisi_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "ligne d'achat"
        verbose_name_plural = "lignes d'achat"
        ordering = ["-date"]
        constraints = [models.CheckConstraint(condition=models.Q(montant_ht__gte=0),
                                              name="parc_achat_montant_positif")]  # fmt: skip
        indexes = [models.Index(fields=["date", "categorie"])]

    def __str__(self) -> str:
        return f"{self.libelle} ({self.montant_ht} € HT)"
