"""The département's multi-year accessibility plan (schéma pluriannuel, at most 3 years) and
the actions of its yearly action plans."""

from django.core.exceptions import ValidationError
from django.db import models

from sun.accessibilite.rgaa import VALIDITE_ANS, _plus_mois


class SchemaPluriannuel(models.Model):
    titre = models.CharField("titre", max_length=200)
    debut = models.DateField("début")
    fin = models.DateField("fin", help_text="Au plus 3 ans après le début.")
    adopte_le = models.DateField("adopté le", null=True, blank=True)
    strategie = models.TextField("place de l'accessibilité dans la stratégie numérique", blank=True)
    referent = models.TextField("rôle du référent accessibilité", blank=True)
    moyens = models.TextField("moyens humains et financiers", blank=True)
    competences = models.TextField("compétences dans les fiches de poste et le recrutement",
                                   blank=True)  # fmt: skip
    formation = models.TextField("formation des agents", blank=True)
    aides_externes = models.TextField("recours à des compétences externes et outils", blank=True)
    organisation = models.TextField(
        "organisation interne (contrôles, traitement des demandes des usagers)", blank=True
    )
    clauses = models.TextField("clauses dans les marchés et recette", blank=True)
    bilan = models.TextField("bilan des plans précédents", blank=True)
    demonstration = models.BooleanField("démonstration", default=False)
    date_maj = models.DateTimeField("mis à jour le", auto_now=True)

    SECTIONS = ("strategie", "referent", "moyens", "competences", "formation", "aides_externes",
                "organisation", "clauses", "bilan")  # fmt: skip

    class Meta:
        verbose_name = "schéma pluriannuel"
        verbose_name_plural = "schémas pluriannuels"
        ordering = ["-debut"]

    def __str__(self) -> str:
        return self.titre

    @property
    def annees(self) -> list[int]:
        return list(range(self.debut.year, self.fin.year + 1))

    def clean(self) -> None:
        if self.debut and self.fin:
            if self.fin <= self.debut:
                raise ValidationError({"fin": "La fin du schéma doit suivre son début."})
            if self.fin > _plus_mois(self.debut, 12 * VALIDITE_ANS):
                raise ValidationError(
                    {
                        "fin": "Un schéma pluriannuel couvre au plus 3 ans (article 47 de la loi "
                        "n° 2005-102)."
                    }
                )


class Nature(models.TextChoices):
    AUDIT = "audit", "Audit de conformité"
    CORRECTION = "correction", "Correction des non-conformités"
    FORMATION = "formation", "Formation"
    TESTS = "tests", "Tests avec des personnes handicapées"
    PROJET = "projet", "Nouveau projet accessible dès sa conception"
    MESURE = "mesure", "Mesure complémentaire (langue des signes, facile à lire…)"
    ORGANISATION = "organisation", "Organisation, marchés, recrutement"
    AUTRE = "autre", "Autre"


class Statut(models.TextChoices):
    PREVUE = "prevue", "Prévue"
    EN_COURS = "en_cours", "En cours"
    REALISEE = "realisee", "Réalisée"
    REPORTEE = "reportee", "Reportée"
    ABANDONNEE = "abandonnee", "Abandonnée"


class ActionAccessibilite(models.Model):
    schema = models.ForeignKey(SchemaPluriannuel, models.CASCADE, related_name="actions",
                               verbose_name="schéma")  # fmt: skip
    annee = models.PositiveSmallIntegerField("année du plan d'actions")
    intitule = models.CharField("action", max_length=300)
    nature = models.CharField("nature", max_length=14, choices=Nature.choices)
    service_numerique = models.ForeignKey(
        "accessibilite.ServiceNumerique", models.SET_NULL, null=True, blank=True,
        related_name="actions", verbose_name="service numérique concerné",
    )  # fmt: skip
    service = models.ForeignKey(
        "relation.ServiceInstructeur", models.SET_NULL, null=True, blank=True,
        related_name="actions_accessibilite", verbose_name="service responsable",
    )  # fmt: skip
    prevue_le = models.DateField("date prévue", null=True, blank=True)
    statut = models.CharField("statut", max_length=10, choices=Statut.choices,
                              default=Statut.PREVUE)  # fmt: skip
    realisee_le = models.DateField("réalisée le", null=True, blank=True)
    commentaire = models.TextField("commentaire", blank=True)
    date_maj = models.DateTimeField("mis à jour le", auto_now=True)

    class Meta:
        verbose_name = "action d'accessibilité"
        verbose_name_plural = "actions d'accessibilité"
        ordering = ["annee", "prevue_le", "pk"]

    def __str__(self) -> str:
        return self.intitule

    def clean(self) -> None:
        erreurs = {}
        if self.schema_id and self.annee and self.annee not in self.schema.annees:
            debut, fin = self.schema.debut.year, self.schema.fin.year
            erreurs["annee"] = f"Le schéma couvre les années {debut} à {fin}."
        if self.statut == Statut.REALISEE and self.realisee_le is None:
            erreurs["realisee_le"] = "Une action réalisée a une date de réalisation."
        if erreurs:
            raise ValidationError(erreurs)
