"""Elected officials' training (CGCT L3123-10 to L3123-14): 18 days of training leave per
councillor and per mandate; a training in the first year for councillors holding a
delegation; a table of the trainings funded, annexed to the administrative account and
debated each year."""

from dataclasses import dataclass
from datetime import date

from sun.competences import referentiel
from sun.competences.models import Personne
from sun.competences.suivi import queries

JOURS_PAR_MANDAT = 18  # CGCT L3123-13
HEURES_PAR_JOUR = 7  # a day of training leave counted as 7 hours
# The current council was installed on 1 July 2021 (departmental elections of June 2021);
# the next renewal is due in 2028.
DEBUT_MANDAT = date(2021, 7, 1)


@dataclass(frozen=True)
class DroitElu:
    personne: Personne
    heures: float

    @property
    def jours(self) -> float:
        return round(self.heures / HEURES_PAR_JOUR, 1)

    @property
    def restant(self) -> float:
        return max(0.0, round(JOURS_PAR_MANDAT - self.jours, 1))

    @property
    def depasse(self) -> bool:
        return self.jours > JOURS_PAR_MANDAT


def droits(debut_mandat: date = DEBUT_MANDAT) -> list[DroitElu]:
    """Each tracked elected official with the days of training of this mandate."""
    heures = queries.heures_par_elu(debut_mandat)
    return [DroitElu(p, heures.get(p.pk, 0.0))
            for p in Personne.objects.reels().elus().order_by("nom", "prenom")]  # fmt: skip


COLONNES_ANNEXE = ("Élu", "Formation", "Thème", "Organisme", "Début", "Fin", "Durée (heures)",
                   "Coût de la session (€)")  # fmt: skip


def lignes_annexe(annee: int) -> list[list]:
    """The year's trainings of elected officials (the table annexed to the administrative
    account): one line per elected official present in a session."""
    themes, organismes = dict(referentiel.THEMES), dict(referentiel.ORGANISMES)
    lignes = []
    for i in queries.formations_elus(date(annee, 1, 1), date(annee, 12, 31)):
        s = i.session
        lignes.append([
            str(i.personne) if i.personne else "Élu (consentement retiré)", s.titre,
            themes.get(s.theme, s.theme), organismes.get(s.organisme, s.organisme),
            f"{s.debut:%d/%m/%Y}", f"{s.fin:%d/%m/%Y}", float(s.duree_heures),
            "" if s.cout is None else float(s.cout),
        ])  # fmt: skip
    return lignes
