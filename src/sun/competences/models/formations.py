"""The training catalogue (sessions) and registrations, with attendance, the satisfaction
question at the end and the certificate's number."""

from django.conf import settings
from django.db import models

from sun.competences import referentiel
from sun.competences.formations.queries import InscriptionQuerySet, SessionQuerySet
from sun.core.champs import ListeField


class Session(models.Model):
    titre = models.CharField("intitulé", max_length=200)
    description = models.TextField("description", blank=True)
    theme = models.CharField("thème", max_length=30, choices=referentiel.THEMES)
    publics = ListeField("publics")  # codes of referentiel.PUBLICS
    competences = ListeField("compétences du CRCN travaillées")  # « 4.1 », « 4.2 »
    organisme = models.CharField("organisme", max_length=20, choices=referentiel.ORGANISMES)
    format = models.CharField("format", max_length=12, choices=referentiel.FORMATS)
    duree_heures = models.DecimalField("durée (heures)", max_digits=5, decimal_places=1)
    debut = models.DateTimeField("début")
    fin = models.DateTimeField("fin")
    lieu = models.CharField("lieu", max_length=300, blank=True)
    lien = models.URLField("lien de connexion ou d'inscription", max_length=500, blank=True)
    places = models.PositiveSmallIntegerField("places")
    cout = models.DecimalField("coût (€)", max_digits=10, decimal_places=2, null=True, blank=True)
    annulee = models.BooleanField("annulée", default=False)
    demonstration = models.BooleanField("démonstration", default=False)
    creee_par = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                  blank=True, related_name="+")  # fmt: skip
    creee_le = models.DateTimeField("créée le", auto_now_add=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = "session de formation"
        verbose_name_plural = "sessions de formation"
        ordering = ["debut", "titre"]
        constraints = [
            models.CheckConstraint(condition=models.Q(fin__gte=models.F("debut")),
                                   name="session_fin_apres_debut"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.titre} ({self.debut:%d/%m/%Y})"


class Inscription(models.Model):
    class Statut(models.TextChoices):
        INSCRIT = "inscrit", "Inscrit"
        PRESENT = "present", "Présent"
        ABSENT = "absent", "Absent"
        ANNULE = "annule", "Inscription annulée"

    session = models.ForeignKey(Session, models.CASCADE, related_name="inscriptions")
    # SET_NULL: a person who leaves (an official withdrawing consent) leaves an anonymous line
    # that still counts in the aggregated figures; category and direction stay as they were.
    personne = models.ForeignKey("competences.Personne", models.SET_NULL, null=True,
                                 related_name="inscriptions")  # fmt: skip
    categorie = models.CharField("catégorie", max_length=10)
    direction = models.ForeignKey("competences.Direction", models.SET_NULL, null=True,
                                  blank=True, related_name="+")  # fmt: skip
    statut = models.CharField("statut", max_length=8, choices=Statut.choices,
                              default=Statut.INSCRIT)  # fmt: skip
    inscrite_par = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                     blank=True, related_name="+")  # fmt: skip
    inscrite_le = models.DateTimeField("inscrite le", auto_now_add=True)
    presence_notee_le = models.DateTimeField("présence notée le", null=True, blank=True)
    # « Cette formation vous sera-t-elle utile dans votre travail ? » 1 (pas du tout) – 4.
    satisfaction = models.PositiveSmallIntegerField("utilité ressentie (1 à 4)", null=True,
                                                    blank=True)  # fmt: skip
    commentaire = models.TextField("commentaire", blank=True)
    attestation = models.CharField("numéro d'attestation", max_length=30, blank=True)
    rappel_envoye_le = models.DateTimeField("rappel envoyé le", null=True, blank=True)

    objects = InscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = "inscription"
        ordering = ["session__debut", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "personne"], name="inscription_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.personne or 'Personne retirée'} — {self.session}"
