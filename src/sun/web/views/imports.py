"""The record of every import (places, fragility index, activities, CRA v1, territory…)."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from sun.comptes.roles import ESPACE, role_requis
from sun.core.models import JournalImport
from sun.core.queries import genres_importes, journal_des_imports
from sun.inclusion import permissions


@role_requis(*ESPACE)
def journal(request):
    if not permissions.peut_importer(request.user):
        raise PermissionDenied
    genres = dict(genres_importes())
    genre = request.GET.get("genre", "")
    if genre not in genres:
        genre = ""
    page = Paginator(journal_des_imports(genre), 30).get_page(request.GET.get("page"))
    return render(
        request, "web/espace/imports/journal.html",
        {"page": page, "genres": genres, "genre": genre},
    )  # fmt: skip


@role_requis(*ESPACE)
def rapport(request, pk: int):
    """The full CSV report of an import (rejected lines and reported values)."""
    if not permissions.peut_importer(request.user):
        raise PermissionDenied
    entree = get_object_or_404(JournalImport, pk=pk)
    chemin = Path(entree.rapport) if entree.rapport else None
    dossier = (Path(settings.VAR_DIR) / "imports").resolve()
    if chemin is None or not chemin.exists() or dossier not in chemin.resolve().parents:
        raise Http404("Rapport introuvable.")
    return FileResponse(
        chemin.open("rb"), as_attachment=True, filename=chemin.name, content_type="text/csv"
    )
