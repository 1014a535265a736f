"""Reads of the import pages: every edition of every kind with its row count (one grouped
query per model, whatever the number of editions)."""

from django.db.models import Count

from sun.connectivite.models import Edition, Genre
from sun.connectivite.queries import MODELE_DU_GENRE


def editions_par_genre() -> list[tuple[Genre, list[Edition]]]:
    """[(kind, its editions newest first, each with `lignes`: its row count)] for each kind."""
    comptes: dict[int, int] = {}
    for modele in {m for m in MODELE_DU_GENRE.values()}:
        for ligne in modele.objects.values("edition_id").annotate(n=Count("pk")):
            comptes[ligne["edition_id"]] = ligne["n"]
    par_genre: dict[str, list[Edition]] = {g: [] for g in Genre.values}
    for edition in Edition.objects.order_by("genre", "-date_edition"):
        edition.lignes = comptes.get(edition.pk, 0)
        par_genre[edition.genre].append(edition)
    return [(Genre(g), par_genre[g]) for g in Genre.values]
