"""Serving pre-generated files (the open-data exports): ETag and conditional requests, and the
gzip copy written beside the file for clients that accept it, so that no download compresses
the file again (the GZip middleware leaves a response with Content-Encoding as it is)."""

from django.http import FileResponse
from django.utils.cache import get_conditional_response, patch_vary_headers

from sun.core.calculs_versionnes import copie_gzip


def servir_fichier(request, chemin, type_contenu: str, etag: str, nom: str | None = None,
                   max_age: int = 3600):  # fmt: skip
    entete_etag = f'"{etag}"'
    # Django's own reading of If-None-Match (weak tags, lists, « * »): a 304, or None.
    reponse = get_conditional_response(request, etag=entete_etag)
    if reponse is None:
        compresse = "gzip" in request.headers.get("Accept-Encoding", "")
        source = copie_gzip(chemin) if compresse else chemin
        reponse = FileResponse(source.open("rb"), content_type=type_contenu)
        if compresse:
            reponse["Content-Encoding"] = "gzip"
        if nom:
            reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    reponse["ETag"] = entete_etag
    reponse["Cache-Control"] = f"public, max-age={max_age}"
    patch_vary_headers(reponse, ["Accept-Encoding"])
    return reponse
