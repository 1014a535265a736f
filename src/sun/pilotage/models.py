"""The schéma as a living plan: a tree of axes and orientations, actions with their pilots,
steps, notes and budget, and indicators with dated values against targets.

Modelled on Territoires en Transitions (see the pilotage notes): axes are groupings, not
steered; actions carry the status, priority and dates; an indicator's result and target sit
on the same dated row. Every change is recorded in `Historique` (who, when, what).
"""

from django.conf import settings
from django.db import models

from sun.core.champs import ListeField


class Plan(models.Model):
    code = models.SlugField("code", max_length=50, unique=True)
    titre = models.CharField("titre", max_length=300)
    date_adoption = models.DateField("date d'adoption", null=True, blank=True)
    debut = models.PositiveSmallIntegerField("première année")
    fin = models.PositiveSmallIntegerField("dernière année")
    version = models.CharField("version", max_length=50, blank=True)
    source = models.CharField("document source", max_length=300, blank=True)

    class Meta:
        verbose_name = "plan"
        ordering = ["-debut", "titre"]

    def __str__(self) -> str:
        return self.titre


class Axe(models.Model):
    """An axe, or an orientation (an axe's child): groupings with objectives."""

    class Niveau(models.TextChoices):
        AXE = "axe", "Axe"
        ORIENTATION = "orientation", "Orientation"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="axes")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="enfants"
    )
    niveau = models.CharField("niveau", max_length=12, choices=Niveau.choices)
    code = models.CharField("code", max_length=20)
    titre = models.CharField("titre", max_length=300)
    objectifs = ListeField("objectifs")
    ordre = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "axe ou orientation"
        ordering = ["ordre"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="axe_code_unique")]

    def __str__(self) -> str:
        return f"{self.get_niveau_display()} {self.code} : {self.titre}"


class Action(models.Model):
    class Statut(models.TextChoices):
        A_VENIR = "a_venir", "À venir"
        EN_COURS = "en_cours", "En cours"
        REALISE = "realise", "Réalisé"
        EN_PAUSE = "en_pause", "En pause"
        ABANDONNE = "abandonne", "Abandonné"
        BLOQUE = "bloque", "Bloqué"
        EN_RETARD = "en_retard", "En retard"
        A_DISCUTER = "a_discuter", "À discuter"

    class Priorite(models.TextChoices):
        ELEVEE = "elevee", "Élevée"
        MOYENNE = "moyenne", "Moyenne"
        BASSE = "basse", "Basse"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    orientation = models.ForeignKey(Axe, on_delete=models.PROTECT, related_name="actions")
    # One level of sub-actions only (checked by the plan loader and the forms).
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="sous_actions"
    )
    code = models.CharField("code", max_length=20)
    titre = models.CharField("titre", max_length=300)
    description = models.TextField("description", blank=True)
    objectifs = models.TextField("objectifs", blank=True)
    statut = models.CharField(
        "statut", max_length=12, choices=Statut.choices, default=Statut.A_VENIR
    )
    priorite = models.CharField(
        "priorité", max_length=8, choices=Priorite.choices, default=Priorite.MOYENNE
    )
    pilotes = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="actions_pilotees"
    )
    pilotes_services = ListeField("services ou partenaires pilotes")
    partenaires = ListeField("partenaires")
    date_debut = models.DateField("début", null=True, blank=True)
    date_fin_prevue = models.DateField("fin prévue", null=True, blank=True)
    publique = models.BooleanField(
        "notes et budget publics", default=False,
        help_text="Les notes de suivi et le budget apparaissent sur la page publique d'avancement.",
    )  # fmt: skip
    ordre = models.PositiveSmallIntegerField("ordre", default=0)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "action"
        ordering = ["ordre"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="action_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.titre}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.parent_id and self.parent.parent_id:
            raise ValidationError(
                {"parent": "Une sous-action ne peut pas avoir de sous-actions (un seul niveau)."}
            )
        if self.date_debut and self.date_fin_prevue and self.date_fin_prevue < self.date_debut:
            raise ValidationError(
                {"date_fin_prevue": "La fin prévue ne peut pas précéder le début."}
            )


class Etape(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="etapes")
    ordre = models.PositiveSmallIntegerField("ordre", default=0)
    titre = models.TextField("étape")
    realisee = models.BooleanField("réalisée", default=False)

    class Meta:
        verbose_name = "étape"
        ordering = ["ordre", "pk"]

    def __str__(self) -> str:
        return self.titre[:80]


class NoteSuivi(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="notes")
    date = models.DateField("date")
    texte = models.TextField("note")
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    demonstration = models.BooleanField("note de démonstration", default=False)

    class Meta:
        verbose_name = "note de suivi"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} : {self.texte[:60]}"


