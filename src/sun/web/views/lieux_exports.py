"""Open-data exports of the register, at stable public URLs: files generated once per version
of the register (`sun.inclusion.lieux.exports_fichiers`), served with an ETag, with their own
anonymous rate limit (SUN_LIMITE_EXPORTS)."""

from sun.inclusion.lieux.exports_fichiers import fichier_export
from sun.web.fichiers import servir_fichier
from sun.web.limites import limite_anonyme


def _servir(request, quoi: str):
    fichier = fichier_export(quoi)
    return servir_fichier(request, fichier.chemin, fichier.type_contenu, fichier.etag,
                          fichier.nom_telechargement)  # fmt: skip


@limite_anonyme("exports", "SUN_LIMITE_EXPORTS")
def csv_standard(request):
    return _servir(request, "csv")


@limite_anonyme("exports", "SUN_LIMITE_EXPORTS")
def json_standard(request):
    return _servir(request, "json")


@limite_anonyme("exports", "SUN_LIMITE_EXPORTS")
def geojson(request):
    return _servir(request, "geojson")


@limite_anonyme("exports", "SUN_LIMITE_EXPORTS")
def data_inclusion_structures(request):
    return _servir(request, "di-structures")


@limite_anonyme("exports", "SUN_LIMITE_EXPORTS")
def data_inclusion_services(request):
    return _servir(request, "di-services")
