"""The inventory: sites (services, collèges), equipment and the events of its life, and the
per-source tables that turn an instance's own statuses and types into SUN's.

An equipment is keyed in its source by its inventory number, else its serial number (`cle`):
re-importing the same export changes nothing."""

from django.conf import settings
from django.db import models

from sun.parc.referentiel import (
    Achat,
    CategorieDeee,
    Etat,
    Proprietaire,
    TypeEquipement,
    Voie,
)


class Site(models.Model):
    """Where equipment is assigned: a service of the département, a collège, a building."""

    class Genre(models.TextChoices):
        SERVICE = "service", "Service ou direction"
        COLLEGE = "college", "Collège"
        SITE = "site", "Site ou bâtiment"

    nom = models.CharField("nom", max_length=200, unique=True)
    genre = models.CharField("genre", max_length=10, choices=Genre.choices, default=Genre.SITE)
    code_uai = models.CharField("code UAI (collège)", max_length=8, blank=True)
    commune = models.ForeignKey("territoire.Commune", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="sites_parc")  # fmt: skip
    # Agents working there, for the footprint per agent (empty: not known).
    effectif = models.PositiveIntegerField("effectif (agents)", null=True, blank=True)
    demonstration = models.BooleanField("démonstration", default=False)

    class Meta:
        verbose_name = "site du parc"
        verbose_name_plural = "sites du parc"
        ordering = ["nom"]

    def __str__(self) -> str:
        return self.nom


class EquipementQuerySet(models.QuerySet):
    def reels(self):
        return self.filter(demonstration=False)


class Equipement(models.Model):
    source = models.CharField("source", max_length=100, default="Saisie SUN")
    cle = models.CharField("clé dans la source", max_length=120,
                           help_text="numéro d'inventaire, à défaut numéro de série")  # fmt: skip
    source_id = models.CharField("identifiant dans la source", max_length=40, blank=True)
    nom = models.CharField("nom", max_length=200, blank=True)
    type = models.CharField("type", max_length=20, choices=TypeEquipement.choices)
    type_source = models.CharField("type dans la source", max_length=120, blank=True)
    categorie_deee = models.CharField("catégorie DEEE", max_length=10,
                                      choices=CategorieDeee.choices)  # fmt: skip
    fabricant = models.CharField("fabricant", max_length=120, blank=True)
    modele = models.CharField("modèle", max_length=200, blank=True)
    numero_serie = models.CharField("numéro de série", max_length=120, blank=True)
    numero_inventaire = models.CharField("numéro d'inventaire", max_length=120, blank=True)
    date_acquisition = models.DateField("date d'acquisition", null=True, blank=True)
    prix_acquisition = models.DecimalField("prix d'acquisition (€ HT)", max_digits=10,
                                           decimal_places=2, null=True, blank=True)  # fmt: skip
    achat = models.CharField("type d'achat", max_length=15, choices=Achat.choices,
                             default=Achat.NEUF)  # fmt: skip
    # Who refurbished it (bought refurbished, or refurbished during its life).
    reconditionneur = models.ForeignKey("parc.Reparateur", null=True, blank=True,
                                        on_delete=models.SET_NULL,
                                        related_name="equipements")  # fmt: skip
    date_fin_garantie = models.DateField("fin de garantie", null=True, blank=True)
    proprietaire = models.CharField("propriétaire", max_length=12, choices=Proprietaire.choices,
                                    default=Proprietaire.DEPARTEMENT)  # fmt: skip
    site = models.ForeignKey(Site, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="equipements")  # fmt: skip
    commune = models.ForeignKey("territoire.Commune", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="equipements")  # fmt: skip
    etat = models.CharField("état", max_length=15, choices=Etat.choices, default=Etat.EN_SERVICE)
    statut_source = models.CharField("statut dans la source", max_length=120, blank=True)
    date_mise_en_service = models.DateField("mise en service", null=True, blank=True)
    date_reforme = models.DateField("date de réforme", null=True, blank=True)
    duree_vie_cible = models.PositiveSmallIntegerField(
        "durée de vie prévue (ans)", null=True, blank=True,
        help_text="vide : la durée prévue pour son type",
    )  # fmt: skip
    # Exclusions of décret n° 2023-266 art. 1 besides age (computed from the dates).
    informations_classifiees = models.BooleanField("contient des informations classifiées",
                                                   default=False)  # fmt: skip
    obligations_securite = models.BooleanField(
        "soumis à des obligations de sécurité propres", default=False
    )
    commentaire = models.TextField("commentaire", blank=True)
    demonstration = models.BooleanField("démonstration", default=False)
    cree_le = models.DateTimeField(auto_now_add=True)
    date_maj = models.DateTimeField("mis à jour le", auto_now=True)

    objects = EquipementQuerySet.as_manager()

    class Meta:
        verbose_name = "équipement"
        verbose_name_plural = "équipements"
        ordering = ["type", "nom", "cle"]
        constraints = [
            models.UniqueConstraint(fields=["source", "cle"], name="parc_equipement_cle_unique"),
            models.CheckConstraint(condition=models.Q(prix_acquisition__gte=0)
                                   | models.Q(prix_acquisition__isnull=True),
                                   name="parc_prix_positif"),
        ]  # fmt: skip
        indexes = [
            models.Index(fields=["etat", "type"]),
            models.Index(fields=["date_reforme"]),
        ]

    def __str__(self) -> str:
        return self.nom or self.numero_inventaire or self.numero_serie or self.cle


