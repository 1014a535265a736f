"""Indicators of users' satisfaction, on the State observatoire's formulas (NOTES-relation
§5.2): satisfaction /10 = mean of good 10, medium 5, bad 0. Département level and per service
(`Niveau.SERVICE`, code = `ServiceInstructeur.code`). Demonstration answers never count; under
5 answers nothing is shown."""

from django.db.models import Case, Count, FloatField, Max, Sum, Value, When

from sun.core.indicators import Indicateur, Niveau, Valeur, declarer, note_demonstration
from sun.qualite.models import Avis, Satisfaction

SOURCE = "Questionnaire de satisfaction (SUN, compatible « Je donne mon avis »)"
SEUIL = 5
POINTS = {Satisfaction.GOOD: 10, Satisfaction.MEDIUM: 5, Satisfaction.BAD: 0}


def avis(niveau: Niveau, code: str, demonstration: bool = False):
    qs = Avis.objects.filter(demonstration=demonstration)
    if niveau == Niveau.SERVICE:
        qs = qs.filter(service__code=code)
    return qs


def score_satisfaction(niveau: Niveau, code: str) -> Valeur:
    points = Case(*(When(satisfaction=k, then=Value(float(v))) for k, v in POINTS.items()),
                  output_field=FloatField())  # fmt: skip
    chiffres = avis(niveau, code).aggregate(n=Count("pk"), points=Sum(points), d=Max("recu_le"))
    jour = chiffres["d"].date() if chiffres["d"] else None
    note = note_demonstration(avis(niveau, code, True).count(), "avis")
    if chiffres["n"] < SEUIL:
        return Valeur(None, jour, SOURCE, note or f"Moins de {SEUIL} avis.")
    return Valeur(round(chiffres["points"] / chiffres["n"], 1), jour, SOURCE,
                  note or f"{chiffres['n']} avis.")  # fmt: skip


declarer(Indicateur(
    code="qualite.satisfaction", libelle="Satisfaction des usagers", unite="/10",
    niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=score_satisfaction, source=SOURCE,
    sens="hausse",
    description="« De façon générale, comment ça s'est passé ? » : Très bien 10, Moyen 5, "
    "Pas bien 0, en moyenne, comme l'observatoire de l'État (Je donne mon avis).",
))  # fmt: skip
