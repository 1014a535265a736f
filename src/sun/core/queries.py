"""Reads of the core: the record of imports."""

from django.db.models import QuerySet

from sun.core.models import JournalImport


def journal_des_imports(genre: str = "") -> QuerySet[JournalImport]:
    """Every recorded import, newest first, optionally of one kind."""
    imports = JournalImport.objects.select_related("auteur")
    return imports.filter(genre=genre) if genre else imports


def genres_importes() -> list[tuple[str, str]]:
    """The kinds of import recorded so far, with their label, for a filter."""
    return list(JournalImport.objects.order_by("genre").values_list("genre", "libelle").distinct())
