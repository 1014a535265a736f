"""Open-data exports of the register, at stable public URLs."""

from django.http import JsonResponse, StreamingHttpResponse

from sun.inclusion.lieux import exports


def _telechargement(flux, type_contenu: str, extension: str) -> StreamingHttpResponse:
    reponse = StreamingHttpResponse(flux, content_type=type_contenu)
    reponse["Content-Disposition"] = f'attachment; filename="{exports.nom_fichier(extension)}"'
    reponse["Cache-Control"] = "public, max-age=3600"
    return reponse


def csv_standard(request):
    return _telechargement(exports.csv_standard(), "text/csv; charset=utf-8", "csv")


def json_standard(request):
    return _telechargement(exports.json_standard(), "application/json", "json")


def geojson(request):
    return _telechargement(exports.geojson(), "application/geo+json", "geojson")


def data_inclusion_structures(request):
    return JsonResponse(
        exports.data_inclusion_structures(), safe=False, json_dumps_params={"ensure_ascii": False}
    )


def data_inclusion_services(request):
    return JsonResponse(
        exports.data_inclusion_services(), safe=False, json_dumps_params={"ensure_ascii": False}
    )
