"""The territory spine: départements, EPCI, communes and their town halls.

Every record of SUN that sits somewhere carries a commune's INSEE code; every figure
aggregates commune → EPCI → département.
"""

from django.db import models

from sun.core.text import article_de, normaliser_recherche

# INSEE "type de nom en clair" (TNCC) → article and "de" form, e.g. 5 → "L'", "de l'".
TNCC_CHOICES = [(i, str(i)) for i in range(9)]


class Departement(models.Model):
    code = models.CharField("code", max_length=3, unique=True)
    nom = models.CharField("nom", max_length=100)
    type_nom = models.PositiveSmallIntegerField("type de nom (TNCC)", choices=TNCC_CHOICES)
    code_region = models.CharField("code de la région", max_length=3, blank=True)
    nom_region = models.CharField("région", max_length=100, blank=True)
    chef_lieu = models.ForeignKey(
        "Commune", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField("source", max_length=200)
    date_maj = models.DateTimeField("date de mise à jour")

    class Meta:
        verbose_name = "département"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.nom} ({self.code})"

    @property
    def nom_avec_de(self) -> str:
        """« de l'Aude », « du Gard », « des Yvelines »."""
        return article_de(self.nom, self.type_nom)


class EPCI(models.Model):
    class Type(models.TextChoices):
        CC = "CC", "Communauté de communes"
        CA = "CA", "Communauté d'agglomération"
        CU = "CU", "Communauté urbaine"
        ME = "ME", "Métropole"

    code_siren = models.CharField("SIREN", max_length=9, unique=True)
    nom = models.CharField("nom", max_length=200)
    type = models.CharField("type", max_length=2, choices=Type.choices)
    departements = models.ManyToManyField(
        Departement, related_name="epcis", verbose_name="départements"
    )
    source = models.CharField("source", max_length=200)
    date_maj = models.DateTimeField("date de mise à jour")

    class Meta:
        verbose_name = "EPCI"
        verbose_name_plural = "EPCI"
        ordering = ["nom"]

    def __str__(self) -> str:
        return self.nom


def cle_recherche(nom: str, codes_postaux: list[str], code_insee: str) -> str:
    """« lezignan corbieres 11200 11203 »: folded name, postcodes, INSEE code."""
    return " ".join([normaliser_recherche(nom), *codes_postaux, code_insee.lower()])


class CommuneQuerySet(models.QuerySet):
    """Chainable reads of communes. Defined here, with the model whose manager it is, so that
    `sun.territoire.queries` imports the models and never the other way round."""

    def du_departement(self, code: str | None):
        return self.filter(departement__code=code) if code else self

    def de_l_epci(self, code_siren: str | None):
        return self.filter(epci__code_siren=code_siren) if code_siren else self

    def de_code(self, code_insee: str):
        return self.filter(code_insee=code_insee.upper())

    def avec_relations(self):
        return self.select_related("departement", "epci")

    def sans_geometrie(self):
        return self.defer("geometrie")


