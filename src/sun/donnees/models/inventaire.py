"""The internal inventory (schéma 9.2): the data and applications of the département — the
« cartographie des jeux de données » — and, for those holding personal data, the fields of the
record of processing activities (GDPR article 30)."""

from django.conf import settings
from django.db import models

from sun.donnees.referentiel import Frequence


class Nature(models.TextChoices):
    JEU = "jeu", "Jeu de données"
    APPLICATION = "application", "Application"
    TRAITEMENT = "traitement", "Traitement de données"


class Ouverture(models.TextChoices):
    OUVERT = "ouvert", "Ouvert (publié)"
    A_OUVRIR = "a_ouvrir", "À ouvrir"
    RESTREINT = "restreint", "Diffusion restreinte"
    FERME = "ferme", "Non communicable"


class MotifFermeture(models.TextChoices):
    # CRPA: what keeps a document from open publication.
    SECRETS = "l311_5", "Secrets protégés (CRPA L311-5)"
    VIE_PRIVEE = "l311_6", "Vie privée, données personnelles (CRPA L311-6)"
    INACHEVE = "inacheve", "Document inachevé ou préparatoire (CRPA L311-2)"
    AUTRE = "autre", "Autre motif (préciser)"


class BaseLegale(models.TextChoices):
    # GDPR article 6(1).
    CONSENTEMENT = "consentement", "Consentement (art. 6.1.a)"
    CONTRAT = "contrat", "Exécution d'un contrat (art. 6.1.b)"
    OBLIGATION = "obligation", "Obligation légale (art. 6.1.c)"
    INTERETS_VITAUX = "interets_vitaux", "Sauvegarde des intérêts vitaux (art. 6.1.d)"
    MISSION = "mission", "Mission d'intérêt public (art. 6.1.e)"
    INTERET_LEGITIME = "interet_legitime", "Intérêt légitime (art. 6.1.f)"


class OrigineEntree(models.TextChoices):
    SUN = "sun", "Traitement de SUN (tenu à jour par SUN)"
    SAISIE = "saisie", "Saisie par le Département"


class EntreeInventaire(models.Model):
    # SUN's own processing carries its code (sun.donnees.inventaire.traitements_sun).
    code = models.CharField("code", max_length=60, blank=True)
    origine = models.CharField("origine", max_length=10, choices=OrigineEntree.choices,
                               default=OrigineEntree.SAISIE)  # fmt: skip
    nature = models.CharField("nature", max_length=15, choices=Nature.choices,
                              default=Nature.JEU)  # fmt: skip
    nom = models.CharField("nom", max_length=200)
    description = models.TextField("description", blank=True)
    service = models.CharField("service propriétaire", max_length=200)
    referent = models.CharField("référent (administrateur de la donnée)", max_length=200,
                                blank=True)  # fmt: skip
    application = models.CharField("application source", max_length=200, blank=True)
    finalite = models.TextField("finalité")
    champs = models.TextField("champs (un par ligne)", blank=True)
    frequence = models.CharField("fréquence de mise à jour", max_length=20,
                                 choices=Frequence.choices, default=Frequence.INCONNUE)  # fmt: skip
    ouverture = models.CharField("ouverture", max_length=10, choices=Ouverture.choices,
                                 default=Ouverture.A_OUVRIR)  # fmt: skip
    motif_fermeture = models.CharField("motif de non-ouverture", max_length=10,
                                       choices=MotifFermeture.choices, blank=True)  # fmt: skip
    motif_detail = models.TextField("précisions sur le motif", blank=True)
    jeu = models.ForeignKey("donnees.JeuDeDonnees", null=True, blank=True,
                            on_delete=models.SET_NULL, related_name="entrees_inventaire",
                            verbose_name="jeu publié")  # fmt: skip
    # GDPR article 30 (when personal data are held).
    donnees_personnelles = models.BooleanField("contient des données personnelles",
                                               default=False)  # fmt: skip
    categories_donnees = models.TextField("catégories de données personnelles", blank=True)
    donnees_sensibles = models.TextField("données sensibles (art. 9)", blank=True)
    categories_personnes = models.TextField("catégories de personnes concernées", blank=True)
    base_legale = models.CharField("base légale", max_length=20, choices=BaseLegale.choices,
                                   blank=True)  # fmt: skip
    destinataires = models.TextField("destinataires", blank=True)
    transferts_hors_ue = models.TextField("transferts hors de l'Union européenne", blank=True)
    duree_conservation = models.TextField("durées de conservation", blank=True)
    mesures_securite = models.TextField("mesures de sécurité", blank=True)
    # What the département adds to the measures SUN states for its own processing.
    mesures_complementaires = models.TextField("mesures de sécurité complémentaires",
                                               blank=True)  # fmt: skip
    regle = models.ForeignKey("donnees.RegleConservation", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="entrees_inventaire",
                              verbose_name="règle de conservation")  # fmt: skip
    cree_le = models.DateTimeField("créée le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifiée le", auto_now=True)
    modifie_par = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")  # fmt: skip

    class Meta:
        verbose_name = "entrée de l'inventaire"
        verbose_name_plural = "inventaire des données et traitements"
        ordering = ["service", "nom"]
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=~models.Q(code=""),
                                    name="donnees_inventaire_code_unique"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return self.nom
