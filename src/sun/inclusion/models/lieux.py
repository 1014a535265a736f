"""The register of lieux de médiation numérique, on the national standard v1.

A `Lieu` holds every field of the standard under its own name (multi-valued fields as lists
restricted to the standard's enumerations) plus what a register needs: where each record came
from (`SourceLieu`), how precise its location is, its status, the structure it belongs to,
and a full change history (`HistoriqueLieu`).
"""

import uuid

from django.conf import settings
from django.db import models

from sun.core.champs import ListeField
from sun.inclusion.lieux.doublons import cles_comparaison
from sun.inclusion.lieux.version_registre import registre_modifie
from sun.territoire.models import Commune

SOURCE_DEMO = "démonstration"


class Structure(models.Model):
    """The organisation a place belongs to, identified by its SIRET (or RNA)."""

    pivot = models.CharField("SIRET ou RNA", max_length=14, unique=True)
    nom = models.CharField("nom", max_length=200, blank=True)
    adresse = models.CharField("adresse", max_length=250, blank=True)
    commune_ref = models.ForeignKey(
        Commune, null=True, blank=True, on_delete=models.SET_NULL, related_name="structures",
        verbose_name="commune",
    )  # fmt: skip
    demonstration = models.BooleanField("donnée de démonstration", default=False)
    # Médiateurs of the structure: they may edit its places.
    membres = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="structures", verbose_name="membres"
    )

    class Meta:
        verbose_name = "structure"
        ordering = ["nom", "pivot"]

    def __str__(self) -> str:
        return f"{self.nom or 'Structure'} ({self.pivot})"


class LieuManager(models.Manager):
    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for lieu in objs:
            lieu.preparer_cles_doublons()
        registre_modifie()
        return super().bulk_create(objs, *args, **kwargs)


