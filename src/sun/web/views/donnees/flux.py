"""The public feeds for harvesters: the catalogue in DCAT-AP 3.0.1 (Turtle, JSON-LD) and as a
data.json, with absolute addresses built from the request's host; no login."""

from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_GET

from sun.donnees.flux import rendu


def _servir(request, format: str):
    texte, cle = rendu.flux_versionne(format, request.build_absolute_uri("/").rstrip("/"))
    etag = f'"{cle}"'
    reponse = get_conditional_response(request, etag=etag)
    if reponse is None:
        reponse = HttpResponse(texte, content_type=rendu.TYPES[format])
    reponse["ETag"] = etag
    reponse["Cache-Control"] = "public, max-age=600"
    reponse["Access-Control-Allow-Origin"] = "*"  # harvesters and browser tools read it
    return reponse


@require_GET
def catalogue_ttl(request):
    return _servir(request, rendu.TURTLE)


@require_GET
def catalogue_jsonld(request):
    return _servir(request, rendu.JSONLD)


@require_GET
def data_json(request):
    return _servir(request, rendu.DATA_JSON)
