"""Indicators of Services Publics+ (registered by sun.qualite.indicators), département level
and, where it makes sense, per service (`Niveau.SERVICE`, code = `ServiceInstructeur.code`).
Demonstration answers never count.

- `qualite.nombre_avis`: answers to the satisfaction questionnaire (under 5: not shown);
- `qualite.demarches_satisfaisantes`: « Qualité des démarches en ligne » of the programme
  (NOTES-relation §4.2): the share of the online démarches whose satisfaction is at least
  8/10, each démarche scored on the State observatoire's formula (Très bien 10, Moyen 5,
  Pas bien 0, averaged); a démarche with fewer than 5 answers is left out, and the note says
  how many were;
- `qualite.services_auto_evalues`: the share of services that assessed every commitment for
  the current year;
- `qualite.services_objectif_decroche`: the share of services, among those whose pick-up rate
  is measured, that reach the State's 85 % (read through the registry).
"""

from django.db.models import Case, Count, FloatField, Max, Q, Sum, Value, When
from django.utils import timezone

from sun.core import indicators as registre
from sun.core.indicators import SEUIL_PERSONNES as SEUIL
from sun.core.indicators import Indicateur, Niveau, Periode, Valeur, declarer, note_demonstration
from sun.qualite.models import AutoEvaluation, Avis, Engagement, Satisfaction
from sun.qualite.satisfaction.indicators import avis as _avis
from sun.relation.models import Canal, Demarche, ServiceInstructeur

SOURCE_AVIS = "Questionnaire de satisfaction (SUN, compatible « Je donne mon avis »)"
SOURCE_EVALUATIONS = "Auto-évaluations Services Publics+ des services (SUN)"
SCORE_SATISFAISANT = 8.0
OBJECTIF_DECROCHE = 85.0
# The State observatoire's score of step 1 (NOTES-relation §5.2).
POINTS = {Satisfaction.GOOD: 10.0, Satisfaction.MEDIUM: 5.0, Satisfaction.BAD: 0.0}


def nombre_avis(niveau: Niveau, code: str, periode: Periode | None = None) -> Valeur:
    chiffres = _avis(niveau, code, periode=periode).aggregate(n=Count("pk"), d=Max("recu_le"))
    jour = chiffres["d"].date() if chiffres["d"] else None
    note = note_demonstration(_avis(niveau, code, True, periode).count(), "avis")
    if chiffres["n"] < SEUIL:
        texte = f"Moins de {SEUIL} avis : non affiché." if chiffres["n"] else "Aucun avis."
        return Valeur(None, jour, SOURCE_AVIS, " ".join(filter(None, [texte, note])))
    return Valeur(chiffres["n"], jour, SOURCE_AVIS, note)


def _points():
    return Case(*(When(satisfaction=k, then=Value(v)) for k, v in POINTS.items()),
                output_field=FloatField())  # fmt: skip


def scores_des_demarches(niveau: Niveau, code: str, demonstration: bool = False) -> list[dict]:
    """One row per online démarche with answers: demarche_id, n, score (/10), last answer.
    At the service level, the démarches the service is in charge of."""
    en_ligne = Demarche.objects.filter(canaux__type=Canal.Type.EN_LIGNE)
    if niveau == Niveau.SERVICE:
        en_ligne = en_ligne.filter(service__code=code)
    lignes = (
        Avis.objects.filter(demonstration=demonstration, demarche__in=en_ligne.values("pk"))
        .values("demarche_id")
        .annotate(n=Count("pk"), points=Sum(_points()), d=Max("recu_le"))
        .order_by()
    )
    return [{**ligne, "score": ligne["points"] / ligne["n"]} for ligne in lignes]


