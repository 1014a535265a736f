"""Users' opinions, on the questionnaire of the State's « Je donne mon avis » (JDMA, slug
`root`, NOTES-relation §5.1): same field codes, scales and scores, so results compare with the
State observatoire. Anonymous: no account, no address, no number is kept with an answer."""

from django.conf import settings
from django.db import models

from sun.qualite.satisfaction.queries import AvisQuerySet


class Satisfaction(models.TextChoices):
    """Step 1 (`satisfaction`), three smileys; score good 10, medium 5, bad 0."""

    BAD = "bad", "Pas bien"
    MEDIUM = "medium", "Moyen"
    GOOD = "good", "Très bien"


class Emplacement(models.TextChoices):
    """Where the questionnaire was shown."""

    DEMARCHE = "demarche", "Page d'une démarche"
    LIEU = "lieu", "Page d'un lieu"
    BORNE = "borne", "Tablette au guichet"
    SITE = "site", "Site (autre page)"
    JDMA = "jdma", "Import « Je donne mon avis »"


class Moderation(models.TextChoices):
    A_LIRE = "a_lire", "À modérer"
    ACCEPTE = "accepte", "Accepté"
    ECARTE = "ecarte", "Écarté"


class Avis(models.Model):
    """One answer to the questionnaire. `contact_tried` is the list of the step-3 codes;
    `contact_reached` maps an administration channel (guichet, telephone, email, chat) to
    True/False; `contact_satisfaction` maps it to 1–5 (Très mauvaise … Excellente). The free
    text is stored already masked (e-mail addresses, phone numbers, names of persons)."""

    recu_le = models.DateTimeField("reçu le", db_index=True)
    emplacement = models.CharField("montré sur", max_length=10, choices=Emplacement.choices)
    canal = models.CharField("canal", max_length=12, blank=True)  # relation CanalDemande
    demarche = models.ForeignKey(
        "relation.Demarche", verbose_name="démarche", on_delete=models.SET_NULL,
        null=True, blank=True, related_name="avis",
    )  # fmt: skip
    service = models.ForeignKey(
        "relation.ServiceInstructeur", verbose_name="service", on_delete=models.SET_NULL,
        null=True, blank=True, related_name="avis",
    )  # fmt: skip
    lieu = models.ForeignKey(
        "inclusion.Lieu", verbose_name="lieu", on_delete=models.SET_NULL,
        null=True, blank=True, related_name="avis",
    )  # fmt: skip
    satisfaction = models.CharField("expérience générale", max_length=6,
                                    choices=Satisfaction.choices)  # fmt: skip
    comprehension = models.PositiveSmallIntegerField("clarté des informations (1–5)", null=True)
    contact_tried = models.JSONField("aide recherchée", default=list, blank=True)
    contact_reached = models.JSONField("administration jointe", default=dict, blank=True)
    contact_satisfaction = models.JSONField("qualité de l'aide (1–5)", default=dict, blank=True)
    # « Je n'ai pas eu besoin d'aide » (niveau d'autonomie), kept apart for counting.
    autonome = models.BooleanField("sans besoin d'aide", null=True)
    verbatim = models.TextField("commentaire (masqué)", blank=True)
    moderation = models.CharField("modération", max_length=8, choices=Moderation.choices,
                                  blank=True)  # fmt: skip
    modere_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    modere_le = models.DateTimeField("modéré le", null=True, blank=True)
    # JDMA imports: the export's « Identifiant Avis », « Nom du formulaire », « Lien
    # d'intégration » (idempotency on the identifier).
    identifiant_jdma = models.CharField(max_length=80, null=True, blank=True, unique=True)
    formulaire = models.CharField("formulaire", max_length=200, blank=True)
    demonstration = models.BooleanField("démonstration", default=False)

    objects = AvisQuerySet.as_manager()

    class Meta:
        verbose_name = "avis d'usager"
        verbose_name_plural = "avis des usagers"
        indexes = [
            models.Index(fields=["service", "recu_le"], name="avis_service_recu"),
            models.Index(fields=["demarche", "recu_le"], name="avis_demarche_recu"),
        ]

    def __str__(self) -> str:
        return f"Avis du {self.recu_le:%d/%m/%Y} ({self.get_satisfaction_display()})"
