"""Everything a commune sheet shows, gathered for many communes at once: a fixed number of
set-based queries whatever their number (433 sheets of the Aude cost the same queries as
one), then one `FicheCommune` per commune, with what is missing said, not left blank."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from sun.connectivite.cuivre import FC, FT, Explication, expliquer
from sun.connectivite.fiches.proximite import AideAutour, aide_autour_des_communes
from sun.connectivite.fiches.queries import (
    accompagnements_par_commune,
    communes_des_fiches,
    indices_par_commune,
    orientations_par_commune,
    signalements_par_type,
)
from sun.connectivite.models import OUVERTS, Categorie, Operateur, Statut
from sun.connectivite.synthese import Connectivite, rassembler
from sun.core.horaires import Horaires, HorairesInvalides, jours_groupes
from sun.core.indicators import NON_AFFICHE, SEUIL_PERSONNES
from sun.pilotage.avancement import plan_courant
from sun.pilotage.queries import actions_concernant_les_communes
from sun.pilotage.services import en_retard

ORIENTATION = "6"  # « Accompagner les collectivités locales et les citoyens… » (Axe 4)
PERIODE_JOURS = 365  # help counted over the last twelve months
AUTRES_ACTIONS_MAX = 2


@dataclass(frozen=True)
class Compte:
    """A count of people: shown from SEUIL_PERSONNES on, else « non affiché »."""

    valeur: int

    @property
    def masque(self) -> bool:
        return 0 < self.valeur < SEUIL_PERSONNES

    def __str__(self) -> str:
        return NON_AFFICHE if self.masque else f"{self.valeur:,}".replace(",", "\u202f")


@dataclass
class LigneMobile:
    """One operator: % of the population in good or very good coverage per technology, and
    % of the area not covered (in 4G, else the first technology given)."""

    operateur: str
    par_techno: dict[str, float]
    territoire_non_couvert: float | None = None

    def population(self, techno: str) -> float | None:
        return self.par_techno.get(techno)


@dataclass
class LigneSignalement:
    categorie: str
    ouverts: int
    resolus: int
    sans_suite: int

    @property
    def total(self) -> int:
        return self.ouverts + self.resolus + self.sans_suite


@dataclass
class ActionDuPlan:
    code: str
    titre: str
    statut: str
    en_retard: bool


@dataclass
class FicheCommune:
    commune: object  # territoire.Commune, with département, EPCI and town hall
    aujourd_hui: date
    connectivite: Connectivite
    cuivre: Explication
    mobile: list[LigneMobile]
    aide: AideAutour | None
    fragilite: object | None  # inclusion.IndiceFragilite
    orientations: Compte
    accompagnements: Compte
    depuis: date
    signalements: list[LigneSignalement]
    plan: object | None
    actions_orientation: list[ActionDuPlan] = field(default_factory=list)
    autres_actions: list[ActionDuPlan] = field(default_factory=list)
    autres_actions_en_plus: int = 0
    horaires: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def definitions_cuivre(self) -> list[str]:
        """What the closing dates mean (printed once, apart from what residents must do)."""
        return [e for e in self.cuivre.etapes if e in (FC, FT)]

    @property
    def a_faire_cuivre(self) -> list[str]:
        return [e for e in self.cuivre.etapes if e not in (FC, FT)]

    @property
    def technos_mobiles(self) -> list[str]:
        return sorted({t for ligne in self.mobile for t in ligne.par_techno})

    @property
    def mairie(self):
        return getattr(self.commune, "mairie", None)

    @property
    def editions_demonstration(self) -> list[str]:
        """The files of demonstration data the sheet's figures come from."""
        c = self.connectivite
        editions = [c.edition_fixe, c.edition_debit, c.edition_ftth, c.edition_mobile,
                    c.cuivre.edition if c.cuivre else None]  # fmt: skip
        vues = []
        for e in editions:
            if e is not None and e.demonstration and e.get_genre_display() not in vues:
                vues.append(e.get_genre_display())
        return vues

    @property
    def demonstration(self) -> bool:
        return bool(self.editions_demonstration or (self.aide and self.aide.demonstration))

    @property
    def signalements_ouverts(self) -> int:
        return sum(s.ouverts for s in self.signalements)

    @property
    def signalements_total(self) -> int:
        return sum(s.total for s in self.signalements)

    @property
    def manquants(self) -> list[str]:
        """What SUN does not know of this commune, in plain French."""
        c, manque = self.connectivite, []
        if c.locaux is None:
            manque.append("l'éligibilité des logements à la fibre et au haut débit (Arcep)")
        if not c.serie:
            manque.append("le déploiement de la fibre trimestre par trimestre (Arcep)")
        if c.cuivre is None:
            manque.append("le calendrier de fermeture du cuivre")
        if not self.mobile:
            manque.append("la couverture mobile par opérateur (Arcep)")
        if self.mairie is None:
            manque.append("les coordonnées de la mairie")
        if self.fragilite is None:
            manque.append("l'indice de fragilité numérique")
        if self.aide is None:
            manque.append("la position de la commune (lieux d'aide proches)")
        return manque


