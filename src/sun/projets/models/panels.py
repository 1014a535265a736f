"""User panels (schéma 11.3): agents and residents who volunteer to give their opinion on a
request, with their consent and the right to leave (their data is then deleted)."""

from django.conf import settings
from django.db import models

from sun.projets.panels.queries import ConsultationQuerySet, MembrePanelQuerySet


class MembrePanel(models.Model):
    class Type(models.TextChoices):
        AGENT = "agent", "Agent du département"
        USAGER = "usager", "Habitant, usager"

    type = models.CharField("type", max_length=6, choices=Type.choices)
    compte = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE, null=True,
                                  blank=True, related_name="membre_panel")  # fmt: skip
    prenom = models.CharField("prénom", max_length=100)
    courriel = models.EmailField("adresse électronique")
    code_insee = models.CharField("commune", max_length=5, blank=True)
    # Interests: tools or subjects the member wants to be asked about (free text).
    centres_interet = models.CharField("sujets qui l'intéressent", max_length=300, blank=True)
    consentement_le = models.DateTimeField("consentement donné le")
    # The secret of the member's links (answer, leave): never shown elsewhere.
    jeton = models.CharField("jeton", max_length=64, unique=True)
    demonstration = models.BooleanField("démonstration", default=False)

    objects = MembrePanelQuerySet.as_manager()

    class Meta:
        verbose_name = "membre du panel"
        verbose_name_plural = "membres du panel"
        ordering = ["prenom"]
        constraints = [
            models.UniqueConstraint(fields=["courriel"], name="membre_panel_courriel_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.prenom} ({self.get_type_display()})"


class Consultation(models.Model):
    demande = models.ForeignKey("projets.Demande", models.CASCADE, null=True, blank=True,
                                related_name="consultations")  # fmt: skip
    besoin = models.ForeignKey("projets.ExpressionBesoin", models.CASCADE, null=True,
                               blank=True, related_name="consultations")  # fmt: skip
    question = models.TextField("question posée")
    publics = models.CharField("membres consultés", max_length=10, default="tous",
                               choices=[("tous", "Tous"), ("agent", "Agents"),
                                        ("usager", "Usagers")])  # fmt: skip
    ouverte_le = models.DateTimeField("ouverte le", auto_now_add=True)
    close_le = models.DateField("réponses jusqu'au")
    creee_par = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                  blank=True, related_name="+")  # fmt: skip
    envoyee_a = models.PositiveIntegerField("membres sollicités", default=0)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = "consultation du panel"
        verbose_name_plural = "consultations du panel"
        ordering = ["-ouverte_le"]

    def __str__(self) -> str:
        return self.question[:80]


class Avis(models.Model):
    class Reponse(models.TextChoices):
        UTILE = "utile", "Utile pour moi"
        INDIFFERENT = "indifferent", "Sans effet pour moi"
        GENANT = "genant", "Gênant pour moi"

    consultation = models.ForeignKey(Consultation, models.CASCADE, related_name="avis")
    # SET_NULL: a member who leaves the panel leaves an anonymous answer.
    membre = models.ForeignKey(MembrePanel, models.SET_NULL, null=True, blank=True,
                               related_name="avis")  # fmt: skip
    type_membre = models.CharField("type", max_length=6, choices=MembrePanel.Type.choices)
    reponse = models.CharField("réponse", max_length=12, choices=Reponse.choices)
    commentaire = models.TextField("commentaire", blank=True)
    le = models.DateTimeField("le", auto_now_add=True)

    class Meta:
        verbose_name = "avis"
        verbose_name_plural = "avis"
        constraints = [
            models.UniqueConstraint(fields=["consultation", "membre"], name="avis_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reponse_display()} ({self.get_type_membre_display()})"
