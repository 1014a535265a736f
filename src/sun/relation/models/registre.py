"""The register of requests: every request received on every channel, its legal deadline, its
missing pieces, its full history, and the counters the service dashboards read.

A request keeps a copy of its démarche's silence rule (`regime`, `delai_*`): the rule at the
time of receipt. The derived dates (`date_decision_implicite`, `dans_les_temps`) are computed
by `sun.relation.delais` (one request) or `sun.relation.sql` (a whole set, in one UPDATE).
"""

from django.conf import settings
from django.db import models

from sun.core.champs import ListeField
from sun.relation.models.catalogue import Demarche, Regime, ServiceInstructeur, Unite


class Canal(models.TextChoices):
    """Submission channel (w.c.s. `submission_channel`, in French)."""

    EN_LIGNE = "en_ligne", "En ligne"
    TELEPHONE = "telephone", "Téléphone"
    GUICHET = "guichet", "Guichet"
    COURRIER = "courrier", "Courrier"
    COURRIEL = "courriel", "Courriel"


class Statut(models.TextChoices):
    """Démarches Simplifiées' states, plus « incomplet » (L114-5)."""

    EN_CONSTRUCTION = "en_construction", "Déposée"
    EN_INSTRUCTION = "en_instruction", "En instruction"
    INCOMPLET = "incomplet", "Incomplète : pièces demandées"
    ACCEPTE = "accepte", "Acceptée"
    REFUSE = "refuse", "Refusée"
    SANS_SUITE = "sans_suite", "Classée sans suite"


OUVERTS = (Statut.EN_CONSTRUCTION, Statut.EN_INSTRUCTION, Statut.INCOMPLET)
FINALS = (Statut.ACCEPTE, Statut.REFUSE, Statut.SANS_SUITE)


class Typologie(models.TextChoices):
    """Kinds of complaint (réclamations, orientation 11.3)."""

    ACCUEIL = "accueil", "Accueil"
    DELAI = "delai", "Délai"
    DECISION = "decision", "Contestation d'une décision"
    ERREUR = "erreur", "Erreur"
    ACCESSIBILITE = "accessibilite", "Accessibilité"
    INFORMATION = "information", "Information"
    AUTRE = "autre", "Autre"


class Usager(models.Model):
    """The minimal contact needed to answer: a name and one way to reach the person."""

    nom = models.CharField("nom", max_length=150)
    courriel = models.EmailField("courriel", blank=True)
    telephone = models.CharField("téléphone", max_length=30, blank=True)
    adresse = models.TextField("adresse postale", blank=True)
    code_postal = models.CharField("code postal", max_length=5, blank=True)
    # Normalised e-mail and phone, to find the person again (« dites-le-nous une fois »).
    cle_courriel = models.CharField(max_length=254, blank=True, db_index=True, editable=False)
    cle_telephone = models.CharField(max_length=20, blank=True, db_index=True, editable=False)
    cle_nom = models.CharField(max_length=150, blank=True, db_index=True, editable=False)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    demonstration = models.BooleanField("démonstration", default=False)

    class Meta:
        verbose_name = "usager"

    def __str__(self) -> str:
        return self.nom


