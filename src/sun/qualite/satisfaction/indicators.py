"""Indicators of users' satisfaction, on the State observatoire's formulas (NOTES-relation
§5.2): satisfaction /10 = mean of good 10, medium 5, bad 0. Département level and per service
(`Niveau.SERVICE`, code = `ServiceInstructeur.code`). Demonstration answers never count; under
5 answers nothing is shown. Over a period (`periode=`, the year « Nos résultats » publishes)
or, without one, over every real answer kept."""

from datetime import datetime, time, timedelta

from django.db.models import Case, Count, FloatField, Max, Sum, Value, When
from django.utils import timezone

from sun.core.indicators import SEUIL_PERSONNES as SEUIL
from sun.core.indicators import (
    Indicateur,
    Niveau,
    Periode,
    Valeur,
    declarer,
    note_demonstration,
    note_trop_peu,
)
from sun.qualite.models import Avis, Satisfaction

SOURCE = "Questionnaire de satisfaction (SUN, compatible « Je donne mon avis »)"
POINTS = {Satisfaction.GOOD: 10, Satisfaction.MEDIUM: 5, Satisfaction.BAD: 0}


def avis(niveau: Niveau, code: str, demonstration: bool = False, periode: Periode | None = None):
    qs = Avis.objects.filter(demonstration=demonstration)
    if niveau == Niveau.SERVICE:
        qs = qs.filter(service__code=code)
    if periode is not None:
        debut = timezone.make_aware(datetime.combine(periode.du, time.min))
        fin = timezone.make_aware(datetime.combine(periode.au + timedelta(days=1), time.min))
        qs = qs.filter(recu_le__gte=debut, recu_le__lt=fin)
    return qs


def score_satisfaction(niveau: Niveau, code: str, periode: Periode | None = None) -> Valeur:
    points = Case(*(When(satisfaction=k, then=Value(float(v))) for k, v in POINTS.items()),
                  output_field=FloatField())  # fmt: skip
    chiffres = avis(niveau, code, periode=periode).aggregate(
        n=Count("pk"), points=Sum(points), d=Max("recu_le"))  # fmt: skip
    jour = chiffres["d"].date() if chiffres["d"] else None
    note = note_demonstration(avis(niveau, code, True, periode).count(), "avis")
    if chiffres["n"] < SEUIL:
        return Valeur(None, jour, SOURCE, note_trop_peu(chiffres["n"], SEUIL, "avis", note))
    return Valeur(round(chiffres["points"] / chiffres["n"], 1), jour, SOURCE,
                  note or f"{chiffres['n']} avis.")  # fmt: skip


declarer(Indicateur(
    code="qualite.satisfaction", libelle="Satisfaction des usagers", unite="/10",
    niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=score_satisfaction, source=SOURCE,
    sens="hausse", par_periode=True,
    description="« De façon générale, comment ça s'est passé ? » : Très bien 10, Moyen 5, "
    "Pas bien 0, en moyenne, comme l'observatoire de l'État (Je donne mon avis).",
))  # fmt: skip


def _cumul(niveau: Niveau, code: str, periode: Periode | None):
    """The observatoire's sums over the real answers (one pass, only the needed columns)."""
    from sun.qualite.satisfaction.resultats import Cumul

    cumul, dernier = Cumul(), None
    lignes = avis(niveau, code, periode=periode).values_list(
        "satisfaction", "comprehension", "contact_reached", "contact_satisfaction", "autonome",
        "recu_le",
    )  # fmt: skip
    for *valeurs, recu_le in lignes.iterator():
        cumul.ajouter(*valeurs)
        dernier = recu_le if dernier is None or recu_le > dernier else dernier
    return cumul, (dernier.date() if dernier else None)


def _valeur(niveau: Niveau, code: str, score: str, effectif: str, quoi: str,
            periode: Periode | None) -> Valeur:  # fmt: skip
    cumul, jour = _cumul(niveau, code, periode)
    n = getattr(cumul, effectif)
    note = note_demonstration(avis(niveau, code, True, periode).count(), "avis")
    if n < SEUIL:
        return Valeur(None, jour, SOURCE, note_trop_peu(n, SEUIL, quoi, note))
    return Valeur(getattr(cumul, score), jour, SOURCE, note or f"{n} {quoi}.")


def score_simplicite(niveau: Niveau, code: str, periode: Periode | None = None) -> Valeur:
    return _valeur(niveau, code, "simplicite", "n_clarte", "réponses à l'étape « Clarté »", periode)


def score_joignable(niveau: Niveau, code: str, periode: Periode | None = None) -> Valeur:
    return _valeur(niveau, code, "joignable", "n_joint", "réponses « Oui » ou « Non »", periode)


def score_autonomie(niveau: Niveau, code: str, periode: Periode | None = None) -> Valeur:
    return _valeur(
        niveau, code, "autonomie", "n_autonomie", "réponses à l'étape « Aides »", periode
    )


declarer(Indicateur(
    code="qualite.simplicite_langage", libelle="Simplicité du langage (avis des usagers)",
    unite="/10", niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=score_simplicite,
    source=SOURCE, sens="hausse", par_periode=True,
    description="« Qu'avez-vous pensé des informations et des instructions fournies ? », de 1 "
    "(Pas clair du tout) à 5 (Très clair) : 0 ; 2,5 ; 5 ; 7,5 ; 10, en moyenne, comme "
    "l'observatoire de l'État (Je donne mon avis).",
))  # fmt: skip
declarer(Indicateur(
    code="qualite.aide_joignable", libelle="Aide joignable (avis des usagers)", unite="%",
    niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=score_joignable, source=SOURCE,
    sens="hausse", par_periode=True,
    description="Part des « Oui » à « Quand vous avez cherché de l'aide, avez-vous réussi à "
    "joindre l'administration ? » (une réponse par moyen de contact essayé : guichet, "
    "téléphone, e-mail, chat), comme l'observatoire de l'État.",
))  # fmt: skip
declarer(Indicateur(
    code="qualite.autonomie", libelle="Niveau d'autonomie (avis des usagers)", unite="%",
    niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=score_autonomie, source=SOURCE,
    sens="hausse", par_periode=True,
    description="Part des avis ayant répondu « Je n'ai pas eu besoin d'aide » parmi ceux qui "
    "ont répondu à l'étape « Aides », comme l'observatoire de l'État.",
))  # fmt: skip
