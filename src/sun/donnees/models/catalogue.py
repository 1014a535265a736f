"""The catalogue: datasets (DCAT-AP `dcat:Dataset`, udata's dataset), their resources (one
file each, at a stable address) and the dated versions of each resource's file."""

import uuid

from django.conf import settings
from django.db import models

from sun.donnees.referentiel import Format, Frequence, Licence, Maille


class Origine(models.TextChoices):
    SUN = "sun", "Produit par SUN"
    DEPOT = "depot", "Déposé par un agent"


class StatutJeu(models.TextChoices):
    BROUILLON = "brouillon", "Brouillon"
    PUBLIE = "publie", "Publié"
    RETIRE = "retire", "Retiré"


class JeuDeDonnees(models.Model):
    slug = models.SlugField("adresse", max_length=100, unique=True)
    titre = models.CharField("titre", max_length=200)
    description = models.TextField("description")
    origine = models.CharField("origine", max_length=10, choices=Origine.choices,
                               default=Origine.DEPOT)  # fmt: skip
    # Code of the declaration (sun.donnees.declarations) of a dataset SUN produces itself.
    declaration = models.CharField("déclaration", max_length=100, blank=True)
    editeur = models.CharField("éditeur", max_length=200, blank=True)
    service = models.CharField("service producteur", max_length=200, blank=True)
    contact_nom = models.CharField("point de contact", max_length=200, blank=True)
    contact_email = models.EmailField("courriel du point de contact", blank=True)
    licence = models.CharField("licence", max_length=20, choices=Licence.choices, blank=True,
                               default=Licence.LO_2)  # fmt: skip
    themes = models.JSONField("thèmes", default=list)  # values of referentiel.Theme
    mots_cles = models.JSONField("mots-clés", default=list)
    couverture_spatiale = models.JSONField("couverture spatiale (codes INSEE)", default=list)
    maille = models.CharField("maille", max_length=20, choices=Maille.choices,
                              default=Maille.DEPARTEMENTALE)  # fmt: skip
    couverture_debut = models.DateField("début de la couverture temporelle", null=True,
                                        blank=True)  # fmt: skip
    couverture_fin = models.DateField("fin de la couverture temporelle", null=True, blank=True)
    frequence = models.CharField("fréquence de mise à jour", max_length=20,
                                 choices=Frequence.choices, default=Frequence.INCONNUE)  # fmt: skip
    schema_id = models.CharField("schéma (identifiant schema.data.gouv.fr)", max_length=150,
                                 blank=True)  # fmt: skip
    schema_version = models.CharField("version du schéma", max_length=30, blank=True)
    statut = models.CharField("statut", max_length=10, choices=StatutJeu.choices,
                              default=StatutJeu.BROUILLON)  # fmt: skip
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    # When its data last changed (a new version of a resource), not its metadata.
    modifie_le = models.DateTimeField("données modifiées le", null=True, blank=True)
    metadonnees_modifiees_le = models.DateTimeField("métadonnées modifiées le", auto_now=True)
    publie_le = models.DateTimeField("publié le", null=True, blank=True)
    retire_le = models.DateTimeField("retiré le", null=True, blank=True)
    cree_par = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    # Publication to data.gouv.fr (optional setting): remote id, last success, last failure.
    datagouv_id = models.CharField("identifiant data.gouv.fr", max_length=50, blank=True)
    datagouv_publie_le = models.DateTimeField(null=True, blank=True)
    datagouv_erreur = models.TextField("dernière erreur data.gouv.fr", blank=True)
    datagouv_a_jour = models.BooleanField("à jour sur data.gouv.fr", default=False)

    class Meta:
        verbose_name = "jeu de données"
        verbose_name_plural = "jeux de données"
        ordering = ["titre"]
        constraints = [
            models.UniqueConstraint(fields=["declaration"], condition=~models.Q(declaration=""),
                                    name="donnees_declaration_unique"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return self.titre


class TypeRessource(models.TextChoices):
    # udata's resource types.
    PRINCIPALE = "main", "Fichier principal"
    DOCUMENTATION = "documentation", "Documentation"
    API = "api", "API"
    AUTRE = "other", "Autre"


class Ressource(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    jeu = models.ForeignKey(JeuDeDonnees, on_delete=models.CASCADE, related_name="ressources")
    titre = models.CharField("titre", max_length=200)
    description = models.TextField("description", blank=True)
    format = models.CharField("format", max_length=10, choices=Format.choices)
    type = models.CharField("type", max_length=15, choices=TypeRessource.choices,
                            default=TypeRessource.PRINCIPALE)  # fmt: skip
    # Code of the resource within its dataset's declaration (SUN-produced resources).
    declaration = models.CharField("déclaration", max_length=100, blank=True)
    schema_id = models.CharField("schéma", max_length=150, blank=True)
    schema_version = models.CharField("version du schéma", max_length=30, blank=True)
    ordre = models.PositiveSmallIntegerField(default=0)
    cree_le = models.DateTimeField("créée le", auto_now_add=True)
    datagouv_id = models.CharField("identifiant data.gouv.fr", max_length=50, blank=True)

    class Meta:
        verbose_name = "ressource"
        ordering = ["jeu", "ordre", "titre"]

    def __str__(self) -> str:
        return f"{self.jeu} — {self.titre}"


class StatutValidation(models.TextChoices):
    VALIDE = "valide", "Conforme au schéma"
    INVALIDE = "invalide", "Non conforme au schéma"
    SANS_SCHEMA = "sans_schema", "Sans schéma déclaré"
    ILLISIBLE = "illisible", "Fichier illisible"


class VersionRessource(models.Model):
    """One file of a resource, kept at its own address with its checksum: the latest published
    version is what the resource's stable address serves."""

    ressource = models.ForeignKey(Ressource, on_delete=models.CASCADE, related_name="versions")
    numero = models.PositiveIntegerField("version")
    # Path under VAR_DIR/donnees/ (never a path given by a user).
    fichier = models.CharField(max_length=300)
    nom_fichier = models.CharField("nom du fichier", max_length=200)
    taille = models.BigIntegerField("taille (octets)")
    sha1 = models.CharField(max_length=40)
    sha256 = models.CharField(max_length=64)
    lignes = models.PositiveIntegerField("lignes", null=True, blank=True)
    encodage = models.CharField("encodage", max_length=30, blank=True)
    # For a SUN-produced resource: the fingerprint of the data versions it was made from.
    empreinte = models.CharField(max_length=64, blank=True)
    schema_id = models.CharField("schéma", max_length=150, blank=True)
    schema_version = models.CharField("version du schéma", max_length=30, blank=True)
    statut_validation = models.CharField("validation", max_length=15,
                                         choices=StatutValidation.choices)  # fmt: skip
    rapport = models.JSONField("rapport de validation", default=dict)
    publiee = models.BooleanField("publiée", default=False)
    publiee_le = models.DateTimeField(null=True, blank=True)
    # An administrator may publish a non-conforming file, with a reason.
    derogation_motif = models.TextField("motif de la dérogation", blank=True)
    derogation_par = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    cree_le = models.DateTimeField("créée le", auto_now_add=True)
    cree_par = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")  # fmt: skip

    class Meta:
        verbose_name = "version d'une ressource"
        verbose_name_plural = "versions des ressources"
        ordering = ["ressource", "-numero"]
        constraints = [
            models.UniqueConstraint(fields=["ressource", "numero"], name="donnees_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.ressource} (version {self.numero})"
