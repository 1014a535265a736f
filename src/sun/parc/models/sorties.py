"""Exits from the fleet, donations and the 1 January snapshots of the reuse objective.

An exit (`Sortie`) is dated, justified and has its route (réemploi, réutilisation, don,
recyclage, destruction) and its taker. It counts for décret n° 2023-266 only when the taker
committed to reuse *before* the exit (`date_engagement`) and proved it afterwards
(`date_preuve`)."""

from django.conf import settings
from django.db import models

from sun.parc.referentiel import BaseLegaleDon, Destination, Voie


class Don(models.Model):
    """A donation of retired equipment to a mediation place of the register or to an
    association (SIRET or RNA), with its agreement (printed as PDF)."""

    class Statut(models.TextChoices):
        PROPOSE = "propose", "Proposé"
        ACCEPTE = "accepte", "Accepté, convention à signer"
        REMIS = "remis", "Remis"
        ANNULE = "annule", "Annulé"

    class Etat(models.TextChoices):
        BON = "bon", "Bon état, prêt à l'emploi"
        A_RECONDITIONNER = "a_reconditionner", "À reconditionner"
        POUR_PIECES = "pour_pieces", "Pour pièces"

    class Effacement(models.TextChoices):
        LOGICIEL = "logiciel", "Effacement logiciel certifié (réécriture complète)"
        CHIFFREMENT = "chiffrement", "Effacement cryptographique (disque chiffré, clé détruite)"
        REINSTALLATION = "reinstallation", "Formatage et réinstallation du système"
        DISQUE_RETIRE = "disque_retire", "Disque retiré et détruit"
        SANS_STOCKAGE = "sans_stockage", "Sans support de stockage"

    numero = models.CharField("numéro", max_length=20, unique=True)
    statut = models.CharField("statut", max_length=10, choices=Statut.choices,
                              default=Statut.PROPOSE)  # fmt: skip
    lieu = models.ForeignKey("inclusion.Lieu", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="dons_recus")  # fmt: skip
    beneficiaire = models.CharField("bénéficiaire", max_length=200)
    # The items offered; each leaves the fleet (a Sortie with `don`) when the donation is remis.
    equipements = models.ManyToManyField("parc.Equipement", blank=True, related_name="dons")
    siret = models.CharField("SIRET", max_length=14, blank=True)
    rna = models.CharField("numéro RNA", max_length=10, blank=True)
    adresse = models.CharField("adresse", max_length=250, blank=True)
    contact = models.CharField("contact (nom, courriel ou téléphone)", max_length=200, blank=True)
    base_legale = models.CharField("base légale", max_length=12, choices=BaseLegaleDon.choices,
                                   default=BaseLegaleDon.L3212_2_11)  # fmt: skip
    etat_materiel = models.CharField("état du matériel", max_length=20, choices=Etat.choices,
                                     default=Etat.BON)  # fmt: skip
    effacement = models.CharField("effacement des données", max_length=20,
                                  choices=Effacement.choices, blank=True)  # fmt: skip
    effacement_date = models.DateField("date de l'effacement", null=True, blank=True)
    effacement_outil = models.CharField("outil ou procédure d'effacement", max_length=200,
                                        blank=True)  # fmt: skip
    # The taker's commitment to reuse (before the handing over) and its proof (after).
    engagement_reemploi = models.BooleanField("engagement de réemploi signé", default=False)
    date_convention = models.DateField("convention signée le", null=True, blank=True)
    date_remise = models.DateField("remis le", null=True, blank=True)
    date_preuve = models.DateField("preuve du réemploi reçue le", null=True, blank=True)
    # The receiving place chooses whether its public page says so.
    visible_sur_lieu = models.BooleanField("afficher « matériel reçu du Département » sur la "
                                           "page du lieu", default=False)  # fmt: skip
    commentaire = models.TextField("commentaire", blank=True)
    demonstration = models.BooleanField("démonstration", default=False)
    cree_par = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    cree_le = models.DateTimeField(auto_now_add=True)
    date_maj = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "don de matériel"
        verbose_name_plural = "dons de matériel"
        ordering = ["-cree_le"]

    def __str__(self) -> str:
        return f"Don {self.numero} — {self.beneficiaire}"


class Sortie(models.Model):
    equipement = models.OneToOneField("parc.Equipement", on_delete=models.CASCADE,
                                      related_name="sortie")  # fmt: skip
    date = models.DateField("date de sortie")
    voie = models.CharField("voie", max_length=15, choices=Voie.choices)
    destination = models.CharField("preneur", max_length=20, choices=Destination.choices)
    destinataire = models.CharField("nom du preneur", max_length=200)
    destinataire_siret = models.CharField("SIRET du preneur", max_length=14, blank=True)
    prestataire = models.ForeignKey("parc.Reparateur", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="sorties")  # fmt: skip
    don = models.ForeignKey(Don, null=True, blank=True, on_delete=models.SET_NULL,
                            related_name="sorties")  # fmt: skip
    justification = models.TextField("justification")
    date_engagement = models.DateField("engagement de réemploi du preneur signé le", null=True,
                                       blank=True)  # fmt: skip
    reference_engagement = models.CharField("référence de l'engagement", max_length=200,
                                            blank=True)  # fmt: skip
    date_preuve = models.DateField("preuve du réemploi reçue le", null=True, blank=True)
    reference_preuve = models.CharField("référence de la preuve", max_length=200, blank=True)
    valeur_unitaire = models.DecimalField("valeur unitaire (€)", max_digits=8, decimal_places=2,
                                          null=True, blank=True)  # fmt: skip
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    enregistree_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "sortie du parc"
        verbose_name_plural = "sorties du parc"
        indexes = [models.Index(fields=["date", "voie"])]

    def __str__(self) -> str:
        return f"Sortie du {self.date:%d/%m/%Y} — {self.get_voie_display()}"


class StockReforme(models.Model):
    """B of décret n° 2023-266 for year N: the in-scope decommissioned items in stock on
    1 January, frozen once (`fige_le`) so that a later edit cannot move a past rate."""

    annee = models.PositiveSmallIntegerField("année", unique=True)
    nombre = models.PositiveIntegerField("équipements réformés en stock au 1er janvier")
    equipements = models.JSONField("identifiants des équipements", default=list)
    fige_le = models.DateTimeField("figé le", auto_now_add=True)
    fige_par = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")  # fmt: skip

    class Meta:
        verbose_name = "stock réformé au 1er janvier"
        verbose_name_plural = "stocks réformés au 1er janvier"
        ordering = ["-annee"]

    def __str__(self) -> str:
        return f"Stock réformé au 1er janvier {self.annee} : {self.nombre}"
