"""Reads of the analyses wing: the fragility index of communes and EPCI, the codes of a
département, the status of a few places."""

from sun.inclusion.models import IndiceFragilite, Lieu
from sun.territoire.models import EPCI, Commune


def indice_de_la_commune(code_insee: str) -> IndiceFragilite | None:
    return IndiceFragilite.objects.filter(
        niveau=IndiceFragilite.Niveau.COMMUNE, code=code_insee
    ).first()


def indice_de_l_epci(code_siren: str) -> IndiceFragilite | None:
    return IndiceFragilite.objects.filter(
        niveau=IndiceFragilite.Niveau.EPCI, code=code_siren
    ).first()


def indices_fragilite(codes: list[str]) -> dict[str, float]:
    """{INSEE code: total index} of the communes among `codes` that have one."""
    return dict(
        IndiceFragilite.objects.filter(
            niveau=IndiceFragilite.Niveau.COMMUNE, code__in=codes
        ).values_list("code", "total")
    )


def sources_ifn_des_communes(code_departement: str) -> set[str]:
    """The sources of the fragility indices loaded for the communes of a département."""
    codes = Commune.objects.filter(departement__code=code_departement).values("code_insee")
    return set(
        IndiceFragilite.objects.filter(niveau=IndiceFragilite.Niveau.COMMUNE, code__in=codes)
        .values_list("source", flat=True)
        .distinct()
    )


def codes_du_departement(code_departement: str) -> set[str]:
    """INSEE codes of the département's communes and SIREN of the EPCI with a commune in it."""
    communes = Commune.objects.filter(departement__code=code_departement)
    return set(communes.values_list("code_insee", flat=True)) | set(
        EPCI.objects.filter(communes__in=communes).values_list("code_siren", flat=True).distinct()
    )


def statuts_des_lieux(identifiants: list) -> dict:
    """{place id: status} of the given places."""
    return dict(Lieu.objects.filter(pk__in=identifiants).values_list("pk", "statut"))


def ifn_charge(code_departement: str) -> dict:
    """What is loaded for a département: communes with an index out of all, EPCI with one,
    the sources and the last import date."""
    from django.db.models import Max

    communes = Commune.objects.filter(departement__code=code_departement)
    epci = EPCI.objects.filter(communes__in=communes).values("code_siren")
    indices = IndiceFragilite.objects.filter(
        niveau=IndiceFragilite.Niveau.COMMUNE, code__in=communes.values("code_insee")
    )
    return {
        "communes": indices.count(),
        "communes_total": communes.count(),
        "epci": IndiceFragilite.objects.filter(
            niveau=IndiceFragilite.Niveau.EPCI, code__in=epci
        ).count(),
        "sources": sorted(set(indices.values_list("source", flat=True))),
        "date": indices.aggregate(d=Max("date_import"))["d"],
    }
