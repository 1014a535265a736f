"""Reads of the telephone figures: chainable QuerySet methods, each one GROUP BY over the
stored calendar of the calls (`jour`, `jour_semaine`, `demi_heure`); never a loop over calls.

The pick-up rate's definition (`a_decrocher`) is the one of `telephonie/indicators.py`'s
docstring: calls answered by an agent ÷ calls that required an agent."""

from datetime import date

from django.db import models
from django.db.models import Count, F, Max, Min, Q, Sum
from django.db.models.functions import TruncMonth

# The models import this module (their managers): the outcomes are read from the models
# module inside the functions, once it is loaded.


def _issues():
    from sun.qualite.models import telephonie

    return telephonie


def a_decrocher() -> Q:
    """The calls that required an agent's answer (the pick-up rate's denominator): not the
    IVR alone, not outside hours, not an abandon shorter than the queue's threshold."""
    t = _issues()
    court = Q(issue__in=t.ABANDONS, attente_s__lt=F("file__abandon_court_s"))
    return ~Q(issue__in=t.SANS_AGENT) & ~court


def decroche() -> Q:
    return Q(issue=_issues().Issue.DECROCHE)


def abandon() -> Q:
    return Q(issue__in=_issues().ABANDONS)


def en_file() -> Q:
    """Every call that reached a human queue (the arrivals of the staffing aid)."""
    return ~Q(issue__in=_issues().SANS_AGENT)


def compteurs() -> dict:
    """The counts of one aggregate (or of each group of a GROUP BY)."""
    Issue, DECROCHE = _issues().Issue, decroche()
    ABANDONS = _issues().ABANDONS
    return {
        "recus": Count("pk"),
        "a_decrocher": Count("pk", filter=a_decrocher()),
        "decroches": Count("pk", filter=DECROCHE),
        "abandons": Count("pk", filter=Q(issue__in=ABANDONS)),
        "abandons_courts": Count(
            "pk", filter=Q(issue__in=ABANDONS, attente_s__lt=F("file__abandon_court_s"))
        ),
        "hors_horaires": Count("pk", filter=Q(issue=Issue.HORS_HORAIRES)),
        "svi_seul": Count("pk", filter=Q(issue=Issue.SVI_SEUL)),
        "dans_le_seuil": Count(
            "pk", filter=DECROCHE & Q(attente_s__lte=F("file__seuil_reponse_s"))
        ),
    }


class AppelQuerySet(models.QuerySet):
    def reels(self):
        return self.filter(demonstration=False)

    def de_demonstration(self):
        return self.filter(demonstration=True)

    def du_service(self, service_id: int):
        return self.filter(file__service_id=service_id)

    def de_la_file(self, file_id: int):
        return self.filter(file_id=file_id)

    def entre(self, du: date | None, au: date | None):
        qs = self
        if du:
            qs = qs.filter(jour__gte=du)
        if au:
            qs = qs.filter(jour__lte=au)
        return qs

    def chiffres(self) -> dict:
        """Every count of the dashboard, the first and last day, in one aggregate."""
        return self.aggregate(**compteurs(), premier=Min("jour"), dernier=Max("jour"))

    def chiffres_par(self, *champs: str) -> dict:
        """{value (tuple if several fields): counts} in one GROUP BY."""
        lignes = self.values(*champs).annotate(**compteurs()).order_by()
        resultat = {}
        for ligne in lignes:
            cle = tuple(ligne.pop(c) for c in champs)
            resultat[cle[0] if len(champs) == 1 else cle] = ligne
        return resultat

    def chiffres_par_mois(self) -> dict:
        """{first day of the month: counts}."""
        lignes = self.annotate(mois=TruncMonth("jour")).values("mois").annotate(**compteurs())
        return {ligne.pop("mois"): ligne for ligne in lignes.order_by()}

    def histogramme_attente(self, *champs: str) -> list[tuple]:
        """Rows (*champs, wait in seconds, number of calls) of the calls answered by an agent:
        the percentiles of the wait are read from it (one row per distinct wait)."""
        return list(
            self.filter(decroche())
            .values_list(*champs, "attente_s")
            .annotate(n=Count("pk"))
            .order_by()
        )

    def histogramme_attente_par_mois(self) -> list[tuple]:
        return list(
            self.filter(decroche())
            .annotate(mois=TruncMonth("jour"))
            .values_list("mois", "attente_s")
            .annotate(n=Count("pk"))
            .order_by()
        )

    def arrivees_par_creneau(self) -> dict[tuple[int, int], dict]:
        """{(weekday, half-hour): calls that reached a human queue, answered, abandoned} for
        the staffing aid."""
        lignes = (
            self.filter(en_file())
            .values("jour_semaine", "demi_heure")
            .annotate(
                arrivees=Count("pk"),
                decroches=Count("pk", filter=decroche()),
                abandons=Count("pk", filter=abandon()),
            )
            .order_by()
        )
        return {(ligne.pop("jour_semaine"), ligne.pop("demi_heure")): ligne for ligne in lignes}

    def durees(self) -> dict:
        """Talk time of the answered calls, and what the patience estimate needs: the waits of
        every call that queued and the number of abandons."""
        return self.filter(en_file()).aggregate(
            decroches=Count("pk", filter=decroche()),
            conversation=Sum("conversation_s", filter=decroche()),
            attente_totale=Sum("attente_s"),
            abandons=Count("pk", filter=abandon()),
            premier=Min("jour"),
            dernier=Max("jour"),
        )

    def creneaux_ouverts(self) -> set[tuple[int, int]]:
        """(weekday, half-hour) pairs where calls reached a human queue."""
        return set(
            self.filter(en_file()).values_list("jour_semaine", "demi_heure").distinct().order_by()
        )

    def dernier_jour(self) -> date | None:
        return self.aggregate(d=Max("jour"))["d"]


class FileAttenteQuerySet(models.QuerySet):
    def du_service(self, service_id: int):
        return self.filter(service_id=service_id)

    def sans_service(self):
        return self.filter(service__isnull=True)

    def avec_services(self):
        return self.select_related("service").order_by("service__nom", "nom")


class EffectifQuerySet(models.QuerySet):
    def grille(self, file_id: int) -> dict[tuple[int, int], int]:
        """{(weekday, half-hour): agents on duty} of one queue's rota."""
        return {
            (j, h): n
            for j, h, n in self.filter(file_id=file_id).values_list(
                "jour_semaine", "demi_heure", "agents"
            )
        }