class Lieu(models.Model):
    class Statut(models.TextChoices):
        ACTIF = "actif", "Actif"
        FERME = "ferme", "Fermé"
        A_VERIFIER = "a_verifier", "À vérifier"

    class Precision(models.TextChoices):
        EXACTE = "exacte", "Coordonnées de la source"
        ADRESSE = "adresse", "Géocodée à l'adresse"
        COMMUNE = "commune", "Placée à la commune (mairie ou centre)"
        AUCUNE = "aucune", "Non localisée"

    # --- the 32 fields of the standard, named as the standard spells them -------------------
    id = models.UUIDField("identifiant", primary_key=True, default=uuid.uuid4, editable=False)
    pivot = models.CharField("SIRET ou RNA", max_length=14, blank=True)
    nom = models.CharField("nom", max_length=250)
    commune = models.CharField("commune", max_length=100)
    code_postal = models.CharField("code postal", max_length=5, blank=True)
    code_insee = models.CharField("code INSEE", max_length=5, blank=True, db_index=True)
    adresse = models.CharField("adresse", max_length=250, blank=True)
    complement_adresse = models.CharField("complément d'adresse", max_length=250, blank=True)
    latitude = models.FloatField("latitude", null=True, blank=True)
    longitude = models.FloatField("longitude", null=True, blank=True)
    typologie = ListeField("typologie")
    telephone = models.CharField("téléphone", max_length=20, blank=True)
    courriels = ListeField("courriels")
    site_web = ListeField("sites web")
    horaires = models.CharField("horaires (OpenStreetMap)", max_length=1000, blank=True)
    presentation_resume = models.CharField("présentation résumée", max_length=280, blank=True)
    presentation_detail = models.TextField("présentation détaillée", blank=True)
    source = models.CharField("structure collectant la donnée", max_length=200, blank=True)
    itinerance = ListeField("itinérance")
    structure_parente = models.CharField("structure parente", max_length=250, blank=True)
    date_maj = models.DateField("date de mise à jour")
    # False when the source gave no date (the import's date was used): it then loses merges.
    date_maj_fournie = models.BooleanField("date donnée par la source", default=True)
    services = ListeField("services")
    publics_specifiquement_adresses = ListeField("publics spécifiquement adressés")
    prise_en_charge_specifique = ListeField("prise en charge spécifique")
    frais_a_charge = ListeField("frais à charge")
    dispositif_programmes_nationaux = ListeField("dispositifs et programmes nationaux")
    formations_labels = ListeField("formations et labels")
    autres_formations_labels = ListeField("autres formations et labels")
    modalites_acces = ListeField("modalités d'accès")
    modalites_accompagnement = ListeField("modalités d'accompagnement")
    fiche_acces_libre = models.URLField("fiche Accès libre", max_length=500, blank=True)
    prise_rdv = models.URLField("prise de rendez-vous", max_length=500, blank=True)

    # --- what the register adds ------------------------------------------------------------
    commune_ref = models.ForeignKey(
        Commune,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lieux",
        verbose_name="commune (référentiel)",
    )
    structure = models.ForeignKey(
        Structure, null=True, blank=True, on_delete=models.SET_NULL, related_name="lieux"
    )
    precision_localisation = models.CharField(
        "précision de la localisation",
        max_length=10,
        choices=Precision.choices,
        default=Precision.AUCUNE,
    )
    statut = models.CharField("statut", max_length=12, choices=Statut.choices, default=Statut.ACTIF)
    date_statut = models.DateField("date du statut", null=True, blank=True)
    demonstration = models.BooleanField("donnée de démonstration", default=False)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)
    # Name and address folded for duplicate detection, kept up to date on every save.
    cles_doublons = models.CharField(max_length=600, blank=True, editable=False)

    objects = LieuManager()

    class Meta:
        verbose_name = "lieu de médiation numérique"
        verbose_name_plural = "lieux de médiation numérique"
        ordering = ["nom"]
        indexes = [models.Index(fields=["statut", "code_insee"], name="lieu_statut_commune_idx")]

    def __str__(self) -> str:
        return f"{self.nom} ({self.commune})"

    def save(self, *args, **kwargs):
        self.preparer_cles_doublons()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"nom", "adresse", "commune"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "cles_doublons"}
        super().save(*args, **kwargs)
        registre_modifie()

    def delete(self, *args, **kwargs):
        resultat = super().delete(*args, **kwargs)
        registre_modifie()
        return resultat

    def preparer_cles_doublons(self) -> None:
        self.cles_doublons = cles_comparaison(self.nom, self.adresse, self.commune)


class ImportLieux(models.Model):
    """One import run: which file, from which source, by whom, with what result."""

    source = models.CharField("source", max_length=100)
    fichier = models.CharField("fichier", max_length=300)
    format = models.CharField("format détecté", max_length=300)
    date = models.DateTimeField("date", auto_now_add=True)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    essai = models.BooleanField("essai à blanc", default=False)
    partiel = models.BooleanField("import partiel", default=False)
    compteurs = models.JSONField("compteurs", default=dict)
    rapport = models.CharField("rapport CSV", max_length=300, blank=True)

    class Meta:
        verbose_name = "import de lieux"
        verbose_name_plural = "imports de lieux"
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"Import {self.source} du {self.date:%d/%m/%Y %H:%M}"