class EvenementCycleVie(models.Model):
    """One step of an equipment's life, with who recorded it (the history of the sheet)."""

    class Genre(models.TextChoices):
        ENTREE = "entree", "Entrée dans l'inventaire"
        IMPORT = "import", "Mise à jour par un import"
        CHANGEMENT_ETAT = "etat", "Changement d'état"
        REPARATION = "reparation", "Réparation"
        AMELIORATION = "amelioration", "Amélioration (mémoire, disque…)"
        RECONDITIONNEMENT = "reconditionnement", "Reconditionnement"
        REAFFECTATION = "reaffectation", "Réaffectation"
        REFORME = "reforme", "Réforme"
        SORTIE = "sortie", "Sortie du parc"
        ANNULATION = "annulation", "Annulation d'une sortie"

    equipement = models.ForeignKey(Equipement, on_delete=models.CASCADE,
                                   related_name="evenements")  # fmt: skip
    date = models.DateField("date")
    genre = models.CharField("genre", max_length=20, choices=Genre.choices)
    etat_avant = models.CharField(max_length=15, choices=Etat.choices, blank=True)
    etat_apres = models.CharField(max_length=15, choices=Etat.choices, blank=True)
    commentaire = models.TextField("commentaire", blank=True)
    prestataire = models.ForeignKey("parc.Reparateur", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="interventions")  # fmt: skip
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    enregistre_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "événement du cycle de vie"
        verbose_name_plural = "événements du cycle de vie"
        ordering = ["equipement", "date", "enregistre_le"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} — {self.get_genre_display()}"


class CorrespondanceStatut(models.Model):
    """How a source's own status (GLPI `glpi_states`) maps to SUN's life cycle. Unknown
    statuses are reported by the import, never guessed."""

    source = models.CharField("source", max_length=100)
    statut_source = models.CharField("statut dans la source", max_length=120)
    etat = models.CharField("état SUN", max_length=15, choices=Etat.choices)
    # For a status meaning « left the fleet » (GLPI « Recyclé »): the route of the exit.
    voie = models.CharField("voie de sortie", max_length=15, choices=Voie.choices, blank=True)

    class Meta:
        verbose_name = "correspondance de statut"
        verbose_name_plural = "correspondances de statuts"
        constraints = [models.UniqueConstraint(fields=["source", "statut_source"],
                                               name="parc_statut_source_unique")]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.source} : {self.statut_source} → {self.get_etat_display()}"


class CorrespondanceType(models.Model):
    """How a source's own type (« Poste de travail - Slim ») maps to SUN's types; « autre »
    only when the coordinator chose it."""

    source = models.CharField("source", max_length=100)
    type_source = models.CharField("type dans la source", max_length=120)
    type = models.CharField("type SUN", max_length=20, choices=TypeEquipement.choices)

    class Meta:
        verbose_name = "correspondance de type"
        verbose_name_plural = "correspondances de types"
        constraints = [models.UniqueConstraint(fields=["source", "type_source"],
                                               name="parc_type_source_unique")]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.source} : {self.type_source} → {self.get_type_display()}"
