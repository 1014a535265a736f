"""Difficulties reported by communes (refus de tiers, blocked connections…) and the accounts
that tie a mayor or a commune secretary to their commune.

No resident's name is needed: a case is an address, a category and a description.
"""

from django.conf import settings
from django.db import models


class Fonction(models.TextChoices):
    MAIRE = "maire", "Maire"
    ADJOINT = "adjoint", "Adjoint ou conseiller délégué"
    SECRETAIRE = "secretaire", "Secrétaire de mairie"
    AGENT = "agent", "Agent communal"


class CompteCommune(models.Model):
    """An account of the group `commune`: one user, one commune."""

    compte = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="compte_commune")  # fmt: skip
    commune = models.ForeignKey("territoire.Commune", on_delete=models.CASCADE,
                                related_name="comptes")  # fmt: skip
    fonction = models.CharField("fonction", max_length=20, choices=Fonction.choices)

    class Meta:
        verbose_name = "compte d'une commune"
        verbose_name_plural = "comptes des communes"

    def __str__(self) -> str:
        return f"{self.compte} — {self.get_fonction_display()} ({self.commune.nom})"


class Categorie(models.TextChoices):
    REFUS_TIERS_ADMINISTRATIF = "refus_tiers_administratif", "Refus de tiers administratif"
    REFUS_TIERS_FINANCIER = "refus_tiers_financier", "Refus de tiers financier"
    REFUS_TIERS_TECHNIQUE = "refus_tiers_technique", "Refus de tiers technique"
    ELAGAGE = "elagage", "Élagage non fait"
    RACCORDEMENT_BLOQUE = "raccordement_bloque", "Raccordement bloqué ou échoué"
    ADRESSE_MANQUANTE = "adresse_manquante", "Adresse absente ou erronée"
    APPUI_ENDOMMAGE = "appui_endommage", "Poteau, fourreau ou câble endommagé"
    ELIGIBILITE_BLOQUEE = "eligibilite_bloquee", "Logement non éligible malgré la fibre voisine"
    AUTRE = "autre", "Autre difficulté"


class Statut(models.TextChoices):
    NOUVEAU = "nouveau", "Nouveau"
    TRANSMIS = "transmis_operateur", "Transmis à l'opérateur"
    EN_COURS = "en_cours", "En cours de traitement"
    RESOLU = "resolu", "Résolu"
    SANS_SUITE = "sans_suite", "Classé sans suite"


OUVERTS = (Statut.NOUVEAU, Statut.TRANSMIS, Statut.EN_COURS)
CLOS = (Statut.RESOLU, Statut.SANS_SUITE)


class SignalementQuerySet(models.QuerySet):
    def reels(self):
        return self.filter(demonstration=False)

    def ouverts(self):
        return self.filter(statut__in=OUVERTS)

    def de_la_commune(self, code_insee: str):
        return self.filter(commune__code_insee=code_insee)


class Signalement(models.Model):
    commune = models.ForeignKey("territoire.Commune", on_delete=models.PROTECT,
                                related_name="signalements_connectivite")  # fmt: skip
    categorie = models.CharField("type de difficulté", max_length=30, choices=Categorie.choices)
    adresse = models.CharField("adresse concernée", max_length=300)
    identifiant_ban = models.CharField("identifiant BAN", max_length=50, blank=True)
    description = models.TextField("description")
    nombre_locaux = models.PositiveIntegerField("locaux concernés", default=1)
    statut = models.CharField("statut", max_length=20, choices=Statut.choices,
                              default=Statut.NOUVEAU)  # fmt: skip
    operateur = models.CharField("opérateur ou gestionnaire saisi", max_length=100, blank=True)
    signale_par = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    cree_le = models.DateTimeField("signalé le")
    modifie_le = models.DateTimeField("mis à jour le")
    transmis_le = models.DateTimeField("transmis le", null=True, blank=True)
    clos_le = models.DateTimeField("clos le", null=True, blank=True)
    demonstration = models.BooleanField("démonstration", default=False)

    objects = SignalementQuerySet.as_manager()

    class Meta:
        verbose_name = "difficulté de raccordement signalée"
        verbose_name_plural = "difficultés de raccordement signalées"
        ordering = ["-cree_le"]
        indexes = [models.Index(fields=["commune", "statut"], name="signalement_commune_idx")]

    def __str__(self) -> str:
        return f"{self.get_categorie_display()} — {self.adresse}"

    @property
    def ouvert(self) -> bool:
        return self.statut in OUVERTS


class EvenementSignalement(models.Model):
    """One step of a case: its creation, a change of status, a comment."""

    signalement = models.ForeignKey(Signalement, on_delete=models.CASCADE,
                                    related_name="evenements")  # fmt: skip
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    quand = models.DateTimeField("date")
    statut = models.CharField("statut après", max_length=20, choices=Statut.choices)
    commentaire = models.TextField("commentaire", blank=True)

    class Meta:
        verbose_name = "étape d'un signalement"
        ordering = ["quand", "pk"]

    def __str__(self) -> str:
        return f"{self.get_statut_display()} le {self.quand:%d/%m/%Y}"
