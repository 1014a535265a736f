"""Retention (schéma 10.2, 10.3): the tableau de gestion, the elimination slips the Archives
départementales approve (Code du patrimoine L212-2, R212-14), the transfers of records to
keep, and the log of each purge run (counts, never content)."""

from django.conf import settings
from django.db import models


class Unite(models.TextChoices):
    ANNEES = "annees", "an(s)"
    MOIS = "mois", "mois"
    JOURS = "jours", "jour(s)"


class PointDepart(models.TextChoices):
    CLOTURE = "cloture", "Clôture du dossier"
    CREATION = "creation", "Création de l'enregistrement"
    FIN_EXERCICE = "fin_exercice", "Fin de l'exercice"
    ECHEANCE_CONTRAT = "echeance_contrat", "Échéance du contrat"
    FIN_VALIDITE = "fin_validite", "Fin de validité"
    DEPART_AGENT = "depart_agent", "Départ de l'agent"
    DERNIERE_ACTIVITE = "derniere_activite", "Dernière activité"
    AUTRE = "autre", "Autre (préciser)"


class SortFinal(models.TextChoices):
    CONSERVER = "C", "Conserver"
    DETRUIRE = "D", "Détruire"
    TRIER = "T", "Trier"


class RegleConservation(models.Model):
    code = models.CharField("identifiant de la règle", max_length=40, unique=True)
    # A kind of SUN record this rule applies to (sun.donnees.conservation.types), or empty for
    # a document kind SUN does not hold (the tableau de gestion lists them too).
    type_enregistrement = models.CharField("enregistrements de SUN", max_length=60, blank=True)
    typologie = models.CharField("typologie des documents", max_length=250)
    service = models.CharField("service", max_length=200, blank=True)
    processus = models.CharField("processus", max_length=200, blank=True)
    dua_valeur = models.PositiveIntegerField("durée d'utilité administrative")
    dua_unite = models.CharField("unité", max_length=10, choices=Unite.choices,
                                 default=Unite.ANNEES)  # fmt: skip
    point_depart = models.CharField("point de départ", max_length=20,
                                    choices=PointDepart.choices)  # fmt: skip
    sort_final = models.CharField("sort final", max_length=1, choices=SortFinal.choices)
    # Personal data are anonymised at once after this period (GDPR), before the DUA ends.
    rgpd_valeur = models.PositiveIntegerField("durée de conservation des données personnelles",
                                              null=True, blank=True)  # fmt: skip
    rgpd_unite = models.CharField("unité", max_length=10, choices=Unite.choices,
                                  default=Unite.MOIS)  # fmt: skip
    modalites_tri = models.TextField("modalités de tri", blank=True)
    observations = models.TextField("observations", blank=True)
    reference = models.CharField("référence réglementaire", max_length=300, blank=True)
    communicabilite = models.CharField("communicabilité", max_length=200, blank=True)
    source = models.CharField("instruction ou source", max_length=200, blank=True)
    valide_archives_le = models.DateField("validée par les Archives le", null=True, blank=True)
    modifie_le = models.DateTimeField("modifiée le", auto_now=True)
    modifie_par = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")  # fmt: skip

    class Meta:
        verbose_name = "règle de conservation"
        verbose_name_plural = "tableau de gestion"
        ordering = ["service", "typologie"]

    def __str__(self) -> str:
        return f"{self.code} — {self.typologie}"


class StatutBordereau(models.TextChoices):
    PROPOSE = "propose", "Proposé, en attente du visa"
    VISE = "vise", "Visé par les Archives"
    REFUSE = "refuse", "Refusé par les Archives"
    EXECUTE = "execute", "Éliminé"
    ANNULE = "annule", "Annulé"


class BordereauElimination(models.Model):
    numero = models.CharField("numéro", max_length=20, unique=True)
    regle = models.ForeignKey(RegleConservation, on_delete=models.PROTECT,
                              related_name="bordereaux")  # fmt: skip
    type_enregistrement = models.CharField(max_length=60)
    statut = models.CharField(max_length=10, choices=StatutBordereau.choices,
                              default=StatutBordereau.PROPOSE)  # fmt: skip
    # Primary keys of the records listed (identifiers, never their content).
    identifiants = models.JSONField(default=list)
    nombre = models.PositiveIntegerField("nombre d'enregistrements")
    date_debut = models.DateField("date extrême de début", null=True, blank=True)
    date_fin = models.DateField("date extrême de fin", null=True, blank=True)
    cree_le = models.DateTimeField(auto_now_add=True)
    cree_par = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    vise_le = models.DateTimeField(null=True, blank=True)
    vise_par = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    motif_refus = models.TextField("motif du refus", blank=True)
    execute_le = models.DateTimeField(null=True, blank=True)
    nombre_elimine = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "bordereau d'élimination"
        verbose_name_plural = "bordereaux d'élimination"
        ordering = ["-cree_le"]

    def __str__(self) -> str:
        return f"Bordereau {self.numero}"


class StatutVersement(models.TextChoices):
    PREPARE = "prepare", "Préparé, à remettre aux Archives"
    RECU = "recu", "Reçu par les Archives"
    ANNULE = "annule", "Annulé"


class Versement(models.Model):
    """Records to keep (sort final C, or T) past their DUA, exported with a SEDA manifest for
    the Archives départementales before anything is removed from SUN."""

    numero = models.CharField("numéro", max_length=20, unique=True)
    regle = models.ForeignKey(RegleConservation, on_delete=models.PROTECT,
                              related_name="versements")  # fmt: skip
    type_enregistrement = models.CharField(max_length=60)
    statut = models.CharField(max_length=10, choices=StatutVersement.choices,
                              default=StatutVersement.PREPARE)  # fmt: skip
    identifiants = models.JSONField(default=list)
    nombre = models.PositiveIntegerField("nombre d'enregistrements")
    date_debut = models.DateField(null=True, blank=True)
    date_fin = models.DateField(null=True, blank=True)
    fichier = models.CharField(max_length=300)  # path under VAR_DIR/donnees/versements/
    sha256 = models.CharField(max_length=64)
    cree_le = models.DateTimeField(auto_now_add=True)
    recu_le = models.DateTimeField(null=True, blank=True)
    recu_par = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    execute_le = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "versement aux Archives"
        verbose_name_plural = "versements aux Archives"
        ordering = ["-cree_le"]

    def __str__(self) -> str:
        return f"Versement {self.numero}"


class ExecutionPurge(models.Model):
    lancee_le = models.DateTimeField(auto_now_add=True)
    essai = models.BooleanField(default=False)
    par = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                            on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    # One entry per kind of record: {type, anonymises, proposes, elimines, verses, supprimes}.
    resultats = models.JSONField(default=list)
    erreurs = models.TextField(blank=True)

    class Meta:
        verbose_name = "exécution de la purge"
        ordering = ["-lancee_le"]

    def __str__(self) -> str:
        return f"Purge du {self.lancee_le:%d/%m/%Y %H:%M}" + (" (essai)" if self.essai else "")