def demarches_satisfaisantes(niveau: Niveau, code: str) -> Valeur:
    lignes = scores_des_demarches(niveau, code)
    retenues = [ligne for ligne in lignes if ligne["n"] >= SEUIL]
    ecartees = len(lignes) - len(retenues)
    dates = [ligne["d"] for ligne in lignes if ligne["d"]]
    jour = max(dates).date() if dates else None
    notes = []
    if ecartees:
        notes.append(f"{ecartees} démarche{'s' if ecartees > 1 else ''} en ligne "
                     f"écartée{'s' if ecartees > 1 else ''} (moins de {SEUIL} avis).")  # fmt: skip
    demo = len(scores_des_demarches(niveau, code, demonstration=True))
    if demo:
        notes.append(
            f"Avis de démonstration non comptés ({demo} démarche{'s' if demo > 1 else ''})."
        )
    if not retenues:
        return Valeur(None, jour, SOURCE_AVIS, " ".join(notes))
    bonnes = sum(1 for ligne in retenues if ligne["score"] >= SCORE_SATISFAISANT)
    notes.insert(0, f"{bonnes} sur {len(retenues)} démarche{'s' if len(retenues) > 1 else ''} "
                    f"en ligne ayant au moins {SEUIL} avis.")  # fmt: skip
    return Valeur(round(100 * bonnes / len(retenues), 1), jour, SOURCE_AVIS, " ".join(notes))


def services_auto_evalues(niveau: Niveau, code: str) -> Valeur:
    annee = timezone.localdate().year
    total = ServiceInstructeur.objects.count()
    attendus = Engagement.objects.count()
    if not total or not attendus:
        return Valeur(None, None, SOURCE_EVALUATIONS)
    qs = AutoEvaluation.objects.filter(annee=annee, demonstration=False)
    complets = (
        qs.values("service_id").annotate(n=Count("engagement_id", distinct=True))
        .filter(n__gte=attendus).count()
    )  # fmt: skip
    d = qs.aggregate(d=Max("date_maj"))["d"]
    return Valeur(round(100 * complets / total, 1), timezone.localdate(d) if d else None,
                  SOURCE_EVALUATIONS, f"{complets} service(s) sur {total}, année {annee}.")  # fmt: skip


def services_objectif_decroche(niveau: Niveau, code: str) -> Valeur:
    try:
        taux = registre.obtenir("qualite.taux_decroche")
    except registre.IndicateurInconnu:
        return Valeur(None, None, "Relevés d'appels (indicateur non disponible)")
    codes = ServiceInstructeur.objects.filter(
        Q(files_attente__demonstration=False)
    ).distinct().values_list("code", flat=True)  # fmt: skip
    mesures = [taux.calculer(Niveau.SERVICE, c) for c in codes]
    mesures = [v for v in mesures if v.valeur is not None]
    if not mesures:
        return Valeur(None, None, taux.source)
    atteints = sum(1 for v in mesures if v.valeur >= OBJECTIF_DECROCHE)
    jour = max((v.date for v in mesures if v.date), default=None)
    return Valeur(round(100 * atteints / len(mesures), 1), jour, taux.source,
                  f"{atteints} service(s) sur {len(mesures)} dont le taux est mesuré.")  # fmt: skip


declarer(Indicateur(
    code="qualite.nombre_avis", libelle="Avis des usagers recueillis", unite="avis",
    niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=nombre_avis, source=SOURCE_AVIS,
    par_periode=True,
    description="Réponses au questionnaire de satisfaction (tous emplacements et imports « Je "
    "donne mon avis »), hors démonstration ; moins de 5 : non affiché.",
))  # fmt: skip
declarer(Indicateur(
    code="qualite.demarches_satisfaisantes", libelle="Qualité des démarches en ligne", unite="%",
    niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=demarches_satisfaisantes,
    source=SOURCE_AVIS, sens="hausse",
    description="Part des démarches en ligne dont la satisfaction des usagers atteint au moins "
    "8 sur 10 (Services Publics+, engagement 6) ; une démarche qui a moins de 5 avis n'est pas "
    "comptée.",
))  # fmt: skip
declarer(Indicateur(
    code="qualite.services_auto_evalues", libelle="Services auto-évalués (Services Publics+)",
    unite="%", niveaux=(Niveau.DEPARTEMENT,), calcul=services_auto_evalues,
    source=SOURCE_EVALUATIONS, sens="hausse",
    description="Part des services qui ont évalué, pour l'année en cours, chacun des "
    "engagements du programme Services Publics+.",
))  # fmt: skip
declarer(Indicateur(
    code="qualite.services_objectif_decroche", libelle="Services atteignant 85 % de décroché",
    unite="%", niveaux=(Niveau.DEPARTEMENT,), calcul=services_objectif_decroche,
    source="Relevés d'appels des standards téléphoniques (SUN)", sens="hausse",
    description="Parmi les services dont le taux de décroché est mesuré, part de ceux qui "
    "atteignent l'objectif de l'État (85 % des appels décrochés par un agent).",
))  # fmt: skip
