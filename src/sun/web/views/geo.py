"""GeoJSON layers for the maps (cached, ETag, gzip by the middleware)."""

from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404

from sun.territoire.models import EPCI, Commune, Departement
from sun.web.cartes import collection_communes, communes_de, etag

CACHE_NAVIGATEUR = "public, max-age=86400"


def _reponse(request, cle: str, communes) -> HttpResponse:
    valeur_etag = f'"{etag(cle)}"'
    # GZipMiddleware turns our ETag into a weak one (W/"…"): compare without that prefix.
    connus = {
        e.strip().removeprefix("W/") for e in request.headers.get("If-None-Match", "").split(",")
    }
    if valeur_etag in connus:
        reponse = HttpResponseNotModified()
    else:
        reponse = HttpResponse(
            collection_communes(cle, communes), content_type="application/geo+json"
        )
    reponse["ETag"] = valeur_etag
    reponse["Cache-Control"] = CACHE_NAVIGATEUR
    return reponse


def departement(request, code: str):
    get_object_or_404(Departement, code=code.upper())
    return _reponse(
        request, f"dep-{code.upper()}", communes_de({"departement__code": code.upper()})
    )


def epci(request, code_siren: str):
    get_object_or_404(EPCI, code_siren=code_siren)
    return _reponse(request, f"epci-{code_siren}", communes_de({"epci__code_siren": code_siren}))


def commune(request, code_insee: str):
    commune = get_object_or_404(Commune, code_insee=code_insee.upper())
    if not commune.geometrie:
        raise Http404("Cette commune n'a pas de contour connu.")
    return _reponse(request, f"com-{commune.code_insee}", communes_de({"pk": commune.pk}))
