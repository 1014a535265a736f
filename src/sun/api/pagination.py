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
    total = queryset.count()
    debut = (page - 1) * taille
    return list(queryset[debut : debut + taille]), Page(
        total=total, page=page, taille=taille, pages=max(1, ceil(total / taille))
    )
