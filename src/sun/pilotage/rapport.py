"""The annual report for the assemblée départementale: per axe and orientation, the actions and
their status, what was done in the year (the dated notes), indicators against targets with
their evolution since the previous year, late and blocked actions. HTML, and PDF (WeasyPrint)."""

from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string

from sun.core.graphiques import graphique_indicateurs
from sun.pilotage.avancement import avancement, suivi_indicateurs
from sun.pilotage.models import Action, Plan
from sun.pilotage.queries import ORDRE_DES_ACTIONS, orientations
from sun.pilotage.services import en_retard


@dataclass
class LigneIndicateur:
    suivi: object
    valeur_annee: object
    valeur_precedente: object

    @property
    def evolution(self) -> float | None:
        if self.valeur_annee is None or self.valeur_precedente is None:
            return None
        return self.valeur_annee.resultat - self.valeur_precedente.resultat


def _derniere_de(valeurs, annee: int):
    dans_l_annee = [v for v in valeurs if v.date.year == annee and v.resultat is not None]
    return dans_l_annee[-1] if dans_l_annee else None


def contexte(plan: Plan, annee: int, aujourd_hui: date) -> dict:
    total, lignes = avancement(plan, aujourd_hui)
    actions = list(plan.actions.filter(parent=None).select_related("orientation")
                   .prefetch_related("notes", "pilotes").order_by(*ORDRE_DES_ACTIONS))  # fmt: skip
    par_orientation: dict[int, list] = {}
    for action in actions:
        notes = [n for n in action.notes.all() if n.date.year == annee]
        par_orientation.setdefault(action.orientation_id, []).append((action, notes))
    sections = []
    for orientation in orientations(plan):  # in the plan's order: 1, 2, … 11
        de_l_orientation = par_orientation.get(orientation.pk, [])
        sections.append((orientation, [(a, n) for a, n in de_l_orientation if n],
                         [a for a, n in de_l_orientation if not n]))  # fmt: skip
    suivis = suivi_indicateurs(plan, aujourd_hui)
    indicateurs = [
        LigneIndicateur(s, _derniere_de(s.valeurs, annee), _derniere_de(s.valeurs, annee - 1))
        for s in suivis
    ]
    return {
        "plan": plan, "annee": annee, "aujourd_hui": aujourd_hui, "total": total, "lignes": lignes,
        "sections": sections,
        "indicateurs": [i for i in indicateurs if i.valeur_annee or i.valeur_precedente or i.suivi.prochaine_cible],
        "sans_valeur": [i.suivi for i in indicateurs if not (i.valeur_annee or i.valeur_precedente or i.suivi.prochaine_cible)],
        "graphique": graphique_indicateurs(suivis),
        "en_retard": [a for a in actions if en_retard(a, aujourd_hui)],
        "bloquees": [a for a in actions if a.statut == Action.Statut.BLOQUE],
        "demonstration": any(s.demonstration for s in suivis)
        or any(n.demonstration for a in actions for n in a.notes.all()),
    }  # fmt: skip


def html(plan: Plan, annee: int, aujourd_hui: date) -> str:
    return render_to_string("web/pilotage/rapport.html", contexte(plan, annee, aujourd_hui))


def pdf(plan: Plan, annee: int, aujourd_hui: date) -> bytes:
    from weasyprint import HTML  # heavy: loaded only for a PDF

    return HTML(string=html(plan, annee, aujourd_hui)).write_pdf()
