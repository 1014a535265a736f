"""Reads of the wing « sobriete »: the latest measure of each page."""

from django.db.models import OuterRef, Subquery

from sun.parc.models import MesureEcoindex


def dernieres_mesures() -> list[MesureEcoindex]:
    """The newest measure of every page measured, in the order of `pages.PAGES` then by
    name for pages no longer listed."""
    from sun.parc.sobriete.pages import ORDRE

    plus_recente = MesureEcoindex.objects.filter(page=OuterRef("page")).order_by(
        "-mesure_le", "-pk"
    )
    mesures = list(MesureEcoindex.objects.filter(pk=Subquery(plus_recente.values("pk")[:1])))
    return sorted(mesures, key=lambda m: (ORDRE.get(m.page, len(ORDRE)), m.page))
