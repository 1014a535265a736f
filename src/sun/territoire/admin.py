from django.contrib import admin

from sun.territoire.models import EPCI, ChargementTerritoire, Commune, Departement, Mairie


@admin.register(Departement)
class DepartementAdmin(admin.ModelAdmin):
    list_display = ["code", "nom", "nom_region", "date_maj"]
    search_fields = ["code", "nom"]


@admin.register(EPCI)
class EPCIAdmin(admin.ModelAdmin):
    list_display = ["nom", "code_siren", "type"]
    list_filter = ["type", "departements"]
    search_fields = ["nom", "code_siren"]


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["nom", "code_insee", "departement", "epci", "population_municipale"]
    list_filter = ["departement"]
    search_fields = ["nom", "code_insee", "cle_recherche"]
    exclude = ["geometrie"]
    raw_id_fields = ["epci"]


@admin.register(Mairie)
class MairieAdmin(admin.ModelAdmin):
    list_display = ["commune", "telephone", "email", "horaires"]
    search_fields = ["commune__nom", "commune__code_insee"]
    raw_id_fields = ["commune"]


@admin.register(ChargementTerritoire)
class ChargementAdmin(admin.ModelAdmin):
    list_display = ["date", "departements", "source"]
    readonly_fields = ["date", "departements", "source", "rapport"]