class Demande(models.Model):
    code_suivi = models.CharField("code de suivi", max_length=9, unique=True)
    demarche = models.ForeignKey(Demarche, on_delete=models.PROTECT, related_name="demandes")
    service = models.ForeignKey(ServiceInstructeur, on_delete=models.PROTECT,
                                related_name="demandes")  # fmt: skip
    canal = models.CharField("canal", max_length=10, choices=Canal.choices)
    recue_le = models.DateField("reçue le")
    enregistree_le = models.DateTimeField("enregistrée le", auto_now_add=True)
    enregistree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    usager = models.ForeignKey(Usager, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="demandes")  # fmt: skip
    objet = models.CharField("objet", max_length=300, blank=True)
    statut = models.CharField("statut", max_length=16, choices=Statut.choices,
                              default=Statut.EN_CONSTRUCTION)  # fmt: skip
    # The démarche's silence rule at receipt.
    regime = models.CharField(max_length=5, choices=Regime.choices)
    delai_valeur = models.PositiveSmallIntegerField()
    delai_unite = models.CharField(max_length=8, choices=Unite.choices)
    # Missing pieces (L114-5), independent of the regime: the engine reads them.
    pieces_en_attente = models.BooleanField(default=False)
    date_pieces_completes = models.DateField(null=True, blank=True)
    jours_suspendus_pieces = models.PositiveIntegerField(default=0)
    # The day at whose end the implicit decision is born (claimable from the next day).
    date_decision_implicite = models.DateField("décision implicite le", null=True, blank=True)
    decidee_le = models.DateField("décidée le", null=True, blank=True)
    dans_les_temps = models.BooleanField("décidée dans le délai", null=True)
    # Réclamations (orientation 11.3).
    typologie = models.CharField("type de réclamation", max_length=14, choices=Typologie.choices,
                                 blank=True)  # fmt: skip
    service_concerne = models.ForeignKey(
        ServiceInstructeur, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="service concerné",
    )  # fmt: skip
    # Requests imported from the tools already in use keep their number and link.
    source_externe = models.CharField(max_length=24, blank=True)
    numero_externe = models.CharField(max_length=60, blank=True)
    lien_externe = models.URLField(max_length=500, blank=True)
    accuse_envoye_le = models.DateTimeField("accusé de réception envoyé le", null=True, blank=True)
    demonstration = models.BooleanField("démonstration", default=False)

    class Meta:
        verbose_name = "demande"
        ordering = ["-recue_le", "-pk"]
        indexes = [
            models.Index(fields=["service", "statut"], name="demande_service_statut"),
            models.Index(fields=["demarche", "recue_le"], name="demande_demarche_recue"),
            models.Index(fields=["recue_le"], name="demande_recue"),
            # Open requests only, demonstration in the key: the dashboard's deadline counts are
            # index-only scans (EXPLAIN on a million requests: 12 ms → 0.4 ms).
            models.Index(
                fields=["service", "demonstration", "date_decision_implicite", "id"],
                name="demande_echeance_ouverte",
                condition=models.Q(statut__in=["en_construction", "en_instruction", "incomplet"]),
            ),
        ]  # fmt: skip
        constraints = [
            models.UniqueConstraint(
                fields=["source_externe", "numero_externe"], name="demande_externe_unique",
                condition=~models.Q(source_externe=""),
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.code_suivi} — {self.demarche}"

    @property
    def ouverte(self) -> bool:
        return self.statut in OUVERTS

    @property
    def reclamable_le(self):
        from datetime import timedelta

        d = self.date_decision_implicite
        return d + timedelta(days=1) if d else None


class DemandePieces(models.Model):
    """A request for missing pieces (L114-5): which, when asked, by when, when received."""

    demande = models.ForeignKey(Demande, on_delete=models.CASCADE, related_name="pieces")
    pieces = ListeField("pièces manquantes")
    demandees_le = models.DateField("demandées le")
    a_fournir_avant = models.DateField("à fournir avant le")
    recues_le = models.DateField("reçues le", null=True, blank=True)

    class Meta:
        verbose_name = "demande de pièces"
        ordering = ["demandees_le", "pk"]

    def __str__(self) -> str:
        return f"{self.demande_id} : {', '.join(self.pieces)}"


class Evenement(models.Model):
    """The history of a request: who, when, what."""

    class Type(models.TextChoices):
        CREATION = "creation", "Enregistrement"
        STATUT = "statut", "Changement de statut"
        PIECES_DEMANDEES = "pieces_demandees", "Pièces demandées"
        PIECES_RECUES = "pieces_recues", "Pièces reçues"
        NOTE = "note", "Note"
        ACCUSE = "accuse", "Accusé de réception"
        MODIFICATION = "modification", "Modification"
        IMPORT = "import", "Import"
        REGIME = "regime", "Nouveau délai (régime de la démarche modifié)"

    demande = models.ForeignKey(Demande, on_delete=models.CASCADE, related_name="evenements")
    le = models.DateTimeField("le", auto_now_add=True)
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    auteur_libelle = models.CharField("par", max_length=150, blank=True)
    type = models.CharField(max_length=16, choices=Type.choices)
    de_statut = models.CharField(max_length=16, choices=Statut.choices, blank=True)
    vers_statut = models.CharField(max_length=16, choices=Statut.choices, blank=True)
    commentaire = models.TextField("commentaire", blank=True)

    class Meta:
        verbose_name = "événement"
        ordering = ["le", "pk"]

    def __str__(self) -> str:
        return f"{self.le:%d/%m/%Y %H:%M} {self.get_type_display()}"


class CompteurDemandes(models.Model):
    """Requests per service, démarche, status, « in time » and demonstration: what the service
    dashboards sum instead of counting a million rows. Kept by `registre.compteurs`."""

    service = models.ForeignKey(ServiceInstructeur, on_delete=models.CASCADE, related_name="+")
    demarche = models.ForeignKey(Demarche, on_delete=models.CASCADE, related_name="+")
    statut = models.CharField(max_length=16, choices=Statut.choices)
    # "oui" / "non" decided within the legal (or announced) time, "" not decided or no time.
    dans_les_temps = models.CharField(max_length=3, blank=True)
    demonstration = models.BooleanField(default=False)
    nombre = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(
            fields=["service", "demarche", "statut", "dans_les_temps", "demonstration"],
            name="compteur_demandes_unique",
        )]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.service_id}/{self.demarche_id}/{self.statut}: {self.nombre}"


class EcheanceEnvoyee(models.Model):
    """A reminder e-mailed to a service (`sun relation echeances`): each event once."""

    demande = models.ForeignKey(Demande, on_delete=models.CASCADE, related_name="+")
    seuil = models.PositiveSmallIntegerField()  # 15 or 7 days before the implicit decision
    date_decision_implicite = models.DateField()
    envoyee_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(
            fields=["demande", "seuil", "date_decision_implicite"], name="echeance_envoyee_unique",
        )]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.demande_id} J-{self.seuil}"
