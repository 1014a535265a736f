"""Agent space › Accessibilité numérique › Schéma pluriannuel: the multi-year plans, the one
being edited with its yearly action plans, and each action. Readers see; agents and
administrators edit."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sun.accessibilite import permissions
from sun.accessibilite.models import ActionAccessibilite, SchemaPluriannuel
from sun.accessibilite.services import enregistrer_action, enregistrer_schema, supprimer_action
from sun.comptes.roles import role_requis
from sun.web.forms.accessibilite import ActionForm, SchemaForm
from sun.web.views.accessibilite_espace import _erreurs

LECTEURS, EDITEURS = permissions.LECTEURS, permissions.EDITEURS


@role_requis(*LECTEURS)
def plans(request):
    return render(request, "web/espace/accessibilite/plans.html", {
        "schemas": SchemaPluriannuel.objects.all(),
        "peut_editer": permissions.peut_tout_editer(request.user),
    })  # fmt: skip


def _enregistrer(request, form, fonction, *args):
    try:
        return fonction(form.cleaned_data, *args)
    except ValidationError as exc:
        _erreurs(form, exc)
        return None


@role_requis(*EDITEURS)
def plan_nouveau(request):
    form = SchemaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        schema = _enregistrer(request, form, enregistrer_schema)
        if schema is not None:
            messages.success(request, f"Schéma « {schema.titre} » enregistré.")
            return redirect("espace:accessibilite_schema", schema.pk)
    return render(request, "web/espace/accessibilite/plan.html",
                  {"form": form, "schema": None, "peut_editer": True},
                  status=400 if form.is_bound else 200)  # fmt: skip


@role_requis(*LECTEURS)
def plan(request, pk: int):
    schema = get_object_or_404(SchemaPluriannuel, pk=pk)
    peut = permissions.peut_tout_editer(request.user)
    form = form_action = None
    statut = 200
    if peut:
        quoi = request.POST.get("formulaire") if request.method == "POST" else None
        form = SchemaForm(request.POST if quoi == "schema" else None, instance=schema)
        form_action = ActionForm(request.POST if quoi == "action" else None, schema=schema,
                                 initial={"annee": timezone.localdate().year})  # fmt: skip
        lie = {"schema": (form, enregistrer_schema, (schema,)),
               "action": (form_action, enregistrer_action, ())}.get(quoi)  # fmt: skip
        if lie is not None:
            f, fonction, args = lie
            if f.is_valid():
                donnees = (
                    f.cleaned_data if quoi == "schema" else {**f.cleaned_data, "schema": schema}
                )
                try:
                    fonction(donnees, *args)
                except ValidationError as exc:
                    _erreurs(f, exc)
                else:
                    messages.success(request, "Enregistré.")
                    return redirect("espace:accessibilite_schema", schema.pk)
            statut = 400
    actions = schema.actions.select_related("service", "service_numerique")
    par_annee = [(a, [x for x in actions if x.annee == a]) for a in schema.annees]
    return render(request, "web/espace/accessibilite/plan.html", {
        "schema": schema, "form": form, "form_action": form_action, "par_annee": par_annee,
        "peut_editer": peut, "annee": timezone.localdate().year,
    }, status=statut)  # fmt: skip


@role_requis(*EDITEURS)
def action(request, pk: int):
    trouvee = get_object_or_404(ActionAccessibilite.objects.select_related("schema"), pk=pk)
    form = ActionForm(request.POST or None, instance=trouvee, schema=trouvee.schema)
    enregistree = (
        request.method == "POST" and form.is_valid()
        and _enregistrer(request, form, enregistrer_action, trouvee) is not None
    )  # fmt: skip
    if enregistree:
        messages.success(request, "Action enregistrée.")
        return redirect("espace:accessibilite_schema", trouvee.schema_id)
    return render(request, "web/espace/accessibilite/action.html",
                  {"form": form, "action": trouvee},
                  status=400 if form.is_bound else 200)  # fmt: skip


@require_POST
@role_requis(*EDITEURS)
def action_supprimer(request, pk: int):
    trouvee = get_object_or_404(ActionAccessibilite, pk=pk)
    supprimer_action(trouvee)
    messages.success(request, f"Action « {trouvee.intitule} » supprimée.")
    return redirect("espace:accessibilite_schema", trouvee.schema_id)
