from django.contrib import admin

from sun.inclusion.models import HistoriqueLieu, ImportLieux, Lieu, SourceLieu, Structure


class SourceLieuInline(admin.TabularInline):
    model = SourceLieu
    extra = 0
    readonly_fields = [
        "source",
        "identifiant",
        "vu_la_premiere_fois",
        "vu_la_derniere_fois",
        "disparu_le",
    ]
    exclude = ["empreinte", "premier_import", "dernier_import"]


@admin.register(Lieu)
class LieuAdmin(admin.ModelAdmin):
    list_display = ["nom", "commune", "statut", "date_maj", "demonstration"]
    list_filter = ["statut", "demonstration", "precision_localisation"]
    search_fields = ["nom", "commune", "pivot", "code_insee"]
    raw_id_fields = ["commune_ref", "structure"]
    inlines = [SourceLieuInline]


@admin.register(Structure)
class StructureAdmin(admin.ModelAdmin):
    list_display = ["nom", "pivot"]
    search_fields = ["nom", "pivot"]
    filter_horizontal = ["membres"]


@admin.register(ImportLieux)
class ImportLieuxAdmin(admin.ModelAdmin):
    list_display = ["date", "source", "fichier", "essai", "auteur"]
    readonly_fields = [f.name for f in ImportLieux._meta.fields]


admin.site.register(HistoriqueLieu)
