"""Page-number pagination shared by the list endpoints."""

from math import ceil

from ninja import Schema

TAILLE_MAX = 100


class Page(Schema):
    total: int
    page: int
    taille: int
    pages: int


def paginer(queryset, page: int, taille: int) -> tuple[list, Page]:
    """One page of a queryset, in two steps: the page's keys first (sorted and sliced on narrow
    columns, which an index can cover), then the full rows of those keys only."""
    total = queryset.count()
    debut = (page - 1) * taille
    cles = list(queryset.values_list("pk", flat=True)[debut : debut + taille])
    par_cle = {o.pk: o for o in queryset.filter(pk__in=cles)}
    objets = [par_cle[c] for c in cles]
    return objets, Page(total=total, page=page, taille=taille, pages=max(1, ceil(total / taille)))
