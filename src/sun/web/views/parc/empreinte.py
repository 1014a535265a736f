"""Agent space › Parc › Empreinte: the fleet's footprint (totals, by type, by site, ten years),
the scenarios (longer lifetimes, refurbished purchases), the renewal view and the CSV. Read
only; the figures come from `sun.parc.empreinte.pages`, the charts from
`empreinte_graphiques`, each with its table."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from sun.comptes.roles import role_requis
from sun.parc.empreinte import export, pages
from sun.parc.empreinte.facteurs import FacteursInvalides, edition_choisie
from sun.parc.empreinte.permissions import ROLES_LECTURE
from sun.web.views.parc import empreinte_graphiques as graphiques
from sun.web.views.parc.empreinte_formulaires import ChoixEmpreinteForm, ScenariosForm, lire


def _choix(request, classe=ChoixEmpreinteForm):
    courante = pages.annee_courante()
    form = classe(request.GET or None, courante=courante, edition=edition_choisie())
    return form, lire(form, "annee", courante), lire(form, "edition", edition_choisie())


def _erreur(request, exc: FacteursInvalides):
    return render(request, "web/parc/empreinte/erreur.html", {"erreur": str(exc)}, status=500)


@role_requis(*ROLES_LECTURE)
@require_safe
def tableau(request):
    form, annee, edition = _choix(request)
    try:
        t = pages.tableau(annee, edition)
    except FacteursInvalides as exc:
        return _erreur(request, exc)
    return render(request, "web/parc/empreinte/tableau.html", {
        "form": form, "t": t, "h": t.hypotheses,
        "graphique_types": graphiques.barres("empreinte-types", f"Empreinte {t.annee} par type",
                                             t.par_type),
        "graphique_sites": graphiques.barres("empreinte-sites", f"Empreinte {t.annee} par site "
                                             "(les 12 premiers)", t.par_site),
        "graphique_annees": graphiques.colonnes("empreinte-annees", "Empreinte annuelle sur "
                                                f"{len(t.serie)} ans", t.serie),
    }, status=400 if form.is_bound and not form.is_valid() else 200)  # fmt: skip


@role_requis(*ROLES_LECTURE)
@require_safe
def scenarios(request):
    form, _annee, edition = _choix(request, ScenariosForm)
    part = lire(form, "reconditionne", 30)
    try:
        p = pages.page_scenarios(part, edition)
    except FacteursInvalides as exc:
        return _erreur(request, exc)
    return render(request, "web/parc/empreinte/scenarios.html", {
        "form": form, "p": p, "h": p.hypotheses, "s": p.resultat,
    }, status=400 if form.is_bound and not form.is_valid() else 200)  # fmt: skip


@role_requis(*ROLES_LECTURE)
@require_safe
def renouvellement(request):
    form, annee, edition = _choix(request)
    try:
        p = pages.page_renouvellement(annee, edition)
    except FacteursInvalides as exc:
        return _erreur(request, exc)
    return render(request, "web/parc/empreinte/renouvellement.html", {
        "form": form, "p": p, "h": p.hypotheses,
    }, status=400 if form.is_bound and not form.is_valid() else 200)  # fmt: skip


@role_requis(*ROLES_LECTURE)
@require_safe
def csv(request):
    _form, annee, edition = _choix(request)
    try:
        contenu = export.texte(annee, edition)
    except FacteursInvalides as exc:
        return _erreur(request, exc)
    reponse = HttpResponse(contenu, content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="empreinte-parc-{annee}.csv"'
    return reponse
