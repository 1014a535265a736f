"""Indicators of the wing appels (schéma 11.4, « Optimiser les moyens financiers »):

- `projets.financements_obtenus`: euros obtained through calls for projects (all time, or
  decided within a chosen period);
- `projets.candidatures_deposees`: applications filed this calendar year;
- `projets.taux_succes_candidatures`: share of obtained among decided applications (none
  under 5 decisions).

Demonstration applications, and applications to demonstration calls, never count."""

from django.db.models import Max, Sum
from django.utils import timezone

from sun.core.indicators import (
    Indicateur,
    Niveau,
    Periode,
    Valeur,
    declarer,
    note_demonstration,
    note_trop_peu,
)

SOURCE = "Candidatures aux appels à projets (SUN)"
NIVEAUX = (Niveau.DEPARTEMENT,)
SEUIL_DECISIONS = 5


def _candidatures():
    from sun.projets.models import Candidature

    return Candidature.objects


def financements_obtenus(niveau: Niveau, code: str, periode: Periode | None = None) -> Valeur:
    obtenues = _candidatures().obtenues()
    if periode is not None:
        obtenues = obtenues.filter(decision_le__gte=periode.du, decision_le__lte=periode.au)
    reelles = obtenues.comptees()
    chiffres = reelles.aggregate(total=Sum("montant_obtenu"), d=Max("decision_le"))
    demo = obtenues.de_demo().count()
    return Valeur(float(chiffres["total"] or 0), chiffres["d"], SOURCE,
                  note_demonstration(demo, "financements"))  # fmt: skip


def candidatures_deposees(niveau: Niveau, code: str) -> Valeur:
    jour = timezone.localdate()
    periode = Periode.annee(jour.year, jour)
    deposees = _candidatures().deposees_entre(periode.du, periode.au)
    demo = deposees.de_demo().count()
    reelles = deposees.comptees()
    return Valeur(reelles.count(), reelles.aggregate(d=Max("deposee_le"))["d"] or jour, SOURCE,
                  note_demonstration(demo, "candidatures"))  # fmt: skip


def taux_succes(niveau: Niveau, code: str) -> Valeur:
    decidees = _candidatures().decidees()
    demo = decidees.de_demo().count()
    reelles = decidees.comptees()
    n = reelles.count()
    derniere = reelles.aggregate(d=Max("decision_le"))["d"]
    note = note_demonstration(demo, "candidatures")
    if n < SEUIL_DECISIONS:
        return Valeur(None, derniere, SOURCE,
                      note_trop_peu(n, SEUIL_DECISIONS, "candidatures décidées", note))  # fmt: skip
    obtenues = reelles.filter(statut="obtenue").count()
    return Valeur(round(100 * obtenues / n, 1), derniere, SOURCE, note)


declarer(Indicateur(
    code="projets.financements_obtenus", libelle="Financements obtenus par les appels à projets",
    unite="€", niveaux=NIVEAUX, calcul=financements_obtenus, source=SOURCE,
    description="Somme des montants obtenus par les candidatures du département aux appels à "
    "projets (statut « Financement obtenu ») ; sur une période, ceux dont la décision tombe dans"
    " la période.", sens="hausse", par_periode=True,
))  # fmt: skip
declarer(Indicateur(
    code="projets.candidatures_deposees", libelle="Candidatures déposées cette année",
    unite="candidatures", niveaux=NIVEAUX, calcul=candidatures_deposees, source=SOURCE,
    description="Candidatures aux appels à projets déposées depuis le 1er janvier de l'année "
    "en cours, quel que soit leur statut depuis.", sens="hausse",
))  # fmt: skip
declarer(Indicateur(
    code="projets.taux_succes_candidatures", libelle="Taux de succès des candidatures",
    unite="%", niveaux=NIVEAUX, calcul=taux_succes, source=SOURCE,
    description="Part des candidatures obtenues parmi les candidatures décidées (obtenues ou "
    "refusées) ; non calculé sous 5 décisions.", sens="hausse",
))  # fmt: skip
