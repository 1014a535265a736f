"""Telephone reception: queues (call distributor lines), one row per call, and the rota.

One canonical record per call whatever the call distributor (NOTES-relation §4.5): the
importers of `qualite/telephonie/importation/` map Asterisk, Webex Calling or any CSV to it
through a declarative mapping file. The caller's number is never stored: at most a keyed
hash (HMAC with `SUN_TELEPHONIE_CLE`) when repeat-caller figures are wanted."""

from django.db import models

from sun.qualite.telephonie.queries import AppelQuerySet, EffectifQuerySet, FileAttenteQuerySet


class Issue(models.TextChoices):
    """How a call ended. Calls requiring an agent = every call reaching a human queue during
    opening hours (all but `svi_seul` and `hors_horaires`)."""

    DECROCHE = "decroche", "Décroché par un agent"
    SVI_SEUL = "svi_seul", "Traité par le serveur vocal seul"
    ABANDON_ATTENTE = "abandon_attente", "Abandonné en attente"
    ABANDON_SONNERIE = "abandon_sonnerie", "Abandonné pendant la sonnerie"
    DEBORDEMENT = "debordement", "Débordement (renvoyé ailleurs)"
    MESSAGERIE = "messagerie", "Messagerie vocale"
    RAPPEL = "rappel", "Rappel demandé"
    HORS_HORAIRES = "hors_horaires", "Hors horaires d'ouverture"


# Outcomes that do not require an agent's answer (outside the pick-up rate's denominator).
SANS_AGENT = (Issue.SVI_SEUL, Issue.HORS_HORAIRES)
ABANDONS = (Issue.ABANDON_ATTENTE, Issue.ABANDON_SONNERIE)


class FileAttente(models.Model):
    """A queue, hunt group or line of a call distributor, as the exports name it, tied to the
    service that answers it. Its settings are shown next to every figure computed with them."""

    code = models.CharField("nom dans les exports", max_length=120, unique=True)
    nom = models.CharField("désignation", max_length=200)
    service = models.ForeignKey(
        "relation.ServiceInstructeur", verbose_name="service", on_delete=models.SET_NULL,
        null=True, blank=True, related_name="files_attente",
    )  # fmt: skip
    objectif_decroche = models.PositiveSmallIntegerField(
        "objectif de taux de décroché (%)", default=85
    )
    abandon_court_s = models.PositiveSmallIntegerField(
        "abandons exclus en deçà de (secondes)", default=5,
        help_text="Un appel raccroché avant ce délai n'est pas compté comme appel à décrocher "
        "(0 : tous comptés). La définition Services Publics+ ne fixe pas de seuil.",
    )  # fmt: skip
    seuil_reponse_s = models.PositiveSmallIntegerField(
        "réponse rapide en moins de (secondes)", default=20
    )
    demonstration = models.BooleanField("démonstration", default=False)
    date_maj = models.DateTimeField("mis à jour le", auto_now=True)

    objects = FileAttenteQuerySet.as_manager()

    class Meta:
        verbose_name = "file d'attente téléphonique"
        verbose_name_plural = "files d'attente téléphoniques"
        ordering = ["nom"]

    def __str__(self) -> str:
        return self.nom


class Appel(models.Model):
    """One incoming call. `jour`, `jour_semaine` (1 = lundi) and `demi_heure` (0–47) are the
    local (Europe/Paris) calendar of `debut`, stored at import so that the heat map and the
    staffing aid are plain GROUP BYs."""

    file = models.ForeignKey(FileAttente, on_delete=models.CASCADE, related_name="appels")
    source = models.CharField("source", max_length=80)
    identifiant = models.CharField("identifiant de l'appel dans la source", max_length=120)
    debut = models.DateTimeField("arrivée de l'appel")
    jour = models.DateField("jour")
    jour_semaine = models.PositiveSmallIntegerField("jour de la semaine (1 = lundi)")
    demi_heure = models.PositiveSmallIntegerField("demi-heure (0 = 0 h–0 h 30)")
    issue = models.CharField("issue", max_length=20, choices=Issue.choices)
    attente_s = models.PositiveIntegerField("attente (s)", default=0)
    conversation_s = models.PositiveIntegerField("conversation (s)", default=0)
    groupe_agents = models.CharField("groupe d'agents", max_length=120, blank=True)
    # HMAC-SHA256 of the normalised caller number, keyed by SUN_TELEPHONIE_CLE; empty when no
    # key is set (the number is then dropped). Never the number itself.
    appelant = models.CharField("empreinte de l'appelant", max_length=64, blank=True)
    demonstration = models.BooleanField("démonstration", default=False)

    objects = AppelQuerySet.as_manager()

    class Meta:
        verbose_name = "appel"
        constraints = [
            models.UniqueConstraint(fields=["source", "identifiant"], name="appel_unique_source"),
        ]
        indexes = [
            models.Index(fields=["file", "jour"], name="appel_file_jour"),
            models.Index(fields=["jour"], name="appel_jour"),
        ]

    def __str__(self) -> str:
        return f"{self.file} {self.debut:%d/%m/%Y %H:%M} {self.get_issue_display()}"


class Effectif(models.Model):
    """The rota: agents on duty on a queue for one weekday and half-hour."""

    file = models.ForeignKey(FileAttente, on_delete=models.CASCADE, related_name="effectifs")
    jour_semaine = models.PositiveSmallIntegerField("jour de la semaine (1 = lundi)")
    demi_heure = models.PositiveSmallIntegerField("demi-heure (0–47)")
    agents = models.PositiveSmallIntegerField("agents au téléphone")
    date_maj = models.DateTimeField("mis à jour le", auto_now=True)

    objects = EffectifQuerySet.as_manager()

    class Meta:
        verbose_name = "agents de permanence"
        verbose_name_plural = "planning des agents"
        constraints = [
            models.UniqueConstraint(
                fields=["file", "jour_semaine", "demi_heure"], name="effectif_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file} j{self.jour_semaine} {self.demi_heure // 2:02d}:{self.demi_heure % 2 * 30:02d}"
