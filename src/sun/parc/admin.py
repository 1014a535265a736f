from django.contrib import admin

from sun.parc.models import (
    AchatLigne,
    CorrespondanceStatut,
    CorrespondanceType,
    Don,
    Equipement,
    Reparateur,
    Site,
    Sortie,
)


@admin.register(Equipement)
class EquipementAdmin(admin.ModelAdmin):
    list_display = ("cle", "nom", "type", "etat", "site", "date_acquisition", "source")
    list_filter = ("type", "etat", "achat", "proprietaire", "demonstration")
    search_fields = ("cle", "nom", "numero_serie", "numero_inventaire", "modele")
    raw_id_fields = ("site", "commune", "reconditionneur")


admin.site.register([Site, Sortie, Don, AchatLigne, Reparateur, CorrespondanceStatut,
                     CorrespondanceType])  # fmt: skip
