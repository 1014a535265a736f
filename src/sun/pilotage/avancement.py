"""Progress figures of a plan: actions by status per axe and orientation, indicators with their
latest result and target. Read by the public progress page, the dashboard and the report."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max
from django.utils import timezone

from sun.pilotage.models import Action, Axe, Historique, Indicateur, Plan, ValeurIndicateur
from sun.pilotage.services import en_retard


@dataclass
class Compte:
    total: int = 0
    par_statut: Counter = field(default_factory=Counter)
    en_retard: int = 0

    @property
    def realisees(self) -> int:
        return self.par_statut[Action.Statut.REALISE]

    @property
    def en_cours(self) -> int:
        return self.par_statut[Action.Statut.EN_COURS]

    def part(self, nombre: int) -> float:
        return 100 * nombre / self.total if self.total else 0.0

    @property
    def part_realisees(self) -> float:
        return self.part(self.realisees)

    @property
    def part_en_cours(self) -> float:
        return self.part(self.en_cours)

    def ajouter(self, action: Action, aujourd_hui: date) -> None:
        self.total += 1
        self.par_statut[action.statut] += 1
        self.en_retard += en_retard(action, aujourd_hui)


@dataclass
class LigneAvancement:
    axe: Axe
    compte: Compte
    orientations: list[tuple[Axe, Compte]]


@dataclass
class SuiviIndicateur:
    indicateur: Indicateur
    dernier_resultat: ValeurIndicateur | None
    prochaine_cible: ValeurIndicateur | None
    valeurs: list[ValeurIndicateur]

    @property
    def absence(self) -> str:
        """Why there is no result yet (empty when there is one), for the dashboard and report."""
        if self.dernier_resultat is not None:
            return ""
        indicateur = self.indicateur
        if not indicateur.calcul:
            return "Pas encore mesuré : aucune valeur saisie par les pilotes des actions liées."
        if indicateur.erreur_calcul and indicateur.calcule_le:
            quand = timezone.localtime(indicateur.calcule_le)
            return f"Pas de valeur au calcul du {quand:%d/%m/%Y} : {indicateur.erreur_calcul}."
        return ("Pas encore calculé : le calcul quotidien (ou « Recalculer ») ne l'a pas "
                "encore fait.")  # fmt: skip

    @property
    def demonstration(self) -> bool:
        return any(v.demonstration for v in self.valeurs)


def avancement(plan: Plan, aujourd_hui: date) -> tuple[Compte, list[LigneAvancement]]:
    """Sub-actions count within their action: only top-level actions are counted."""
    actions = list(plan.actions.filter(parent=None).select_related("orientation"))
    par_orientation: dict[int, Compte] = {}
    for action in actions:
        par_orientation.setdefault(action.orientation_id, Compte()).ajouter(action, aujourd_hui)
    total = Compte()
    for action in actions:
        total.ajouter(action, aujourd_hui)
    lignes = []
    for axe in plan.axes.filter(niveau=Axe.Niveau.AXE).prefetch_related("enfants"):
        orientations = [
            # .all(): the prefetched orientations, already by « ordre » (Axe.Meta.ordering).
            (o, par_orientation.get(o.pk, Compte()))
            for o in axe.enfants.all()
        ]
        compte = Compte()
        for action in actions:
            if action.orientation.parent_id == axe.pk:
                compte.ajouter(action, aujourd_hui)
        lignes.append(LigneAvancement(axe, compte, orientations))
    return total, lignes


def suivi_indicateurs(
    plan: Plan, aujourd_hui: date, publics_seulement: bool = False
) -> list[SuiviIndicateur]:
    qs = plan.indicateurs.prefetch_related("valeurs")
    if publics_seulement:
        qs = qs.filter(public=True)
    suivis = []
    for indicateur in qs:
        valeurs = list(indicateur.valeurs.all())
        resultats = [v for v in valeurs if v.resultat is not None]
        cibles = [v for v in valeurs if v.objectif is not None]
        a_venir = [v for v in cibles if v.date >= aujourd_hui]
        suivis.append(SuiviIndicateur(indicateur, resultats[-1] if resultats else None,
                                      a_venir[0] if a_venir else (cibles[-1] if cibles else None), valeurs))  # fmt: skip
    return suivis


def derniere_mise_a_jour(plan: Plan):
    dates = [plan.actions.aggregate(m=Max("modifie_le"))["m"],
             Historique.objects.filter(plan=plan).aggregate(m=Max("date"))["m"]]  # fmt: skip
    return max((d for d in dates if d), default=None)


def plan_courant() -> Plan | None:
    return Plan.objects.order_by("-debut", "-pk").first()