class SourceLieu(models.Model):
    """A place as known by one source: its identifier there and when it was seen."""

    lieu = models.ForeignKey(Lieu, on_delete=models.CASCADE, related_name="sources")
    source = models.CharField("source", max_length=100)
    identifiant = models.CharField("identifiant dans la source", max_length=300)
    empreinte = models.CharField("empreinte de la ligne source", max_length=64)
    premier_import = models.ForeignKey(
        ImportLieux, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    dernier_import = models.ForeignKey(
        ImportLieux, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    vu_la_premiere_fois = models.DateTimeField("vu la première fois")
    vu_la_derniere_fois = models.DateTimeField("vu la dernière fois")
    disparu_le = models.DateField("absent de la source depuis", null=True, blank=True)

    class Meta:
        verbose_name = "identifiant source"
        constraints = [
            models.UniqueConstraint(
                fields=["source", "identifiant"], name="source_identifiant_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} : {self.identifiant}"


class HistoriqueLieu(models.Model):
    class Action(models.TextChoices):
        CREATION = "creation", "Création"
        MODIFICATION = "modification", "Modification"
        FERMETURE = "fermeture", "Fermeture"
        REOUVERTURE = "reouverture", "Réouverture"
        FUSION = "fusion", "Fusion"

    lieu = models.ForeignKey(Lieu, on_delete=models.CASCADE, related_name="historique")
    date = models.DateTimeField("date", auto_now_add=True)
    action = models.CharField("action", max_length=15, choices=Action.choices)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    import_lieux = models.ForeignKey(ImportLieux, null=True, blank=True, on_delete=models.SET_NULL)
    # {champ: [ancienne valeur, nouvelle valeur]}
    changements = models.JSONField("changements", default=dict)
    commentaire = models.CharField("commentaire", max_length=300, blank=True)

    class Meta:
        verbose_name = "historique d'un lieu"
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} de {self.lieu_id} le {self.date:%d/%m/%Y}"


class PaireDoublon(models.Model):
    """Two places that may be the same: merged, kept apart, or waiting for a coordinator.

    Decisions are remembered: a pair kept apart is not proposed again by later imports, and a
    merged place keeps every source identifier, so its sources keep updating it.
    """

    class Statut(models.TextChoices):
        A_REVOIR = "a_revoir", "À examiner"
        FUSIONNEE = "fusionnee", "Fusionnés"
        DISTINCTS = "distincts", "Gardés séparés"

    lieu_a = models.ForeignKey(Lieu, on_delete=models.CASCADE, related_name="+")
    lieu_b = models.ForeignKey(Lieu, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField("score")
    details = models.JSONField("détail du score", default=dict)
    statut = models.CharField(
        "statut", max_length=10, choices=Statut.choices, default=Statut.A_REVOIR
    )
    decide_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    decide_le = models.DateTimeField("décidé le", null=True, blank=True)

    class Meta:
        verbose_name = "paire de doublons possibles"
        verbose_name_plural = "paires de doublons possibles"
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["lieu_a", "lieu_b"], name="paire_doublon_unique")
        ]

    def __str__(self) -> str:
        return f"{self.lieu_a_id} ~ {self.lieu_b_id} ({self.score})"


class SignalementErreur(models.Model):
    """A correction proposed by anyone on a place's public page, for the coordinators."""

    class Sujet(models.TextChoices):
        HORAIRES = "horaires", "Les horaires"
        ADRESSE = "adresse", "L'adresse ou la position sur la carte"
        CONTACT = "contact", "Le téléphone, le courriel ou le site"
        SERVICES = "services", "Les services proposés"
        FERME = "ferme", "Le lieu a fermé ou a déménagé"
        AUTRE = "autre", "Autre chose"

    class Statut(models.TextChoices):
        NOUVEAU = "nouveau", "À traiter"
        TRAITE = "traite", "Corrigé"
        REJETE = "rejete", "Sans suite"

    lieu = models.ForeignKey(Lieu, on_delete=models.CASCADE, related_name="signalements")
    sujet = models.CharField("ce qui est faux", max_length=10, choices=Sujet.choices)
    message = models.TextField("message", max_length=2000)
    courriel = models.EmailField("courriel pour être recontacté (facultatif)", blank=True)
    cree_le = models.DateTimeField("reçu le", auto_now_add=True)
    statut = models.CharField(
        "statut", max_length=8, choices=Statut.choices, default=Statut.NOUVEAU
    )
    traite_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    traite_le = models.DateTimeField("traité le", null=True, blank=True)

    class Meta:
        verbose_name = "signalement d'erreur"
        verbose_name_plural = "signalements d'erreur"
        ordering = ["-cree_le"]
        indexes = [models.Index(fields=["statut", "cree_le"], name="signalement_statut_idx")]

    def __str__(self) -> str:
        return f"{self.get_sujet_display()} — {self.lieu_id}"
