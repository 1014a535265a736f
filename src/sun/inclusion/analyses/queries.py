"""Reads of the analyses wing: the fragility index of communes."""

from sun.inclusion.models import IndiceFragilite


def indice_de_la_commune(code_insee: str) -> IndiceFragilite | None:
    return IndiceFragilite.objects.filter(
        niveau=IndiceFragilite.Niveau.COMMUNE, code=code_insee
    ).first()


def indices_fragilite(codes: list[str]) -> dict[str, float]:
    """{INSEE code: total index} of the communes among `codes` that have one."""
    return dict(
        IndiceFragilite.objects.filter(
            niveau=IndiceFragilite.Niveau.COMMUNE, code__in=codes
        ).values_list("code", "total")
    )
