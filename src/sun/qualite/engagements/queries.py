"""Reads of Services Publics+: self-assessments and actions by service and year, the
département overview, and the queue settings shown next to the pick-up rate."""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from sun.qualite.models import ActionAmelioration, AutoEvaluation, Engagement, FileAttente
from sun.qualite.models import NiveauEngagement as Niveau
from sun.relation.models import ServiceInstructeur

Statut = ActionAmelioration.Statut
OUVERTES = (Statut.PREVUE, Statut.EN_COURS)


def _debut(annee: int) -> datetime:
    return timezone.make_aware(datetime.combine(date(annee, 1, 1), time.min))


def _fin(annee: int) -> datetime:
    return timezone.make_aware(datetime.combine(date(annee, 12, 31), time.max))


class ActionQuerySet(QuerySet):
    def du_service(self, service_id: int):
        return self.filter(service_id=service_id)

    def publiques(self):
        """Shown on « Nos résultats »: public and real (demonstration actions never are)."""
        return self.filter(publique=True, demonstration=False)

    def ouvertes(self):
        return self.filter(statut__in=OUVERTES)

    def en_retard(self, jour: date):
        """Open actions whose deadline has passed."""
        return self.ouvertes().filter(echeance__lt=jour)

    def de_l_annee(self, annee: int):
        """The actions followed during `annee`: committed to by the end of that year, and
        still open, or due that year or later, or (without a deadline) last updated that year
        or later."""
        suivies = (
            Q(statut__in=OUVERTES)
            | Q(echeance__gte=date(annee, 1, 1))
            | Q(echeance__isnull=True, date_maj__gte=_debut(annee))
        )
        return self.filter(cree_le__lte=_fin(annee)).filter(suivies)

    def pour_affichage(self):
        return self.select_related("service", "engagement").order_by(
            "service__nom", "statut", "echeance", "pk"
        )


def actions() -> ActionQuerySet:
    return ActionQuerySet(ActionAmelioration)


def engagements() -> list[Engagement]:
    return list(Engagement.objects.order_by("numero"))


def evaluations(service_id: int, annee: int) -> dict[int, AutoEvaluation]:
    """{engagement pk: self-assessment} of one service for one year."""
    qs = AutoEvaluation.objects.filter(service_id=service_id, annee=annee).select_related("auteur")
    return {e.engagement_id: e for e in qs}


def annees(aujourd_hui: date, service_id: int | None = None) -> list[int]:
    """The years that have a self-assessment or an action deadline, and the current year,
    most recent first."""
    evals = AutoEvaluation.objects.all()
    acts = ActionAmelioration.objects.filter(echeance__isnull=False)
    if service_id is not None:
        evals, acts = evals.filter(service_id=service_id), acts.filter(service_id=service_id)
    trouvees = set(evals.values_list("annee", flat=True).distinct())
    trouvees |= {d.year for d in acts.values_list("echeance", flat=True).distinct()}
    trouvees.add(aujourd_hui.year)
    return sorted((a for a in trouvees if a <= aujourd_hui.year + 1), reverse=True)


@dataclass
class LigneService:
    service: ServiceInstructeur
    niveaux: list[str]  # one per commitment, in number order ("" when not assessed)
    evalues: int
    actions_ouvertes: int
    actions_en_retard: int


@dataclass
class VueDepartement:
    annee: int
    engagements: list[Engagement]
    services: list[LigneService]
    # {engagement pk: {niveau: number of services}}
    par_engagement: dict[int, dict[str, int]] = field(default_factory=dict)
    en_retard: list[ActionAmelioration] = field(default_factory=list)

    @property
    def auto_evalues(self) -> int:
        """Services that assessed every commitment this year."""
        return sum(1 for s in self.services if s.evalues == len(self.engagements))

    @property
    def commences(self) -> int:
        return sum(1 for s in self.services if s.evalues)


def vue_departement(annee: int, jour: date) -> VueDepartement:
    """Which services assessed themselves in `annee`, their level per commitment, and the
    actions late on `jour` (four queries whatever the number of services)."""
    liste = engagements()
    services = list(ServiceInstructeur.objects.order_by("nom"))
    niveaux: dict[tuple[int, int], str] = {
        (s, e): n for s, e, n in AutoEvaluation.objects.filter(annee=annee, demonstration=False)
        .values_list("service_id", "engagement_id", "niveau")
    }  # fmt: skip
    ouvertes = (
        actions().filter(demonstration=False).ouvertes().values("service_id")
        .annotate(n=Count("pk"), retard=Count("pk", filter=Q(echeance__lt=jour)))
        .values_list("service_id", "n", "retard").order_by()
    )  # fmt: skip
    comptes = {sid: (n, r) for sid, n, r in ouvertes}
    lignes = []
    for s in services:
        ligne = [niveaux.get((s.pk, e.pk), "") for e in liste]
        n, retard = comptes.get(s.pk, (0, 0))
        lignes.append(LigneService(s, ligne, sum(1 for x in ligne if x), n, retard))
    par_engagement = {e.pk: {n: 0 for n in Niveau.values} for e in liste}
    for (_, e), n in niveaux.items():
        if e in par_engagement:
            par_engagement[e][n] += 1
    retard = list(actions().en_retard(jour).pour_affichage())
    return VueDepartement(annee, liste, lignes, par_engagement, retard)


@dataclass(frozen=True)
class SeuilsTelephone:
    files: int
    abandon_court_s: tuple[int, ...]  # the distinct exclusion thresholds of the queues
    objectifs: tuple[int, ...]


def seuils_telephone(service_code: str | None = None) -> SeuilsTelephone:
    """The settings of the real queues of a service (or of all) used by the pick-up rate."""
    qs = FileAttente.objects.filter(demonstration=False)
    if service_code:
        qs = qs.filter(service__code=service_code)
    lignes = list(qs.values_list("abandon_court_s", "objectif_decroche"))
    return SeuilsTelephone(
        len(lignes),
        tuple(sorted({a for a, _ in lignes})),
        tuple(sorted({o for _, o in lignes})),
    )


def services_a_afficher() -> list[ServiceInstructeur]:
    """The services listed on « Nos résultats »: every service of the département."""
    return list(ServiceInstructeur.objects.order_by("nom"))


def service_par_code(code: str) -> ServiceInstructeur | None:
    return ServiceInstructeur.objects.filter(code=code).first()


def codes_des_services_avec_files() -> list[str]:
    """Services that answer at least one real queue (their pick-up rate can be measured)."""
    return list(
        ServiceInstructeur.objects.filter(files_attente__demonstration=False)
        .distinct()
        .order_by("nom")
        .values_list("code", flat=True)
    )
