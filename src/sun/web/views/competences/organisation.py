"""Agent space › training: « Ma direction » (every member of staff), the directions and the
people (agents and managers) kept by the training service. Who may do what:
`sun.competences.permissions`; every write goes through `sun.competences.services`."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from sun.competences import permissions, services
from sun.competences.erreurs import Refus
from sun.competences.models import Direction, Personne
from sun.comptes.roles import role_requis
from sun.web.views.competences.organisation_formulaires import (
    DirectionForm,
    ImportDirectionsForm,
    MaDirectionForm,
    PersonneForm,
    ResponsableForm,
)

TAILLE_MAX = 1024 * 1024
MESSAGE_GESTION = "Réservé au service formation et aux administrateurs."
FORMULAIRE_INVALIDE = "Le formulaire contient une erreur : rien n'a été enregistré."


def exiger_gestion(request) -> None:
    permissions.exiger(permissions.peut_gerer_formations(request.user), MESSAGE_GESTION,
                       permissions.GESTION)  # fmt: skip


@role_requis(*permissions.PERSONNEL)
@require_http_methods(["GET", "POST"])
def ma_direction(request):
    personne = services.ma_personne(request.user)
    form = MaDirectionForm(request.POST or None,
                           initial={"direction": personne.direction_id})  # fmt: skip
    erreur = ""
    if request.method == "POST":
        if form.is_valid():
            services.choisir_ma_direction(request.user, form.cleaned_data["direction"])
            messages.success(request, f"Votre direction est enregistrée : "
                             f"{form.cleaned_data['direction']}.")  # fmt: skip
            return redirect("espace:competences_ma_direction")
        erreur = "Choisissez une direction dans la liste : rien n'a été enregistré."
    return render(request, "web/competences/organisation_ma_direction.html", {
        "personne": personne, "form": form, "erreur": erreur,
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.SUIVI)
def directions(request):
    return render(request, "web/competences/organisation_directions.html", {
        "directions": Direction.objects.avec_effectifs().order_by("nom"),
        "peut_modifier": permissions.peut_gerer_formations(request.user),
        "form": DirectionForm(), "form_import": ImportDirectionsForm(),
    })  # fmt: skip


@role_requis(*permissions.GESTION)
@require_http_methods(["GET", "POST"])
def direction_nouvelle(request):
    exiger_gestion(request)
    form = DirectionForm(request.POST or None)
    erreur = ""
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            direction = services.creer_direction(d["code"], d["nom"], d["sigle"])
        except Refus as exc:
            erreur = exc.message
        else:
            messages.success(request, f"Direction créée : {direction}.")
            return redirect("espace:competences_directions")
    elif request.method == "POST":
        erreur = FORMULAIRE_INVALIDE
    return render(request, "web/competences/organisation_direction_form.html", {
        "form": form, "erreur": erreur, "direction": None,
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.GESTION)
@require_http_methods(["GET", "POST"])
def direction_modifier(request, pk: int):
    exiger_gestion(request)
    direction = get_object_or_404(Direction, pk=pk)
    form = DirectionForm(request.POST or None, renommer=True,
                         initial={"nom": direction.nom, "sigle": direction.sigle})  # fmt: skip
    erreur = ""
    if request.method == "POST" and form.is_valid():
        try:
            services.renommer_direction(direction, form.cleaned_data["nom"],
                                        form.cleaned_data["sigle"])  # fmt: skip
        except Refus as exc:
            erreur = exc.message
        else:
            messages.success(request, f"Direction renommée : {direction}.")
            return redirect("espace:competences_directions")
    elif request.method == "POST":
        erreur = FORMULAIRE_INVALIDE
    return render(request, "web/competences/organisation_direction_form.html", {
        "form": form, "erreur": erreur, "direction": direction,
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.GESTION)
@require_POST
def directions_importer(request):
    exiger_gestion(request)
    form = ImportDirectionsForm(request.POST, request.FILES)
    erreurs: list[str] = []
    if not form.is_valid():
        erreurs = ["Choisissez un fichier : rien n'a été enregistré."]
    elif form.cleaned_data["fichier"].size > TAILLE_MAX:
        erreurs = ["Fichier trop gros (1 Mo au plus) : rien n'a été enregistré."]
    else:
        try:
            resultat = services.importer_directions(form.cleaned_data["fichier"].read())
        except Refus as exc:
            erreurs = exc.message.splitlines()
        else:
            messages.success(request, resultat.resume())
            return redirect("espace:competences_directions")
    return render(request, "web/competences/organisation_directions.html", {
        "directions": Direction.objects.avec_effectifs().order_by("nom"), "peut_modifier": True,
        "form": DirectionForm(), "form_import": form, "erreurs_import": erreurs,
    }, status=400)  # fmt: skip


@role_requis(*permissions.GESTION)
@require_http_methods(["GET", "POST"])
def personnes(request):
    exiger_gestion(request)
    recherche = request.GET.get("q", "").strip()
    form = PersonneForm(request.POST or None)
    erreur = ""
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            personne = services.creer_personne(d["nom"], d["prenom"], d["courriel"],
                                               d["categorie"], d["direction"],
                                               d["responsable"])  # fmt: skip
        except Refus as exc:
            erreur = exc.message
        else:
            messages.success(request, f"{personne} est enregistré(e).")
            return redirect("espace:competences_personnes")
    elif request.method == "POST":
        erreur = FORMULAIRE_INVALIDE
    liste = Personne.objects.agents().recherche(recherche).pour_liste()
    return render(request, "web/competences/organisation_personnes.html", {
        "personnes": liste[:200], "total": liste.count(), "recherche": recherche,
        "form": form, "erreur": erreur,
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.GESTION)
@require_http_methods(["GET", "POST"])
def personne_responsable(request, pk: int):
    exiger_gestion(request)
    personne = get_object_or_404(Personne.objects.agents().pour_liste(), pk=pk)
    form = ResponsableForm(request.POST or None,
                           initial={"responsable": personne.responsable_id})  # fmt: skip
    erreur = ""
    if request.method == "POST" and form.is_valid():
        try:
            services.definir_responsable(personne, form.cleaned_data["responsable"])
        except Refus as exc:
            erreur = exc.message
        else:
            messages.success(request, f"Responsable de {personne} enregistré.")
            return redirect("espace:competences_personnes")
    elif request.method == "POST":
        erreur = FORMULAIRE_INVALIDE
    return render(request, "web/competences/organisation_responsable.html", {
        "personne": personne, "form": form, "erreur": erreur,
        "equipe": Personne.objects.equipe_de(personne).order_by("nom", "prenom"),
    }, status=400 if erreur else 200)  # fmt: skip
