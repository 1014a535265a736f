"""Reads of the accessibility register, the plan and the automated checks."""

from datetime import date

from django.db import models
from django.db.models import Case, Count, F, Max, Q, Sum, Value, When


class ServiceNumeriqueQuerySet(models.QuerySet):
    def reels(self):
        return self.filter(demonstration=False)

    def de_demonstration(self):
        return self.filter(demonstration=True)

    def par_urgence(self, aujourd_hui: date):
        """Late first (no declaration, or its due date passed), then by due date, then name."""
        retard = Case(
            When(Q(echeance__isnull=True) | Q(echeance__lt=aujourd_hui), then=Value(0)),
            default=Value(1),
        )
        return (
            self.select_related("service")
            .annotate(rang_retard=retard)
            .order_by("rang_retard", F("echeance").asc(nulls_first=True), "nom")
        )

    def controlables(self, slug: str | None = None):
        """The services the automated check visits: one by its code, or every real one."""
        if slug:
            return self.filter(slug=slug)
        return self.reels().order_by("nom")


def services_de_la_liste_publique():
    from sun.accessibilite.models import ServiceNumerique

    return ServiceNumerique.objects.select_related("service").order_by("demonstration", "nom")


def schema_en_cours(aujourd_hui: date):
    """The multi-year plan covering `aujourd_hui` (a real one before a demonstration one), or
    else the latest one; None if there is none."""
    from sun.accessibilite.models import SchemaPluriannuel

    qs = SchemaPluriannuel.objects.order_by("demonstration", "-debut")
    return qs.filter(debut__lte=aujourd_hui, fin__gte=aujourd_hui).first() or qs.first()


def actions_de_l_annee(schema, annee: int):
    return schema.actions.filter(annee=annee).select_related("service", "service_numerique")


def controles_du_service(service) -> list[dict]:
    """One row per automated run that visited `service`, oldest first: pages reached and not,
    rules and elements in violation, axe-core version."""
    lignes = (
        service.resultats_controle.values("controle_id", "controle__debut", "controle__version_axe")
        .annotate(
            atteintes=Count("pk", filter=Q(atteinte=True)),
            injoignables=Count("pk", filter=Q(atteinte=False)),
            violations=Sum("violations"),
            noeuds=Sum("noeuds"),
        )
        .order_by("controle__debut")
    )
    return list(lignes)


def dernier_controle_du_service(service):
    """The results, per address, of the latest run that visited `service`."""
    dernier = service.resultats_controle.aggregate(d=Max("controle_id"))["d"]
    if dernier is None:
        return []
    return list(service.resultats_controle.filter(controle_id=dernier).select_related("controle"))


def dernier_controle_par_service(ids: list[int]) -> dict[int, dict]:
    """{service id: {debut, noeuds, injoignables}} of each service's latest automated run."""
    from sun.accessibilite.models import ResultatPage

    derniers = (
        ResultatPage.objects.filter(service_id__in=ids)
        .values("service_id")
        .annotate(d=Max("controle_id"))
    )
    cles = {(r["service_id"], r["d"]) for r in derniers}
    resultat: dict[int, dict] = {}
    lignes = (
        ResultatPage.objects.filter(service_id__in=ids, controle_id__in={d for _, d in cles})
        .values("service_id", "controle_id", "controle__debut")
        .annotate(noeuds=Sum("noeuds"), injoignables=Count("pk", filter=Q(atteinte=False)))
    )
    for ligne in lignes:
        if (ligne["service_id"], ligne["controle_id"]) in cles:
            resultat[ligne["service_id"]] = {
                "debut": ligne["controle__debut"], "noeuds": ligne["noeuds"],
                "injoignables": ligne["injoignables"],
            }  # fmt: skip
    return resultat
