"""Administrators tie accounts to communes and read the cases with their history. Cases are
read-mostly here: statuses change on the case's page of the agent space, which keeps the
history (`EvenementSignalement`) and the allowed transitions."""

from django.contrib import admin

from sun.connectivite.models import CompteCommune, EvenementSignalement, Signalement


@admin.register(CompteCommune)
class CompteCommuneAdmin(admin.ModelAdmin):
    list_display = ["compte", "commune", "fonction"]
    list_filter = ["fonction"]
    search_fields = ["compte__username", "compte__email", "commune__nom", "commune__code_insee"]
    raw_id_fields = ["compte", "commune"]
    list_select_related = ["compte", "commune"]


class EvenementInline(admin.TabularInline):
    model = EvenementSignalement
    extra = 0
    can_delete = False
    fields = ["quand", "statut", "auteur", "commentaire"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Signalement)
class SignalementAdmin(admin.ModelAdmin):
    list_display = ["pk", "commune", "categorie", "statut", "cree_le", "demonstration"]
    list_filter = ["statut", "categorie", "demonstration"]
    search_fields = ["adresse", "commune__nom", "commune__code_insee", "operateur"]
    date_hierarchy = "cree_le"
    list_select_related = ["commune"]
    inlines = [EvenementInline]
    readonly_fields = [
        "commune", "categorie", "adresse", "identifiant_ban", "description", "nombre_locaux",
        "statut", "operateur", "signale_par", "cree_le", "modifie_le", "transmis_le", "clos_le",
    ]  # fmt: skip

    def has_add_permission(self, request) -> bool:
        return False
