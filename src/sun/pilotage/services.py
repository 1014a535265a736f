"""What changes the plan outside the plan file: computed indicator values, action edits by
pilots, progress figures. Every change is recorded in `Historique`."""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from sun.core import indicators
from sun.pilotage.models import Action, Historique, Indicateur, ValeurIndicateur


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
            resultats.append(Calcul(indicateur, None, str(exc)))
            continue
        quand = valeur.date if isinstance(valeur.date, date) else timezone.localdate()
        if isinstance(quand, datetime):
            quand = quand.date()
        stocke, _ = ValeurIndicateur.objects.update_or_create(
            indicateur=indicateur, date=quand,
            defaults={"resultat": valeur.valeur, "source": valeur.source,
                      "commentaire": f"Calculé par SUN le {timezone.localdate():%d/%m/%Y}"},
        )  # fmt: skip
        resultats.append(Calcul(indicateur, stocke))
    return resultats


def en_retard(action: Action, aujourd_hui: date | None = None) -> bool:
    """Planned end passed and not done (Territoires en Transitions' rule)."""
    aujourd_hui = aujourd_hui or timezone.localdate()
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
