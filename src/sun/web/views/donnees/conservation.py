"""Agent space › data › retention: the tableau de gestion (landing page), editing one rule,
loading a file, the CSV and Vitam exports. Who may do what: `sun.donnees.permissions`; every
write goes through `sun.donnees.conservation.services`."""

import io

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from sun.comptes.roles import role_requis
from sun.donnees import permissions
from sun.donnees.conservation import exports, queries, services
from sun.donnees.conservation.erreurs import RefusConservation
from sun.web.views.donnees.conservation_formulaires import ImportForm, RegleForm

TAILLE_MAX = 2 * 1024 * 1024


@role_requis(*permissions.CONSERVATION_LECTEURS)
def accueil(request):
    u = request.user
    return render(request, "web/donnees/conservation_accueil.html", {
        "regles": queries.tableau(), "executions": queries.dernieres_executions(),
        "bordereaux": queries.bordereaux_en_attente(), "versements": queries.versements_en_attente(),
        "bordereaux_recents": queries.bordereaux_recents(),
        "versements_recents": queries.versements_recents(),
        "peut_modifier": permissions.peut_modifier_regles(u),
        "peut_purger": permissions.peut_purger(u), "peut_viser": permissions.peut_viser(u),
        "maintenant": timezone.now(),
    })  # fmt: skip


@role_requis(*permissions.REGLES_REDACTEURS)
@require_http_methods(["GET", "POST"])
def regle_modifier(request, pk):
    regle = queries.regle(pk)
    if regle is None:
        raise Http404("Règle introuvable.")
    form = RegleForm(request.POST or None, code=regle.code, initial=RegleForm.initial_de(regle))
    erreur = ""
    if request.method == "POST":
        if form.is_valid():
            try:
                services.modifier_regle(regle, form.cleaned_data, request.user)
            except RefusConservation as exc:
                erreur = exc.message
            else:
                messages.success(request, f"Règle {regle.code} enregistrée.")
                return redirect("espace:donnees_conservation")
        else:
            erreur = "Le formulaire contient une erreur : rien n'a été enregistré."
    return render(request, "web/donnees/conservation_regle.html", {
        "regle": regle, "form": form, "erreur": erreur,
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.REGLES_REDACTEURS)
@require_http_methods(["GET", "POST"])
def regles_importer(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    rapport, erreur = None, ""
    if request.method == "POST":
        if form.is_valid():
            fichier = form.cleaned_data["fichier"]
            if fichier.size > TAILLE_MAX:
                erreur = "Fichier trop gros (2 Mo au plus) : rien n'a été enregistré."
            else:
                rapport = services.importer_regles(fichier.read(), fichier.name, par=request.user)
                if rapport.accepte:
                    messages.success(request, rapport.resume())
                    return redirect("espace:donnees_conservation")
                erreur = rapport.resume()
        else:
            erreur = "Choisissez un fichier : rien n'a été enregistré."
    return render(request, "web/donnees/conservation_importer.html", {
        "form": form, "rapport": rapport, "erreur": erreur,
    }, status=400 if erreur else 200)  # fmt: skip


def _csv(ecrire, nom: str) -> HttpResponse:
    texte = io.StringIO()
    ecrire(texte)
    reponse = HttpResponse(texte.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse


@role_requis(*permissions.CONSERVATION_LECTEURS)
def regles_csv(request):
    return _csv(exports.ecrire_csv, "tableau-de-gestion.csv")


@role_requis(*permissions.CONSERVATION_LECTEURS)
def regles_vitam(request):
    return _csv(exports.ecrire_vitam, "referentiel-regles-vitam.csv")
