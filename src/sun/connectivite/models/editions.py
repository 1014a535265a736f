"""Editions of the connectivity files and their rows, one row per commune and edition.

History is the point: every edition is kept (an ARCEP quarter, a copper trajectory file of a
given date). Rows carry the INSEE code as text, not a foreign key: a `--tous` load of France
works on a site that only knows its own département's communes. Shares are computed, never
stored.
"""

from django.db import models


class Genre(models.TextChoices):
    MCI_MEILLEURE_TECHNO = "mci_meilleure_techno", "Ma connexion internet : meilleure technologie"
    MCI_DEBIT_FILAIRE = "mci_debit_filaire", "Ma connexion internet : débits filaires"
    MCI_TECHNO = "mci_techno", "Ma connexion internet : technologies"
    FTTH = "ftth", "Observatoire FttH de l'Arcep : locaux raccordables par trimestre"
    CUIVRE_ORANGE = "cuivre_orange", "Fermeture du cuivre : fichier trajectoire d'Orange"
    CUIVRE_GOUV = (
        "cuivre_gouv",
        "Fermeture du cuivre : données du ministère (data.economie.gouv.fr)",
    )
    MOBILE = "mobile", "Mon réseau mobile : couverture par commune et opérateur"


class EditionQuerySet(models.QuerySet):
    def du_genre(self, *genres: str):
        return self.filter(genre__in=genres)

    def reelles(self):
        return self.filter(demonstration=False)

    def plus_recente(self, *genres: str, reelles: bool = False):
        """The newest edition of these kinds (None when there is none): the newest real one
        whenever one exists (a demonstration edition never hides real data), else the newest
        demonstration edition unless `reelles`."""
        editions = self.du_genre(*genres).order_by("-date_edition", "-importee_le")
        reelle = editions.filter(demonstration=False).first()
        return reelle or (None if reelles else editions.first())


class Edition(models.Model):
    """One edition of one kind of file: what was imported, as of when, from where."""

    genre = models.CharField("type de fichier", max_length=30, choices=Genre.choices)
    date_edition = models.DateField("date de l'édition")
    fichier = models.CharField("fichier importé", max_length=300, blank=True)
    source = models.CharField("source", max_length=300)
    source_url = models.URLField("adresse de la source", max_length=500, blank=True)
    # Département code when the national file was filtered to it; empty: the whole of France.
    perimetre = models.CharField("périmètre", max_length=3, blank=True)
    importee_le = models.DateTimeField("importée le", auto_now=True)
    demonstration = models.BooleanField("démonstration", default=False)

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = "édition d'un fichier de connectivité"
        verbose_name_plural = "éditions des fichiers de connectivité"
        ordering = ["genre", "-date_edition"]
        constraints = [
            models.UniqueConstraint(fields=["genre", "date_edition"], name="edition_genre_date")
        ]

    def __str__(self) -> str:
        return f"{self.get_genre_display()} — {self.date_edition:%d/%m/%Y}"


class LigneEdition(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    code_insee = models.CharField("code INSEE", max_length=5)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.code_insee} ({self.edition_id})"


def _entier(libelle: str):
    return models.PositiveIntegerField(libelle, null=True, blank=True)


class MeilleureTechnoCommune(LigneEdition):
    """ARCEP MCI `commune_meilleure_techno_thd.csv`: each premises counted once, under its best
    technology (the `elig_*` columns add up to `nbr_elig_8`)."""

    nbr = models.PositiveIntegerField("locaux")
    nbr_elig_8 = _entier("locaux éligibles (total des 8 classes)")
    elig_ftth = _entier("fibre (FttH)")
    elig_coax = _entier("câble (coaxial)")
    elig_cu_30 = _entier("cuivre ≥ 30 Mbit/s")
    elig_thdr = _entier("très haut débit radio")
    elig_cu_8 = _entier("cuivre ≥ 8 Mbit/s")
    elig_4gf = _entier("4G fixe")
    elig_hdr = _entier("haut débit radio")
    elig_sat = _entier("satellite")

    class Meta:
        verbose_name = "meilleure technologie (commune)"
        constraints = [models.UniqueConstraint(fields=["edition", "code_insee"],
                                               name="mci_meilleure_unique")]  # fmt: skip


class DebitFilaireCommune(LigneEdition):
    """ARCEP MCI `commune_debit_filaire.csv`: premises eligible at each download speed, wired
    access only; cumulative thresholds."""

    nbr = models.PositiveIntegerField("locaux")
    inel_hd = _entier("inéligibles au haut débit filaire")
    elig_hd05 = _entier("≥ 0,5 Mbit/s")
    elig_hd3 = _entier("≥ 3 Mbit/s")
    elig_bhd8 = _entier("≥ 8 Mbit/s")
    elig_thd30 = _entier("≥ 30 Mbit/s")
    elig_thd100 = _entier("≥ 100 Mbit/s")
    elig_thd1g = _entier("≥ 1 Gbit/s")

    class Meta:
        verbose_name = "débits filaires (commune)"
        constraints = [models.UniqueConstraint(fields=["edition", "code_insee"],
                                               name="mci_debit_unique")]  # fmt: skip


