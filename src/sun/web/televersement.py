"""The upload limit of every form (the import forms of the agent space above all): a request
body over SUN_IMPORT_TAILLE_MAX (plus MARGE for the other fields and a mapping file) is refused
with a 413 page in French before a byte of it is read, from its announced length; and the
files of a multipart body are counted as they arrive (CompteurTeleversement, the first upload
handler), so that one that grows past the limit stops the upload at once (its temporary file
deleted) instead of being written whole to disk.
"""

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.shortcuts import render

from sun.core.imports.bornes import message_taille, taille_max

MARGE = 4 * 1024 * 1024  # form fields, multipart boundaries, a mapping file


def _longueur(request) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def refus(request, taille: int | None = None):
    """The 413 page: what is too big and what to do."""
    contexte = {"titre": "Fichier trop volumineux", "raison": message_taille(taille)}
    return render(request, "400.html", contexte, status=413)


class LimiteTeleversement:
    """Refuse an oversized body from its length; read a multipart body here, through the
    counting handler, so that an upload it stopped gets the same page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        longueur = _longueur(request)
        if longueur > taille_max() + MARGE:
            return refus(request, longueur)
        if request.method == "POST" and request.content_type == "multipart/form-data":
            request.FILES  # noqa: B018 — parsed now (CSRF would a moment later), counted
            if getattr(request, "televersement_refuse", False):
                return refus(request)
        return self.get_response(request)


class CompteurTeleversement(FileUploadHandler):
    """Counts the bytes of the uploaded files and stops the upload beyond the limit: a file
    over SUN_IMPORT_TAILLE_MAX, or all of them over it plus MARGE (a body sent without its
    length, or whose length lied). Passes every chunk on to the next handlers unchanged."""

    def __init__(self, request=None):
        super().__init__(request)
        self.total = 0
        self.fichier = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.fichier = 0

    def receive_data_chunk(self, raw_data, start):
        self.total += len(raw_data)
        self.fichier += len(raw_data)
        if self.fichier > taille_max() or self.total > taille_max() + MARGE:
            if self.request is not None:
                self.request.televersement_refuse = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) gives the file


@contextmanager
def copie_temporaire(envoye, nom: str = "") -> Iterator[Path]:
    """An uploaded file copied to a temporary folder, under its own name (the reader's
    messages name the file the agent chose, and some files carry their edition in their name)
    or under `nom`; the folder is deleted on leaving."""
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / (nom or Path(envoye.name or "fichier").name or "fichier")
        with chemin.open("wb") as copie:
            for morceau in envoye.chunks():
                copie.write(morceau)
        yield chemin