class LigneBudget(models.Model):
    class Type(models.TextChoices):
        INVESTISSEMENT = "investissement", "Investissement"
        FONCTIONNEMENT = "fonctionnement", "Fonctionnement"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="budget")
    annee = models.PositiveSmallIntegerField("année")
    type = models.CharField("type", max_length=15, choices=Type.choices)
    prevu = models.DecimalField("prévu (€)", max_digits=12, decimal_places=2, null=True, blank=True)
    reel = models.DecimalField(
        "réalisé (€)", max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = "ligne de budget"
        ordering = ["annee", "type"]
        constraints = [
            models.UniqueConstraint(fields=["action", "annee", "type"], name="budget_unique")
        ]

    def __str__(self) -> str:
        return f"{self.annee} {self.get_type_display()}"


class Indicateur(models.Model):
    class Sens(models.TextChoices):
        HAUSSE = "hausse", "Plus c'est haut, mieux c'est"
        BAISSE = "baisse", "Plus c'est bas, mieux c'est"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicateurs")
    code = models.CharField("code", max_length=80)
    libelle = models.CharField("libellé", max_length=300)
    unite = models.CharField("unité", max_length=50, blank=True)
    sens = models.CharField(
        "sens d'amélioration", max_length=6, choices=Sens.choices, default=Sens.HAUSSE
    )
    # Code in the indicator registry (sun.core.indicators) when SUN computes it; empty: by hand.
    calcul = models.CharField("indicateur calculé par SUN", max_length=80, blank=True)
    niveau = models.CharField("niveau de calcul", max_length=12, blank=True)
    territoire = models.CharField("territoire de calcul", max_length=10, blank=True)
    public = models.BooleanField("public", default=True)
    actions = models.ManyToManyField(Action, blank=True, related_name="indicateurs")
    description = models.TextField("description", blank=True)
    # The last computation by SUN: when, and why it gave no value (empty: it gave one).
    calcule_le = models.DateTimeField("dernier calcul", null=True, blank=True)
    erreur_calcul = models.TextField("raison de l'absence de valeur calculée", blank=True)

    class Meta:
        verbose_name = "indicateur"
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="indicateur_code_unique")
        ]

    def __str__(self) -> str:
        return self.libelle


class ValeurIndicateur(models.Model):
    """A result and/or a target at a date, with its source: the history is what was stored."""

    indicateur = models.ForeignKey(Indicateur, on_delete=models.CASCADE, related_name="valeurs")
    date = models.DateField("date")
    resultat = models.FloatField("résultat", null=True, blank=True)
    objectif = models.FloatField("cible", null=True, blank=True)
    source = models.CharField("source", max_length=300)
    commentaire = models.TextField("commentaire", blank=True)
    # What a computed value leaves out, to read it right (« 134 lieux de démonstration non
    # comptés »): shown beside the value.
    note = models.CharField("note du calcul", max_length=300, blank=True)
    demonstration = models.BooleanField("valeur de démonstration", default=False)

    class Meta:
        verbose_name = "valeur d'indicateur"
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["indicateur", "date"], name="valeur_date_unique")
        ]

    def __str__(self) -> str:
        return f"{self.indicateur_id} au {self.date:%d/%m/%Y}"


class Historique(models.Model):
    """Who changed what, when, on any object of the plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="historique")
    objet = models.CharField("objet", max_length=40)  # « action », « indicateur »…
    code = models.CharField("code de l'objet", max_length=80)
    date = models.DateTimeField("date", auto_now_add=True)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    changements = models.JSONField("changements", default=dict)
    commentaire = models.CharField("commentaire", max_length=300, blank=True)

    class Meta:
        verbose_name = "changement"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.objet} {self.code}"


class Relance(models.Model):
    """A reminder e-mail sent to a pilot, so that the same event is never e-mailed twice."""

    class Evenement(models.TextChoices):
        ECHEANCE_PROCHE = "proche", "Fin prévue dans moins de 30 jours"
        ECHEANCE_PASSEE = "passee", "Fin prévue dépassée"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="relances")
    evenement = models.CharField("événement", max_length=8, choices=Evenement.choices)
    date_fin_prevue = models.DateField("fin prévue rappelée")
    destinataire = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    envoyee_le = models.DateTimeField("envoyée le", auto_now_add=True)

    class Meta:
        verbose_name = "relance"
        constraints = [
            models.UniqueConstraint(
                fields=["action", "evenement", "date_fin_prevue", "destinataire"],
                name="relance_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.action_id} {self.evenement} {self.date_fin_prevue}"
