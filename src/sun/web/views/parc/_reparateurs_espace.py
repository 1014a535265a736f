"""Agent space › Réparation et reconditionnement: the list of the directory's actors, an
actor's sheet (create, edit, unpublish or publish again), the import of a CSV file and the
download of its template. The
module's roles (`sun.comptes.modules`, checked by the middleware) are checked again here;
every write goes through `sun.parc.reparateurs.services` or its importer."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from sun.comptes.roles import role_requis
from sun.core.imports import ConfirmationRequise, ImportImpossible
from sun.parc.models import Reparateur
from sun.parc.reparateurs import permissions, queries
from sun.parc.reparateurs.importation import COLONNES, OBLIGATOIRES, ecrire_modele
from sun.parc.reparateurs.importation import importer as importer_fichier
from sun.parc.reparateurs.publics import activites_en_clair
from sun.parc.reparateurs.services import (
    RefusReparateur,
    creer_reparateur,
    depublier,
    modifier_reparateur,
    publier,
)
from sun.web.televersement import copie_temporaire
from sun.web.views.parc._reparateurs_formulaires import ImportReparateursForm, ReparateurForm

PAR_PAGE = 50
STATUTS = (("", "Tous"), ("publie", "Publiés"), ("depublie", "Retirés de l'annuaire"),
           ("demo", "Démonstration"))  # fmt: skip


@role_requis(*permissions.EDITEURS)
def liste(request):
    texte = request.GET.get("q", "").strip()[:100]
    statut = request.GET.get("statut", "")
    page = Paginator(queries.pour_l_espace(texte, statut), PAR_PAGE).get_page(
        request.GET.get("page")
    )
    lignes = [(a, activites_en_clair(a.activites)) for a in page.object_list]
    return render(request, "web/parc/reparateurs/liste.html", {
        "page": page, "lignes": lignes, "texte": texte, "statut": statut, "statuts": STATUTS,
    })  # fmt: skip


def _erreur_du_champ(form, exc: RefusReparateur) -> None:
    champ = exc.champ if exc.champ in form.fields else None
    form.add_error(champ, str(exc))


@role_requis(*permissions.EDITEURS)
@require_http_methods(["GET", "HEAD", "POST"])
def nouveau(request):
    form = ReparateurForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            acteur = creer_reparateur(form.donnees())
        except RefusReparateur as exc:
            _erreur_du_champ(form, exc)
        else:
            messages.success(request, f"« {acteur.nom} » est ajouté à l'annuaire public.")
            return redirect("espace:reparateurs")
    statut = 400 if form.is_bound and form.errors else 200
    return render(request, "web/parc/reparateurs/formulaire.html",
                  {"form": form, "acteur": None}, status=statut)  # fmt: skip


@role_requis(*permissions.EDITEURS)
@require_http_methods(["GET", "HEAD", "POST"])
def modifier(request, pk: int):
    acteur = get_object_or_404(Reparateur.objects.select_related("commune"), pk=pk)
    action = request.POST.get("action", "enregistrer")
    if request.method == "POST" and action in ("depublier", "publier"):
        try:
            (depublier if action == "depublier" else publier)(acteur)
        except RefusReparateur as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"« {acteur.nom} » est {'retiré de' if action == 'depublier' else 'publié dans'} l'annuaire public.")  # fmt: skip
        return redirect("espace:reparateur_modifier", pk=acteur.pk)
    form = ReparateurForm(request.POST or None, initial=ReparateurForm.initial_de(acteur))
    if request.method == "POST" and form.is_valid():
        try:
            modifier_reparateur(acteur, form.donnees())
        except RefusReparateur as exc:
            _erreur_du_champ(form, exc)
        else:
            messages.success(request, f"La fiche de « {acteur.nom} » est enregistrée.")
            return redirect("espace:reparateurs")
    statut = 400 if form.is_bound and form.errors else 200
    return render(request, "web/parc/reparateurs/formulaire.html",
                  {"form": form, "acteur": acteur}, status=statut)  # fmt: skip


@role_requis(*permissions.EDITEURS)
@require_http_methods(["GET", "HEAD", "POST"])
def importer(request):
    form = ImportReparateursForm(request.POST or None, request.FILES or None)
    rapport, erreur = None, ""
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with copie_temporaire(d["fichier"]) as chemin:
            try:
                rapport = importer_fichier(chemin, essai=d["essai"], auteur=request.user,
                                           confirmer=d["confirmer"],
                                           nom_fichier=d["fichier"].name)  # fmt: skip
            except ConfirmationRequise as exc:
                rapport = exc.rapport
                erreur = f"{exc} Cochez « Importer même si… » et envoyez à nouveau le fichier."
            except ImportImpossible as exc:
                erreur = f"{exc} Rien n'a été enregistré."
    statut = 400 if (form.is_bound and form.errors) or erreur else 200
    return render(request, "web/parc/reparateurs/importer.html", {
        "form": form, "rapport": rapport, "erreur": erreur, "colonnes": COLONNES,
        "obligatoires": OBLIGATOIRES,
        "seuil_confirmation": round(settings.SUN_IMPORT_SEUIL_CONFIRMATION * 100),
    }, status=statut)  # fmt: skip


@role_requis(*permissions.EDITEURS)
@require_http_methods(["GET", "HEAD"])
def modele_csv(request):
    """The import template, written by the same function as `sun parc reparateurs modele`."""
    reponse = HttpResponse(content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = 'attachment; filename="modele-reparateurs.csv"'
    ecrire_modele(reponse)
    return reponse
