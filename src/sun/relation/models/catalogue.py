"""The catalogue of démarches: services in charge, démarches, and their channels.

A démarche holds what a resident needs to do it (summary in plain French, who it is for, what
to bring, cost, every channel) and what the law needs to handle it (the implicit-decision
regime with its period and legal basis, whether saisine par voie électronique applies). Its
facts stay « à vérifier par le service » until an agent confirms them.
"""

from django.conf import settings
from django.db import models

from sun.core.champs import ListeField


class Regime(models.TextChoices):
    SVA = "sva", "Silence vaut acceptation"
    SVR = "svr", "Silence vaut rejet"
    AUCUN = "aucun", "Pas de décision implicite"


class Unite(models.TextChoices):
    JOURS = "jours", "jours"
    SEMAINES = "semaines", "semaines"
    MOIS = "mois", "mois"


class ServiceInstructeur(models.Model):
    """A service of the département that handles requests (its contact goes into every
    accusé de réception, CRPA R112-5 2°). Its instructeurs see and handle its requests."""

    code = models.SlugField("code", max_length=60, unique=True)
    nom = models.CharField("désignation", max_length=200)
    adresse_postale = models.TextField("adresse postale")
    courriel = models.EmailField("adresse électronique", blank=True)
    telephone = models.CharField("téléphone", max_length=30)
    horaires = models.CharField("horaires d'accueil", max_length=300, blank=True)
    instructeurs = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="services_instruits",
        verbose_name="instructeurs",
    )  # fmt: skip
    date_maj = models.DateTimeField("mis à jour le", auto_now=True)

    class Meta:
        verbose_name = "service instructeur"
        verbose_name_plural = "services instructeurs"
        ordering = ["nom"]

    def __str__(self) -> str:
        return self.nom


class Demarche(models.Model):
    slug = models.SlugField("code", max_length=80, unique=True)
    titre = models.CharField("titre", max_length=200)
    titre_falc = models.CharField("titre facile à lire", max_length=200, blank=True)
    resume = models.TextField("en bref (phrases courtes, sans jargon)")
    publics = ListeField("pour qui")
    theme = models.CharField("thème", max_length=40)
    service = models.ForeignKey(
        ServiceInstructeur, on_delete=models.PROTECT, related_name="demarches",
        verbose_name="service en charge",
    )  # fmt: skip
    documents = ListeField("pièces à fournir")
    cout = models.CharField("coût", max_length=200, default="Gratuit")
    regime = models.CharField(
        "décision implicite", max_length=5, choices=Regime.choices, default=Regime.AUCUN
    )
    delai_valeur = models.PositiveSmallIntegerField("délai", default=2)
    delai_unite = models.CharField("unité du délai", max_length=8, choices=Unite.choices,
                                   default=Unite.MOIS)  # fmt: skip
    base_legale = models.CharField("base légale du régime", max_length=300, blank=True)
    # The remedies actually open against a refusal when they are not the general ones (a
    # compulsory prior appeal, another court); « {tribunal} » names SUN_RELATION_TRIBUNAL.
    voies_de_recours = models.TextField("voies et délais de recours (si particuliers)", blank=True)
    saisine_electronique = models.BooleanField(
        "saisine par voie électronique (CRPA L112-8)", default=True
    )
    teleservice_exclusif = models.BooleanField(
        "téléservice seul valable en ligne (CRPA L112-9)", default=False
    )
    page_service_public = models.URLField("page service-public.fr", blank=True)
    delai_annonce_jours = models.PositiveSmallIntegerField(
        "délai de traitement annoncé (jours)", null=True, blank=True
    )
    demarche_phare = models.BooleanField("démarche phare (Services Publics+)", default=False)
    reclamation = models.BooleanField("démarche de réclamation (médiateur)", default=False)
    ouverte_le = models.DateField("proposée depuis le")
    publiee = models.BooleanField("publiée sur le portail", default=True)
    a_verifier = models.BooleanField("à vérifier par le service", default=True)
    verifiee_le = models.DateTimeField("vérifiée le", null=True, blank=True)
    verifiee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name="vérifiée par",
    )  # fmt: skip
    source = models.CharField("source des informations", max_length=300, blank=True)
    cle_recherche = models.TextField(editable=False, default="")
    date_maj = models.DateTimeField("mis à jour le", auto_now=True)

    class Meta:
        verbose_name = "démarche"
        ordering = ["titre"]

    def __str__(self) -> str:
        return self.titre

    def save(self, *args, **kwargs):
        from sun.relation.catalogue.recherche import cle_de

        self.cle_recherche = cle_de(self)
        super().save(*args, **kwargs)


class Canal(models.Model):
    """One way of doing a démarche, with what it needs."""

    class Type(models.TextChoices):
        EN_LIGNE = "en_ligne", "En ligne"
        TELEPHONE = "telephone", "Par téléphone"
        GUICHET = "guichet", "Au guichet"
        COURRIER = "courrier", "Par courrier"
        COURRIEL = "courriel", "Par courriel"

    class Outil(models.TextChoices):
        AUCUN = "", "—"
        DEMARCHES_SIMPLIFIEES = "demarches_simplifiees", "Démarches Simplifiées"
        PUBLIK = "publik", "Publik"
        SUN = "sun", "Formulaire de ce site"
        AUTRE = "autre", "Autre portail"

    demarche = models.ForeignKey(Demarche, on_delete=models.CASCADE, related_name="canaux")
    type = models.CharField("canal", max_length=10, choices=Type.choices)
    ordre = models.PositiveSmallIntegerField("ordre", default=0)
    outil = models.CharField("outil en ligne", max_length=24, choices=Outil.choices, blank=True)
    url = models.URLField("adresse du formulaire en ligne", blank=True)
    telephone = models.CharField("téléphone", max_length=30, blank=True)
    courriel = models.EmailField("adresse électronique", blank=True)
    adresse = models.TextField("adresse (courrier ou guichet)", blank=True)
    horaires = models.CharField("horaires", max_length=300, blank=True)
    precisions = models.TextField("ce qu'il faut savoir", blank=True)
    lieux = models.ManyToManyField(
        "inclusion.Lieu", blank=True, related_name="demarches_possibles",
        verbose_name="guichets du registre des lieux",
    )  # fmt: skip

    class Meta:
        verbose_name = "canal"
        ordering = ["demarche", "ordre", "pk"]

    def __str__(self) -> str:
        return f"{self.demarche} — {self.get_type_display()}"
