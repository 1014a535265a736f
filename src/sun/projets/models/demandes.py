"""Change requests and incidents about the département's tools (schéma 11.3): an editable
typology (seeded from GLPI ticket categories), duplicates linked, a score and a backlog per
tool. A tool is an entry of the register of digital services (`accessibilite`)."""

from django.conf import settings
from django.db import models

from sun.projets.demandes.queries import DemandeQuerySet, TypeDemandeQuerySet


class Nature(models.TextChoices):
    EVOLUTION = "evolution", "Demande d'évolution"
    INCIDENT = "incident", "Incident"
    QUESTION = "question", "Question (assistance)"


class TypeDemande(models.Model):
    """A type of the hotline typology, as a path (« Logiciel > Messagerie »)."""

    class Source(models.TextChoices):
        SUN = "sun", "Saisi dans SUN"
        GLPI = "glpi", "Catégorie d'un export GLPI"

    libelle = models.CharField("type", max_length=255, unique=True)
    nature = models.CharField("nature habituelle", max_length=10, choices=Nature.choices,
                              blank=True)  # fmt: skip
    source = models.CharField("origine", max_length=4, choices=Source.choices,
                              default=Source.SUN)  # fmt: skip
    actif = models.BooleanField("proposé à la saisie", default=True)

    objects = TypeDemandeQuerySet.as_manager()

    class Meta:
        verbose_name = "type de demande"
        verbose_name_plural = "types de demande"
        ordering = ["libelle"]

    def __str__(self) -> str:
        return self.libelle


class Demande(models.Model):
    class Statut(models.TextChoices):
        NOUVELLE = "nouvelle", "Nouvelle"
        QUALIFIEE = "qualifiee", "Qualifiée"
        PLANIFIEE = "planifiee", "Planifiée"
        EN_COURS = "en_cours", "En cours"
        REALISEE = "realisee", "Réalisée"
        REJETEE = "rejetee", "Rejetée"
        DOUBLON = "doublon", "Doublon"

    class Frequence(models.TextChoices):
        QUOTIDIENNE = "quotidienne", "Tous les jours"
        HEBDOMADAIRE = "hebdomadaire", "Chaque semaine"
        MENSUELLE = "mensuelle", "Chaque mois"
        RARE = "rare", "Rarement"

    class Source(models.TextChoices):
        SUN = "sun", "Saisie dans SUN"
        GLPI = "glpi", "Ticket GLPI importé"

    titre = models.CharField("titre", max_length=255)
    description = models.TextField("description", blank=True)
    nature = models.CharField("nature", max_length=10, choices=Nature.choices)
    type = models.ForeignKey(TypeDemande, models.SET_NULL, null=True, blank=True,
                             related_name="demandes", verbose_name="type")  # fmt: skip
    outil = models.ForeignKey("accessibilite.ServiceNumerique", models.SET_NULL, null=True,
                              blank=True, related_name="demandes",
                              verbose_name="outil concerné")  # fmt: skip
    direction = models.ForeignKey("competences.Direction", models.SET_NULL, null=True,
                                  blank=True, related_name="demandes",
                                  verbose_name="direction")  # fmt: skip
    demandeur = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                  blank=True, related_name="demandes_outils")  # fmt: skip
    statut = models.CharField("statut", max_length=10, choices=Statut.choices,
                              default=Statut.NOUVELLE)  # fmt: skip
    doublon_de = models.ForeignKey("self", models.SET_NULL, null=True, blank=True,
                                   related_name="doublons", verbose_name="doublon de")  # fmt: skip
    # The scoring criteria (sun.projets.demandes.score) and the score they give.
    utilisateurs_concernes = models.PositiveIntegerField("utilisateurs concernés", null=True,
                                                         blank=True)  # fmt: skip
    frequence = models.CharField("fréquence", max_length=12, choices=Frequence.choices,
                                 blank=True)  # fmt: skip
    obligation_legale = models.BooleanField("obligation légale ou réglementaire", default=False)
    effort = models.PositiveSmallIntegerField("effort estimé (1 à 5)", null=True, blank=True)
    score = models.DecimalField("score", max_digits=7, decimal_places=2, null=True, blank=True)
    source = models.CharField("origine", max_length=4, choices=Source.choices,
                              default=Source.SUN)  # fmt: skip
    reference_externe = models.CharField("numéro du ticket d'origine", max_length=40,
                                         blank=True)  # fmt: skip
    creee_le = models.DateTimeField("créée le")
    close_le = models.DateTimeField("close le", null=True, blank=True)
    modifiee_le = models.DateTimeField("modifiée le", auto_now=True)
    demonstration = models.BooleanField("démonstration", default=False)

    objects = DemandeQuerySet.as_manager()

    class Meta:
        verbose_name = "demande sur un outil"
        verbose_name_plural = "demandes sur les outils"
        ordering = ["-creee_le"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "reference_externe"], condition=~models.Q(reference_externe=""),
                name="demande_ticket_unique",
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"n° {self.pk} — {self.titre}"


class Soutien(models.Model):
    """« Moi aussi » : another agent concerned by the same request (instead of a duplicate)."""

    demande = models.ForeignKey(Demande, models.CASCADE, related_name="soutiens")
    compte = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    le = models.DateTimeField("le", auto_now_add=True)

    class Meta:
        verbose_name = "soutien"
        constraints = [
            models.UniqueConstraint(fields=["demande", "compte"], name="soutien_unique"),
        ]

    def __str__(self) -> str:
        return f"Soutien à la demande n° {self.demande_id}"