class TechnoCommune(LigneEdition):
    """ARCEP MCI `commune_techno.csv`: premises eligible per technology (overlapping)."""

    nbr = models.PositiveIntegerField("locaux")
    elig_ftth = _entier("fibre (FttH)")
    elig_coax = _entier("câble (coaxial)")
    elig_cu = _entier("cuivre")
    elig_thdr = _entier("très haut débit radio")
    elig_4gf = _entier("4G fixe")
    elig_hdr = _entier("haut débit radio")
    elig_sat = _entier("satellite")

    class Meta:
        verbose_name = "technologies (commune)"
        constraints = [models.UniqueConstraint(fields=["edition", "code_insee"],
                                               name="mci_techno_unique")]  # fmt: skip


class CommuneFtth(LigneEdition):
    """A commune of the ARCEP FttH observatory workbook (sheet `Communes`) in one edition."""

    siren_epci = models.CharField("SIREN de l'EPCI", max_length=9, blank=True)
    locaux_estimes = _entier("meilleure estimation des locaux")
    commune_rurale = models.BooleanField("commune rurale", null=True)
    commune_montagne = models.BooleanField("commune de montagne", null=True)
    zone_tres_dense = models.BooleanField("zone très dense", null=True)

    class Meta:
        verbose_name = "commune de l'observatoire FttH"
        constraints = [models.UniqueConstraint(fields=["edition", "code_insee"],
                                               name="ftth_commune_unique")]  # fmt: skip


class DeploiementFtth(LigneEdition):
    """FttH-connectable premises (*locaux raccordables*) at the end of one quarter, as the
    edition gives it (ARCEP revises past quarters: each edition keeps its own series)."""

    trimestre = models.DateField("fin du trimestre")
    locaux_raccordables = models.PositiveIntegerField("locaux raccordables")

    class Meta:
        verbose_name = "déploiement FttH (commune, trimestre)"
        constraints = [models.UniqueConstraint(fields=["edition", "code_insee", "trimestre"],
                                               name="ftth_trimestre_unique")]  # fmt: skip
        indexes = [models.Index(fields=["code_insee", "edition"], name="ftth_commune_idx")]


class CalendrierCuivre(LigneEdition):
    """The copper switch-off of one commune in one file (Orange's trajectory or the
    government's copy): lot, commercial (FC) and technical (FT) closure dates."""

    lot = models.CharField("lot", max_length=20, blank=True)
    date_fc = models.DateField("fermeture commerciale", null=True, blank=True)
    date_ft = models.DateField("fermeture technique", null=True, blank=True)
    date_fc_initiale = models.DateField("fermeture commerciale initiale", null=True, blank=True)
    date_ft_initiale = models.DateField("fermeture technique initiale", null=True, blank=True)
    report_fc = models.BooleanField("fermeture commerciale reportée", null=True)
    eligibilite_ftth = models.FloatField("éligibilité FttH (part)", null=True, blank=True)
    nb_log_refus_tiers = _entier("logements bloqués par un refus de tiers")
    nb_log_blocage_eligibilite = _entier("logements au blocage d'éligibilité")
    message_usager = models.TextField("message aux usagers", blank=True)

    class Meta:
        verbose_name = "calendrier de fermeture du cuivre (commune)"
        constraints = [models.UniqueConstraint(fields=["edition", "code_insee"],
                                               name="cuivre_commune_unique")]  # fmt: skip


class Operateur(models.TextChoices):
    ORANGE = "20801", "Orange"
    SFR = "20810", "SFR"
    FREE = "20815", "Free Mobile"
    BOUYGUES = "20820", "Bouygues Telecom"


class CouvertureMobile(LigneEdition):
    """ARCEP Mon réseau mobile `AAAATn_op_communes.csv`: shares of the commune's area (`couv_*`)
    and population (`pop_*`) at each coverage level, per technology and operator."""

    techno = models.CharField("technologie", max_length=5)
    operateur = models.CharField("opérateur (MCC-MNC)", max_length=5, choices=Operateur.choices)
    couv_nc = models.FloatField("territoire non couvert (%)")
    couv_cl = models.FloatField("territoire en couverture limitée (%)")
    couv_bc = models.FloatField("territoire en bonne couverture (%)")
    couv_tbc = models.FloatField("territoire en très bonne couverture (%)")
    pop_nc = models.FloatField("population non couverte (%)")
    pop_cl = models.FloatField("population en couverture limitée (%)")
    pop_bc = models.FloatField("population en bonne couverture (%)")
    pop_tbc = models.FloatField("population en très bonne couverture (%)")

    class Meta:
        verbose_name = "couverture mobile (commune, opérateur)"
        constraints = [models.UniqueConstraint(
            fields=["edition", "code_insee", "techno", "operateur"], name="mobile_unique")]  # fmt: skip