class Commune(models.Model):
    code_insee = models.CharField("code INSEE", max_length=5, unique=True)
    nom = models.CharField("nom", max_length=100)
    type_nom = models.PositiveSmallIntegerField(
        "type de nom (TNCC)", choices=TNCC_CHOICES, default=0
    )
    # « lezignan corbieres 11200 11203 »: unaccented name, postal codes and INSEE code, what
    # accent- and case-insensitive search matches against (see CommuneQuerySet.recherche).
    cle_recherche = models.CharField(max_length=200, editable=False)
    departement = models.ForeignKey(Departement, on_delete=models.CASCADE, related_name="communes")
    epci = models.ForeignKey(
        EPCI, null=True, blank=True, on_delete=models.SET_NULL, related_name="communes"
    )
    codes_postaux = models.JSONField("codes postaux", default=list, blank=True)
    population_municipale = models.PositiveIntegerField(
        "population municipale", null=True, blank=True
    )
    geometrie = models.TextField("contour (GeoJSON simplifié)", blank=True)
    latitude = models.FloatField("latitude du centroïde", null=True, blank=True)
    longitude = models.FloatField("longitude du centroïde", null=True, blank=True)
    superficie_km2 = models.FloatField("superficie (km²)", null=True, blank=True)
    source = models.CharField("source", max_length=200)
    date_maj = models.DateTimeField("date de mise à jour")

    objects = CommuneQuerySet.as_manager()

    class Meta:
        verbose_name = "commune"
        ordering = ["nom"]
        indexes = [
            # Search scans this narrow covering index instead of rows that carry outlines.
            models.Index(
                fields=["cle_recherche", "code_insee", "population_municipale", "nom"],
                name="commune_recherche_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nom} ({self.code_insee})"

    def save(self, *args, **kwargs):
        # The key the index of communes reads the folded name and postcodes from.
        self.cle_recherche = cle_recherche(self.nom, self.codes_postaux, self.code_insee)
        super().save(*args, **kwargs)

    @property
    def densite(self) -> float | None:
        if self.population_municipale is None or not self.superficie_km2:
            return None
        return self.population_municipale / self.superficie_km2


class SubdivisionCommune(models.Model):
    """Arrondissements of Paris, Lyon and Marseille; communes déléguées and associées.

    They are not communes (no separate population total, no EPCI) but residents know and
    type their names and codes, so search and URLs lead from them to the commune.
    """

    class Type(models.TextChoices):
        ARM = "ARM", "Arrondissement municipal"
        COMD = "COMD", "Commune déléguée"
        COMA = "COMA", "Commune associée"

    code_insee = models.CharField("code INSEE", max_length=5)
    type = models.CharField("type", max_length=4, choices=Type.choices)
    nom = models.CharField("nom", max_length=100)
    nom_recherche = models.CharField(max_length=100, db_index=True, editable=False)
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="subdivisions")
    population_municipale = models.PositiveIntegerField(
        "population municipale", null=True, blank=True
    )
    # Where the former commune is (centroid of its outline, else its town hall): « Fa » must
    # lead to Fa, not to the centre of Val-du-Faby.
    latitude = models.FloatField("latitude", null=True, blank=True)
    longitude = models.FloatField("longitude", null=True, blank=True)

    class Meta:
        verbose_name = "subdivision de commune"
        verbose_name_plural = "subdivisions de communes"
        ordering = ["code_insee"]
        constraints = [
            models.UniqueConstraint(
                fields=["code_insee", "type"], name="subdivision_code_type_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nom} ({self.get_type_display()}, {self.code_insee})"


class Mairie(models.Model):
    commune = models.OneToOneField(Commune, on_delete=models.CASCADE, related_name="mairie")
    adresse = models.TextField("adresse", blank=True)
    telephone = models.CharField("téléphone", max_length=30, blank=True)
    email = models.EmailField("courriel", blank=True)
    site_web = models.URLField("site web", max_length=300, blank=True)
    latitude = models.FloatField("latitude", null=True, blank=True)
    longitude = models.FloatField("longitude", null=True, blank=True)
    # OSM opening_hours syntax, validated with opening-hours-py.
    horaires = models.CharField("horaires (syntaxe OpenStreetMap)", max_length=500, blank=True)
    accessibilite = models.CharField("accessibilité", max_length=100, blank=True)
    source = models.CharField("source", max_length=200)
    date_maj = models.DateTimeField("date de mise à jour")

    class Meta:
        verbose_name = "mairie"

    def __str__(self) -> str:
        return f"Mairie de {self.commune.nom}"


class ChargementTerritoire(models.Model):
    """One run of `sun territoire charger`: when, what, from which source, what changed."""

    date = models.DateTimeField("date", auto_now_add=True)
    departements = models.JSONField("départements", default=list)
    source = models.CharField("source", max_length=200)
    rapport = models.JSONField("rapport", default=dict)

    class Meta:
        verbose_name = "chargement du territoire"
        verbose_name_plural = "chargements du territoire"
        ordering = ["-date", "-id"]
        get_latest_by = ["date", "id"]

    def __str__(self) -> str:
        return f"Chargement du {self.date:%d/%m/%Y %H:%M} ({', '.join(self.departements)})"
