"""The register of the département's digital services (loi 2005-102 art. 47): one row per site,
intranet, extranet, app, online démarche or web software, with its last audit, its
accessibility declaration and the contents that are not accessible."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from sun.accessibilite import rgaa
from sun.accessibilite.queries import ServiceNumeriqueQuerySet


class TypeService(models.TextChoices):
    SITE = "site", "Site internet"
    INTRANET = "intranet", "Intranet"
    EXTRANET = "extranet", "Extranet"
    APPLICATION = "application", "Application mobile"
    DEMARCHE = "demarche", "Démarche en ligne"
    LOGICIEL = "logiciel", "Logiciel ou progiciel web"
    MOBILIER = "mobilier", "Mobilier urbain numérique"


class Public(models.TextChoices):
    PUBLIC = "public", "Grand public"
    AGENTS = "agents", "Agents du département"


METHODES = [(nom, nom) for nom, _ in rgaa.VERSIONS]


@dataclass(frozen=True)
class Conformite:
    """The state of a service on a given day, and why."""

    etat: rgaa.Etat
    taux: Decimal | None
    echeance: date | None
    motif: str  # why « non conforme » when no valid audit backs a rate

    @property
    def libelle(self) -> str:
        return self.etat.label

    @property
    def en_retard(self) -> bool:
        return bool(self.motif)


class ServiceNumerique(models.Model):
    slug = models.SlugField("code", max_length=80, unique=True,
                            help_text="Sert d'adresse à la déclaration : lettres, chiffres, tirets.")  # fmt: skip
    nom = models.CharField("nom", max_length=200)
    url = models.URLField("adresse", max_length=500,
                          help_text="Adresse du site, ou lien vers la fiche de l'application dans sa boutique.")  # fmt: skip
    type = models.CharField("type", max_length=12, choices=TypeService.choices)
    service = models.ForeignKey(
        "relation.ServiceInstructeur", models.SET_NULL, null=True, blank=True,
        related_name="services_numeriques", verbose_name="service responsable",
    )  # fmt: skip
    responsable = models.CharField("responsable (texte libre)", max_length=200, blank=True,
                                   help_text="Direction, service ou prestataire, s'il n'est pas dans la liste.")  # fmt: skip
    public = models.CharField("public", max_length=8, choices=Public.choices,
                              default=Public.PUBLIC)  # fmt: skip
    # The last audit of compliance.
    date_audit = models.DateField("date de l'audit", null=True, blank=True)
    methode = models.CharField("méthode", max_length=20, choices=METHODES,
                               default=rgaa.VERSION_EN_VIGUEUR)  # fmt: skip
    audite_par = models.CharField("audit réalisé par", max_length=200, blank=True)
    criteres_valides = models.PositiveSmallIntegerField("critères validés", null=True, blank=True)
    criteres_applicables = models.PositiveSmallIntegerField(
        "critères applicables", null=True, blank=True
    )
    taux = models.DecimalField("taux de conformité (%)", max_digits=5, decimal_places=2,
                               null=True, blank=True,
                               help_text="Calculé à partir des critères quand ils sont donnés.")  # fmt: skip
    # The declaration.
    declaration_etablie_le = models.DateField("déclaration établie le", null=True, blank=True)
    declaration_maj_le = models.DateField("déclaration mise à jour le", null=True, blank=True)
    declaration_url = models.URLField(
        "adresse de la déclaration publiée ailleurs", max_length=500, blank=True,
        help_text="Vide : la déclaration est la page générée par SUN.",
    )  # fmt: skip
    refonte_le = models.DateField("refonte ou modification substantielle le", null=True,
                                  blank=True, help_text="Après une refonte, la déclaration est à refaire.")  # fmt: skip
    echeance = models.DateField("prochaine échéance", null=True, blank=True, editable=False)
    technologies = models.TextField("technologies utilisées", blank=True)
    environnement_test = models.TextField(
        "environnement de test", blank=True,
        help_text="Combinaisons de navigateurs et de technologies d'assistance, une par ligne.",
    )  # fmt: skip
    outils = models.TextField("outils d'évaluation", blank=True, help_text="Un par ligne.")
    pages_testees = models.TextField("pages ayant fait l'objet de la vérification", blank=True,
                                     help_text="Une page par ligne.")  # fmt: skip
    contact_courriel = models.EmailField("courriel de contact", blank=True)
    contact_formulaire = models.URLField("formulaire de contact", max_length=500, blank=True)
    contact_autre = models.CharField("autre contact (téléphone, adresse)", max_length=300,
                                     blank=True)  # fmt: skip
    pages_a_controler = models.TextField(
        "autres pages à contrôler automatiquement", blank=True,
        help_text="Une adresse par ligne, en plus de l'adresse du service (contrôle axe-core).",
    )  # fmt: skip
    demonstration = models.BooleanField("démonstration", default=False)
    date_maj = models.DateTimeField("mis à jour le", auto_now=True)

    objects = ServiceNumeriqueQuerySet.as_manager()

    class Meta:
        verbose_name = "service numérique"
        verbose_name_plural = "services numériques"
        ordering = ["nom"]

    def __str__(self) -> str:
        return self.nom

    @property
    def base_echeance(self) -> date | None:
        return self.declaration_etablie_le or self.date_audit

    def calculer_echeance(self) -> date | None:
        return rgaa.echeance(self.base_echeance, self.methode, self.refonte_le)

    def conformite(self, aujourd_hui: date) -> Conformite:
        echeance = self.calculer_echeance()
        if self.date_audit is None or self.taux is None:
            motif = "aucun audit de conformité"
        elif echeance is not None and echeance < aujourd_hui:
            motif = f"audit ou déclaration périmé depuis le {echeance:%d/%m/%Y}"
        else:
            motif = ""
        return Conformite(rgaa.etat(self.taux, not motif), self.taux, echeance, motif)

    @property
    def declaration_publiee(self) -> bool:
        return self.declaration_etablie_le is not None

    def urls_a_controler(self, toutes: bool = True) -> list[str]:
        autres = [ligne.strip() for ligne in self.pages_a_controler.splitlines() if ligne.strip()]
        urls = [self.url, *(autres if toutes else [])]
        return list(dict.fromkeys(urls))

    def clean(self) -> None:
        erreurs: dict[str, str] = {}
        aujourd_hui = timezone.localdate()
        for champ in ("date_audit", "declaration_etablie_le", "declaration_maj_le", "refonte_le"):
            jour = getattr(self, champ)
            if jour is not None and jour > aujourd_hui:
                nom = self._meta.get_field(champ).verbose_name
                erreurs[champ] = f"La date « {nom} » ne peut pas être dans le futur."
        valides, applicables = self.criteres_valides, self.criteres_applicables
        if (valides is None) != (applicables is None):
            erreurs["criteres_applicables"] = (
                "Donnez les deux nombres : critères validés et critères applicables."
            )
        elif applicables is not None:
            if applicables > rgaa.NOMBRE_CRITERES:
                erreurs["criteres_applicables"] = (
                    f"Le RGAA compte {rgaa.NOMBRE_CRITERES} critères : pas plus de "
                    f"{rgaa.NOMBRE_CRITERES} critères applicables."
                )
            elif valides > applicables:
                erreurs["criteres_valides"] = (
                    "Plus de critères validés que de critères applicables : le taux de "
                    "conformité dépasserait 100 %."
                )
        if self.taux is not None and not 0 <= self.taux <= 100:
            erreurs["taux"] = "Le taux de conformité est compris entre 0 et 100 %."
        if (self.taux is not None or applicables is not None) and self.date_audit is None:
            erreurs["date_audit"] = "Un taux de conformité vient d'un audit : donnez sa date."
        if (
            self.declaration_maj_le and self.declaration_etablie_le
            and self.declaration_maj_le < self.declaration_etablie_le
        ):  # fmt: skip
            erreurs["declaration_maj_le"] = "La mise à jour ne peut pas précéder l'établissement."
        for ligne in self.pages_a_controler.splitlines():
            if ligne.strip() and not ligne.strip().startswith(("http://", "https://")):
                erreurs["pages_a_controler"] = (
                    f"« {ligne.strip()[:80]} » n'est pas une adresse http:// ou https://."
                )
                break
        if erreurs:
            raise ValidationError(erreurs)


class ResultatCritere(models.Model):
    """The consolidated result of one RGAA criterion over the audit's sample of pages."""

    service = models.ForeignKey(ServiceNumerique, models.CASCADE, related_name="criteres")
    critere = models.CharField("critère", max_length=6)
    etat = models.CharField("résultat", max_length=2, choices=rgaa.EtatCritere.choices)

    class Meta:
        verbose_name = "résultat d'un critère"
        verbose_name_plural = "résultats des critères"
        constraints = [
            models.UniqueConstraint(fields=["service", "critere"], name="critere_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.critere} : {self.etat}"


class Categorie(models.TextChoices):
    NON_CONFORMITE = "non_conformite", "Non-conformités"
    DEROGATION = "derogation", "Dérogations pour charge disproportionnée"
    HORS_CHAMP = "hors_champ", "Contenus non soumis à l'obligation d'accessibilité"


class ContenuNonAccessible(models.Model):
    service = models.ForeignKey(ServiceNumerique, models.CASCADE, related_name="contenus")
    categorie = models.CharField("catégorie", max_length=14, choices=Categorie.choices)
    description = models.TextField("contenu et défaut")
    criteres = models.CharField("critères concernés", max_length=200, blank=True,
                                help_text="Par exemple : 1.1, 3.2.")  # fmt: skip
    justification = models.TextField("justification", blank=True,
                                     help_text="Obligatoire pour une dérogation.")  # fmt: skip
    alternative = models.TextField("alternative accessible", blank=True,
                                   help_text="Obligatoire pour une dérogation.")  # fmt: skip

    class Meta:
        verbose_name = "contenu non accessible"
        verbose_name_plural = "contenus non accessibles"
        ordering = ["categorie", "pk"]

    def __str__(self) -> str:
        return self.description[:80]

    def clean(self) -> None:
        if self.categorie == Categorie.DEROGATION:
            erreurs = {}
            if not self.justification.strip():
                erreurs["justification"] = (
                    "Une dérogation pour charge disproportionnée doit être justifiée."
                )
            if not self.alternative.strip():
                erreurs["alternative"] = (
                    "Une dérogation pour charge disproportionnée doit proposer une alternative "
                    "accessible."
                )
            if erreurs:
                raise ValidationError(erreurs)
