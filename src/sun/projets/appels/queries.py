"""Reads of the calls for projects, applications and funding."""

from datetime import date, timedelta

from django.db.models import Q

from sun.projets.queries import Demonstration

PREPARATION = "preparation"
OBTENUE = "obtenue"
REFUSEE = "refusee"


class AppelQuerySet(Demonstration):
    def ouverts(self, jour: date):
        """Calls whose deadline is today or later, nearest first."""
        return self.filter(date_limite__gte=jour).order_by("date_limite", "titre")

    def clos(self, jour: date):
        return self.filter(date_limite__lt=jour).order_by("-date_limite", "titre")

    def filtres(self, financeur: str = "", relaye: str = ""):
        """The watch list's filters: a funder (exact name), relayed « oui » / « non »."""
        appels = self.select_related("suivi_par")
        if financeur:
            appels = appels.filter(financeur=financeur)
        if relaye in ("oui", "non"):
            appels = appels.filter(relaye=relaye == "oui")
        return appels

    def publics(self, jour: date):
        """What the public list shows: real (never demonstration), relayed and still open."""
        return self.reels().ouverts(jour).filter(relaye=True)

    def a_rappeler(self, jour: date, delai: int):
        """Real calls whose deadline falls within `delai` days from `jour` (today included)."""
        return (self.reels().filter(date_limite__gte=jour,
                                    date_limite__lte=jour + timedelta(days=delai))
                .select_related("suivi_par").order_by("date_limite"))  # fmt: skip

    def financeurs(self) -> list[str]:
        return list(self.order_by("financeur").values_list("financeur", flat=True).distinct())


class CandidatureQuerySet(Demonstration):
    def comptees(self):
        """What figures count: neither the application nor its call is demonstration."""
        return self.filter(demonstration=False, appel__demonstration=False)

    def de_demo(self):
        return self.filter(Q(demonstration=True) | Q(appel__demonstration=True))

    def obtenues(self):
        return self.filter(statut=OBTENUE, montant_obtenu__isnull=False)

    def decidees(self):
        return self.filter(statut__in=(OBTENUE, REFUSEE))

    def en_preparation(self):
        return self.filter(statut=PREPARATION)

    def deposees_entre(self, du: date, au: date):
        return self.filter(deposee_le__gte=du, deposee_le__lte=au)

    def detaillees(self):
        return self.select_related("appel", "action", "action__plan", "ligne_budget", "porteur")

    def financements(self):
        """Obtained funding, with what the tables show, by action code then decision."""
        return self.obtenues().detaillees().order_by("action__code", "decision_le", "pk")


# --- single reads used by the views and the steering pages --------------------------------------
def appel(pk: int):
    from sun.projets.models import AppelAProjets

    return AppelAProjets.objects.select_related("suivi_par").filter(pk=pk).first()


def candidature(pk: int):
    from sun.projets.models import Candidature

    return Candidature.objects.detaillees().filter(pk=pk).first()


def candidatures_de(appel_a_projets):
    return appel_a_projets.candidatures.detaillees().order_by("action__code", "pk")


def actions_du_plan(plan):
    """The plan's actions by code (the application form's select)."""
    if plan is None:
        return []
    return list(plan.actions.order_by("code"))


def lignes_budget_du_plan(plan):
    from sun.pilotage.models import LigneBudget

    if plan is None:
        return []
    return list(LigneBudget.objects.filter(action__plan=plan).select_related("action")
                .order_by("action__code", "annee", "type"))  # fmt: skip


def suiveurs_possibles():
    """Accounts that may follow a call: the staff roles that read the watch list."""
    from django.contrib.auth import get_user_model

    from sun.projets.permissions import APPELS_LECTEURS

    noms = [r.value for r in APPELS_LECTEURS]
    return (get_user_model().objects.filter(is_active=True)
            .filter(Q(groups__name__in=noms) | Q(is_superuser=True)).distinct()
            .order_by("last_name", "first_name", "username"))  # fmt: skip


def financements_du_plan(plan, jour: date | None = None):
    """Funding obtained for the plan's actions (sun.projets.appels.financements.Bilan)."""
    from sun.projets.appels.financements import bilan
    from sun.projets.models import Candidature

    return bilan(Candidature.objects.financements().filter(action__plan=plan), jour)


def financements_de_l_action(action, jour: date | None = None):
    from sun.projets.appels.financements import bilan

    return bilan(action.candidatures.financements(), jour)


def tous_financements(jour: date | None = None):
    from sun.projets.appels.financements import bilan
    from sun.projets.models import Candidature

    return bilan(Candidature.objects.financements(), jour)
