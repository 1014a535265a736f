"""What changes the plan outside the plan file: computed indicator values, action edits by
pilots (fields, steps, notes), entered indicator values. Every change is recorded in
`Historique`."""

from dataclasses import dataclass
from datetime import date, datetime

from django import forms
from django.db import transaction
from django.utils import timezone

from sun.core import indicators
from sun.pilotage.models import Action, Etape, Historique, Indicateur, NoteSuivi, ValeurIndicateur


@dataclass
class Calcul:
    indicateur: Indicateur
    valeur: ValeurIndicateur | None
    erreur: str = ""


def calculer_indicateurs(indicateurs_a_calculer=None) -> list[Calcul]:
    """Store today's value of every indicator SUN computes. The value is kept with the date
    its data refer to (else today) and its source: the history is what was computed then,
    never recomputed on the fly."""
    resultats = []
    qs = (
        indicateurs_a_calculer
        if indicateurs_a_calculer is not None
        else Indicateur.objects.exclude(calcul="")
    )
    for indicateur in qs.select_related("plan"):
        try:
            valeur = indicators.obtenir(indicateur.calcul).calculer(
                indicateur.niveau, indicateur.territoire
            )
        except (
            indicators.IndicateurInconnu,
            indicators.NiveauNonCalcule,
            indicators.TerritoireInconnu,
        ) as exc:
            _noter_calcul(indicateur, f"calcul impossible : {exc}")
            resultats.append(Calcul(indicateur, None, str(exc)))
            continue
        if valeur.valeur is None:
            _noter_calcul(indicateur, "pas encore de données pour ce calcul")
            resultats.append(Calcul(indicateur, None, "pas encore de données"))
            continue
        quand = valeur.date if isinstance(valeur.date, date) else timezone.localdate()
        if isinstance(quand, datetime):
            quand = quand.date()
        stocke, _ = ValeurIndicateur.objects.update_or_create(
            indicateur=indicateur, date=quand,
            defaults={"resultat": valeur.valeur, "source": valeur.source, "note": valeur.note[:300],
                      "commentaire": f"Calculé par SUN le {timezone.localdate():%d/%m/%Y}"},
        )  # fmt: skip
        _noter_calcul(indicateur, "")
        resultats.append(Calcul(indicateur, stocke))
    return resultats


def _noter_calcul(indicateur: Indicateur, erreur: str) -> None:
    Indicateur.objects.filter(pk=indicateur.pk).update(
        calcule_le=timezone.now(), erreur_calcul=erreur[:500]
    )


def en_retard(action: Action, aujourd_hui: date | None = None) -> bool:
    """Marked late by its pilot, or planned end passed and not done (Territoires en
    Transitions' rule): the one « En retard » of the dashboard counts both."""
    aujourd_hui = aujourd_hui or timezone.localdate()
    if action.statut == Action.Statut.EN_RETARD:
        return True
    if action.statut in (Action.Statut.REALISE, Action.Statut.ABANDONNE):
        return False
    return action.date_fin_prevue is not None and action.date_fin_prevue < aujourd_hui


def historiser(action: Action, avant: dict, auteur, commentaire: str = "") -> None:
    """Record what changed on an action since `avant` (field → value)."""
    changements = {}
    for champ, ancien in avant.items():
        nouveau = getattr(action, champ)
        if ancien != nouveau:
            changements[champ] = [texte_historique(ancien), texte_historique(nouveau)]
    if changements or commentaire:
        Historique.objects.create(plan=action.plan, objet="action", code=action.code, auteur=auteur,
                                  changements=changements, commentaire=commentaire[:300])  # fmt: skip


def texte_historique(valeur):
    """A value as the history stores it (JSON): dates in ISO, related objects by name."""
    if isinstance(valeur, date):
        return valeur.isoformat()
    if hasattr(valeur, "pk"):
        return str(valeur)
    return valeur


# --- edits from the agent space ---------------------------------------------------------------
@transaction.atomic
def modifier_action(form: forms.ModelForm, auteur) -> Action:
    """Save a validated form of an action and record what changed. The values before are read
    from the database: validating the form has already put the new ones on the instance."""
    action = form.instance
    champs = [c for c in form._meta.fields if c != "pilotes"]
    avant = Action.objects.filter(pk=action.pk).values(*champs).get()
    pilotes_avant = _noms_des_pilotes(action)
    form.save()
    historiser(action, avant, auteur)
    if "pilotes" in form.changed_data and _noms_des_pilotes(action) != pilotes_avant:
        Historique.objects.create(plan=action.plan, objet="action", code=action.code, auteur=auteur,
                                  changements={"pilotes": [pilotes_avant, _noms_des_pilotes(action)]})  # fmt: skip
    return action


def _noms_des_pilotes(action: Action) -> str:
    return ", ".join(sorted(p.get_full_name() or p.username for p in action.pilotes.all()))


@transaction.atomic
def basculer_etape(etape: Etape, auteur) -> Etape:
    """Mark a step of an action done, or open it again."""
    etape.realisee = not etape.realisee
    etape.save(update_fields=["realisee"])
    historiser(
        etape.action,
        {},
        auteur,
        f"Étape {'réalisée' if etape.realisee else 'rouverte'} : {etape.titre[:200]}",
    )
    return etape


@transaction.atomic
def ajouter_note_suivi(action: Action, auteur, donnees: dict) -> NoteSuivi:
    """A dated progress note (`donnees`: the note form's date and texte)."""
    note = NoteSuivi.objects.create(action=action, auteur=auteur, **donnees)
    historiser(action, {}, auteur, "Note de suivi ajoutée")
    return note


@transaction.atomic
def enregistrer_valeur_indicateur(form: forms.ModelForm, auteur) -> ValeurIndicateur:
    """Save a validated form of an indicator's value (new, or replacing the value of that
    date) and record it in the plan's history."""
    valeur = form.save()
    indicateur = valeur.indicateur
    Historique.objects.create(plan=indicateur.plan, objet="indicateur", code=indicateur.code, auteur=auteur,
                              changements={str(valeur.date): [valeur.resultat, valeur.objectif]},
                              commentaire=f"Valeur saisie : {valeur.source}"[:300])  # fmt: skip
    return valeur
