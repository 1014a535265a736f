"""Activity records (comptes rendus d'activité) on La Coop's vocabulary, anonymous by design.

An activity is an individual accompaniment or a collective workshop. No beneficiary name or
contact is stored anywhere: the people are counted, by category, like La Coop's anonymous
participants. `accompagnements` follows La Coop's counting rule: 1 for an individual
accompaniment, 1 per participant for a workshop.
"""

import uuid

from django.conf import settings
from django.db import models

from sun.core.champs import ListeField
from sun.inclusion.activites import coop


class Activite(models.Model):
    class Source(models.TextChoices):
        SAISIE = "saisie", "Saisie dans SUN"
        COOP = "coop", "La Coop de la médiation numérique"
        CSV = "csv", "Fichier CSV"
        DEMONSTRATION = "demonstration", "Démonstration"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    type = models.CharField("type", max_length=12, choices=coop.TypeActivite.choices)
    mediateur = models.ForeignKey(
        "inclusion.Mediateur", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="activites", verbose_name="médiateur",
    )  # fmt: skip
    mediateur_coop_id = models.CharField(
        "identifiant La Coop du médiateur", max_length=36, blank=True
    )
    date = models.DateField("date", db_index=True)
    duree = models.PositiveIntegerField("durée (minutes)")
    type_lieu = models.CharField("lieu", max_length=14, choices=coop.TypeLieu.choices)
    lieu = models.ForeignKey(
        "inclusion.Lieu", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="activites", verbose_name="lieu d'activité",
    )  # fmt: skip
    structure_coop_id = models.CharField("identifiant La Coop du lieu", max_length=36, blank=True)
    # Where it happened, for the territory spine: the place's commune, or the one given.
    commune = models.ForeignKey(
        "territoire.Commune", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="activites", verbose_name="commune",
    )  # fmt: skip
    lieu_code_insee = models.CharField("code INSEE (texte)", max_length=5, blank=True)
    lieu_code_postal = models.CharField("code postal", max_length=5, blank=True)
    lieu_commune = models.CharField("commune (texte)", max_length=100, blank=True)
    autonomie = models.CharField(
        "autonomie", max_length=24, choices=coop.Autonomie.choices, blank=True
    )
    oriente_vers_structure = models.BooleanField("orienté vers une structure", null=True)
    structure_de_redirection = models.CharField(
        "structure de redirection", max_length=40, choices=coop.StructureDeRedirection.choices,
        blank=True,
    )  # fmt: skip
    materiel = ListeField("matériel")
    thematiques = ListeField("thématiques")
    tags = ListeField("étiquettes")
    precisions_demarche = models.CharField("précisions sur la démarche", max_length=500, blank=True)
    titre_atelier = models.CharField("titre de l'atelier", max_length=200, blank=True)
    niveau_atelier = models.CharField(
        "niveau de l'atelier", max_length=14, choices=coop.NiveauAtelier.choices, blank=True
    )
    accompagnements = models.PositiveIntegerField("accompagnements")
    deja_accompagnes = models.PositiveIntegerField("participants déjà accompagnés", default=0)

    source = models.CharField("source", max_length=14, choices=Source.choices)
    identifiant_source = models.CharField("identifiant dans la source", max_length=100, blank=True)
    creation = models.DateTimeField("créée le (source)")
    modification = models.DateTimeField("modifiée le (source)", null=True, blank=True)
    saisi_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name="saisie par",
    )  # fmt: skip
    demonstration = models.BooleanField("donnée de démonstration", default=False)

    class Meta:
        verbose_name = "activité"
        ordering = ["-date", "-creation"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "identifiant_source"],
                condition=~models.Q(identifiant_source=""),
                name="activite_unique_par_source",
            )
        ]
        indexes = [models.Index(fields=["commune", "date"], name="activite_commune_date_idx")]

    def __str__(self) -> str:
        return f"{self.get_type_display()} du {self.date:%d/%m/%Y}"

    @property
    def participants(self) -> int:
        return self.accompagnements


# One counter per category of anonymous participants (genre_feminin, age_18_24, …): a few
# integer columns the database can sum, rather than a JSON document it cannot.
for _nom in coop.champs_public():
    Activite.add_to_class(_nom, models.PositiveIntegerField(default=0))


class BilanCraV1(models.Model):
    """Aggregates per département of the Conseiller numérique programme's first activity tool
    (CRA v1, conseiller-numerique.gouv.fr, 2021 to mid-2024), as the ANCT's France Numérique
    Ensemble dashboard publishes them: the history before La Coop."""

    departement = models.CharField("département", max_length=3, unique=True)
    usagers = models.PositiveIntegerField("usagers accompagnés")
    accompagnements = models.PositiveIntegerField("accompagnements")
    themes = models.JSONField("accompagnements par thème", default=dict)
    statuts = models.JSONField("accompagnements par statut", default=dict)
    ages = models.JSONField("accompagnements par tranche d'âge", default=dict)
    suites = models.JSONField("suites données (individuel, atelier, redirection)", default=dict)
    activites = models.JSONField(
        "activités par type (collectif, ponctuel, individuel)", default=dict
    )
    source = models.CharField("source", max_length=300)
    date_import = models.DateTimeField("importé le", auto_now=True)

    class Meta:
        verbose_name = "bilan des comptes rendus d'activité v1"
        verbose_name_plural = "bilans des comptes rendus d'activité v1"

    def __str__(self) -> str:
        return f"CRA v1 du département {self.departement}"
