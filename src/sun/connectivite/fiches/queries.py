"""Set-based reads of the commune sheets: one query per kind of figure, whatever the number
of communes (help counted, difficulties by type and status, fragility index, plan actions)."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Sum

from sun.connectivite.models import Signalement
from sun.inclusion.models import Activite, IndiceFragilite, Lieu, Orientation
from sun.territoire.models import Commune


def communes_des_fiches(codes: Iterable[str]) -> list[Commune]:
    """The communes with their département, EPCI and town hall, outlines left out."""
    return list(
        Commune.objects.filter(code_insee__in=list(codes))
        .select_related("departement", "epci", "mairie")
        .defer("geometrie")
        .order_by("code_insee")
    )


def codes_du_departement(code_departement: str) -> list[str]:
    return list(
        Commune.objects.filter(departement__code=code_departement)
        .order_by("code_insee")
        .values_list("code_insee", flat=True)
    )


def indices_par_commune(codes: Iterable[str]) -> dict[str, IndiceFragilite]:
    lignes = IndiceFragilite.objects.filter(
        niveau=IndiceFragilite.Niveau.COMMUNE, code__in=list(codes)
    )
    return {indice.code: indice for indice in lignes}


def orientations_par_commune(codes: Iterable[str], depuis: date) -> dict[str, int]:
    """People oriented at a desk since `depuis`, per commune (one GROUP BY)."""
    lignes = (
        Orientation.objects.filter(commune__code_insee__in=list(codes), date__gte=depuis)
        .values("commune__code_insee")
        .annotate(n=Count("pk"))
    )
    return {ligne["commune__code_insee"]: ligne["n"] for ligne in lignes}


def accompagnements_par_commune(codes: Iterable[str], depuis: date) -> dict[str, int]:
    """Real accompaniments (La Coop's count: one per person helped) since `depuis`."""
    lignes = (
        Activite.objects.filter(
            commune__code_insee__in=list(codes), date__gte=depuis, demonstration=False
        )
        .values("commune__code_insee")
        .annotate(n=Sum("accompagnements"))
    )
    return {ligne["commune__code_insee"]: ligne["n"] or 0 for ligne in lignes}


def signalements_par_type(codes: Iterable[str]) -> dict[str, list[tuple[str, str, int]]]:
    """Real cases per commune: [(category, status, count)] (one GROUP BY)."""
    lignes = (
        Signalement.objects.reels()
        .filter(commune__code_insee__in=list(codes))
        .values_list("commune__code_insee", "categorie", "statut")
        .annotate(n=Count("pk"))
        .order_by("commune__code_insee", "categorie", "statut")
    )
    par_code: dict[str, list] = defaultdict(list)
    for code, categorie, statut, n in lignes:
        par_code[code].append((categorie, statut, n))
    return dict(par_code)


def statuts_des_lieux(identifiants: Iterable) -> dict:
    return dict(Lieu.objects.filter(pk__in=list(identifiants)).values_list("pk", "statut"))
