"""Administrators can build or amend a plan without a file (the agent-space screens for pilots
come with the dashboard)."""

from django.contrib import admin

from sun.pilotage.models import (
    Action,
    Axe,
    Etape,
    Historique,
    Indicateur,
    LigneBudget,
    NoteSuivi,
    Plan,
    ValeurIndicateur,
)
from sun.pilotage.services import texte_historique


class EtapeInline(admin.TabularInline):
    model = Etape
    extra = 0


class NoteSuiviInline(admin.StackedInline):
    model = NoteSuivi
    extra = 0


class LigneBudgetInline(admin.TabularInline):
    model = LigneBudget
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["titre", "debut", "fin", "version"]


@admin.register(Axe)
class AxeAdmin(admin.ModelAdmin):
    list_display = ["code", "titre", "niveau", "parent", "plan"]
    list_filter = ["plan", "niveau"]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["code", "titre", "statut", "priorite", "date_fin_prevue", "orientation"]
    list_filter = ["plan", "statut", "priorite", "orientation"]
    search_fields = ["code", "titre"]
    filter_horizontal = ["pilotes"]
    inlines = [EtapeInline, NoteSuiviInline, LigneBudgetInline]

    def save_model(self, request, obj, form, change):
        avant = {c: form.initial.get(c) for c in form.changed_data} if change else {}
        super().save_model(request, obj, form, change)
        changements = {c: [texte_historique(avant.get(c)), texte_historique(getattr(obj, c, None))]
                       for c in form.changed_data if c != "pilotes"}  # fmt: skip
        Historique.objects.create(plan=obj.plan, objet="action", code=obj.code, auteur=request.user,
                                  changements=changements,
                                  commentaire="Modifié dans l'administration" if change else "Créé dans l'administration")  # fmt: skip


class ValeurInline(admin.TabularInline):
    model = ValeurIndicateur
    extra = 0


@admin.register(Indicateur)
class IndicateurAdmin(admin.ModelAdmin):
    list_display = ["code", "libelle", "unite", "calcul", "public"]
    list_filter = ["plan", "public"]
    filter_horizontal = ["actions"]
    inlines = [ValeurInline]


@admin.register(Historique)
class HistoriqueAdmin(admin.ModelAdmin):
    list_display = ["date", "objet", "code", "auteur", "commentaire"]
    list_filter = ["plan", "objet"]
    readonly_fields = ["plan", "objet", "code", "date", "auteur", "changements", "commentaire"]