def _mobile(connectivite: Connectivite) -> list[LigneMobile]:
    noms, lignes = dict(Operateur.choices), {}
    for m in connectivite.mobile:
        ligne = lignes.setdefault(m.operateur, LigneMobile(noms.get(m.operateur, m.operateur), {}))
        ligne.par_techno[m.techno] = m.pop_bc + m.pop_tbc
        if m.techno == "4G" or ligne.territoire_non_couvert is None:
            ligne.territoire_non_couvert = m.couv_nc
    return list(lignes.values())


def _signalements(lignes: list[tuple[str, str, int]]) -> list[LigneSignalement]:
    par_categorie: dict[str, LigneSignalement] = {}
    for categorie, statut, n in lignes:
        ligne = par_categorie.setdefault(categorie, LigneSignalement(categorie, 0, 0, 0))
        if statut in OUVERTS:
            ligne.ouverts += n
        elif statut == Statut.RESOLU:
            ligne.resolus += n
        else:
            ligne.sans_suite += n
    libelles = dict(Categorie.choices)
    return [LigneSignalement(libelles.get(k, k), v.ouverts, v.resolus, v.sans_suite)
            for k, v in sorted(par_categorie.items(), key=lambda kv: -kv[1].total)]  # fmt: skip


def _actions(plan, aujourd_hui: date) -> tuple[list[ActionDuPlan], list[ActionDuPlan]]:
    """The plan's actions of orientation 6, and the other actions that concern communes."""
    if plan is None:
        return [], []

    def ligne(action, retard: bool) -> ActionDuPlan:
        return ActionDuPlan(action.code, action.titre, action.get_statut_display(), retard)

    orientation = [ligne(a, en_retard(a, aujourd_hui)) for a in
                   plan.actions.filter(orientation__code=ORIENTATION, parent__isnull=True)
                   .order_by("ordre", "code")]  # fmt: skip
    codes = {a.code for a in orientation}
    autres = [ligne(a, retard) for a, _, retard in actions_concernant_les_communes(plan, aujourd_hui)
              if a.code not in codes and a.parent_id is None]  # fmt: skip
    return orientation, autres


def _horaires(mairie) -> list[tuple[str, list[str]]]:
    if mairie is None or not mairie.horaires:
        return []
    try:
        return jours_groupes(Horaires(mairie.horaires).semaine_type())
    except (HorairesInvalides, ValueError):
        return []


def rassembler_fiches(codes, aujourd_hui: date | None = None) -> dict:
    """{code: FicheCommune} for the known communes among `codes` (unknown codes are left
    out), in a fixed number of queries."""
    aujourd_hui = aujourd_hui or timezone.localdate()
    communes = communes_des_fiches(codes)
    codes = [c.code_insee for c in communes]
    if not codes:
        return {}
    depuis = aujourd_hui - timedelta(days=PERIODE_JOURS)
    connectivites = rassembler(codes)
    aides = aide_autour_des_communes(communes)
    indices = indices_par_commune(codes)
    orientations = orientations_par_commune(codes, depuis)
    accompagnements = accompagnements_par_commune(codes, depuis)
    signalements = signalements_par_type(codes)
    plan = plan_courant()
    orientation, autres = _actions(plan, aujourd_hui)
    fiches = {}
    for commune in communes:
        code = commune.code_insee
        c = connectivites[code]
        fiches[code] = FicheCommune(
            commune=commune, aujourd_hui=aujourd_hui, connectivite=c,
            cuivre=expliquer(c.cuivre, aujourd_hui), mobile=_mobile(c), aide=aides.get(code),
            fragilite=indices.get(code), orientations=Compte(orientations.get(code, 0)),
            accompagnements=Compte(accompagnements.get(code, 0)), depuis=depuis,
            signalements=_signalements(signalements.get(code, [])), plan=plan,
            actions_orientation=orientation, autres_actions=autres[:AUTRES_ACTIONS_MAX],
            autres_actions_en_plus=max(len(autres) - AUTRES_ACTIONS_MAX, 0),
            horaires=_horaires(getattr(commune, "mairie", None)),
        )  # fmt: skip
    return fiches


def fiche_de_la_commune(code: str, aujourd_hui: date | None = None) -> FicheCommune | None:
    return rassembler_fiches([code.upper()], aujourd_hui).get(code.upper())
