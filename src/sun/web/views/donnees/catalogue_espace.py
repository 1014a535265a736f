"""Agent space › catalogue: every dataset (any status, with its origin, quality score and the
check of its latest files), a new deposited dataset, its metadata, a new resource, and a
dataset's own page (resources, versions, publish, withdraw). Roles: permissions.CATALOGUE;
every write goes through `sun.donnees.catalogue.services`."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from sun.comptes.roles import role_requis
from sun.donnees import permissions
from sun.donnees.catalogue import queries, services
from sun.donnees.catalogue.qualite import qualite
from sun.donnees.models import Origine, StatutJeu, StatutValidation
from sun.web.views.donnees.catalogue_formulaires import JeuForm, RessourceForm

ERREUR_FORMULAIRE = "Le formulaire contient une erreur : rien n'a été enregistré."


def jeu_ou_404(pk: int):
    jeu = queries.jeu_espace(pk)
    if jeu is None:
        raise Http404("Jeu de données introuvable.")
    return jeu


def refus_sur_champ(form, exc: services.RefusCatalogue) -> str:
    """Put a service's refusal on its field when the form has it; else the page's error."""
    if exc.champ and exc.champ in form.fields:
        form.add_error(exc.champ, exc.message)
        return ERREUR_FORMULAIRE
    return exc.message


@role_requis(*permissions.CATALOGUE)
def liste(request):
    statut = request.GET.get("statut", "")
    statut = statut if statut in StatutJeu.values else ""
    origine = request.GET.get("origine", "")
    origine = origine if origine in Origine.values else ""
    jeux = queries.jeux_espace(statut, origine)
    lignes = [(j, qualite(j), queries.validation_resumee(j)) for j in jeux]
    return render(request, "web/donnees/catalogue_espace_liste.html", {
        "lignes": lignes, "statut": statut, "origine": origine,
        "statuts": StatutJeu.choices, "origines": Origine.choices,
        "validations": dict(StatutValidation.choices), "maintenant": timezone.now(),
    })  # fmt: skip


@role_requis(*permissions.CATALOGUE)
@require_http_methods(["GET", "POST"])
def nouveau(request):
    form = JeuForm(request.POST or None)
    erreur = ""
    if request.method == "POST":
        if form.is_valid():
            try:
                jeu = services.creer_jeu(form.metadonnees(), par=request.user)
            except services.RefusCatalogue as exc:
                erreur = refus_sur_champ(form, exc)
            else:
                messages.success(request, f"Jeu de données « {jeu.titre} » créé (brouillon) : "
                                 "ajoutez-lui une ressource.")  # fmt: skip
                return redirect("espace:donnees_jeu", pk=jeu.pk)
        else:
            erreur = ERREUR_FORMULAIRE
    return render(request, "web/donnees/catalogue_espace_formulaire.html", {
        "form": form, "erreur": erreur, "titre": "Déposer un jeu de données", "jeu": None,
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.CATALOGUE)
@require_http_methods(["GET", "POST"])
def modifier(request, pk: int):
    jeu = jeu_ou_404(pk)
    sun = jeu.origine == Origine.SUN
    form = JeuForm(request.POST or None, initial=JeuForm.initial_de(jeu), sun=sun)
    erreur = ""
    if request.method == "POST":
        if form.is_valid():
            try:
                services.modifier_jeu(jeu, form.metadonnees(), par=request.user)
            except services.RefusCatalogue as exc:
                erreur = refus_sur_champ(form, exc)
            else:
                messages.success(request, "Métadonnées enregistrées.")
                return redirect("espace:donnees_jeu", pk=jeu.pk)
        else:
            erreur = ERREUR_FORMULAIRE
    return render(request, "web/donnees/catalogue_espace_formulaire.html", {
        "form": form, "erreur": erreur, "titre": f"Modifier « {jeu.titre} »", "jeu": jeu,
        "sun": sun,
    }, status=400 if erreur else 200)  # fmt: skip


def rendre_jeu(request, jeu, erreur: str = "", status: int = 200):
    for r in jeu.ressources_liste:
        r.toutes_versions = list(r.versions.order_by("-numero")[:10])
    return render(request, "web/donnees/catalogue_espace_jeu.html", {
        "jeu": jeu, "qualite": qualite(jeu), "manques": services.manques_publication(jeu),
        "erreur": erreur, "sun": jeu.origine == Origine.SUN, "maintenant": timezone.now(),
    }, status=status)  # fmt: skip


@role_requis(*permissions.CATALOGUE)
def page(request, pk: int):
    return rendre_jeu(request, jeu_ou_404(pk))


@role_requis(*permissions.CATALOGUE)
@require_http_methods(["GET", "POST"])
def ressource_nouvelle(request, pk: int):
    jeu = jeu_ou_404(pk)
    form = RessourceForm(request.POST or None)
    erreur = ""
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            schema_id, schema_version = form.schema_choisi()
            try:
                ressource = services.ajouter_ressource(
                    jeu, titre=d["titre"], format=d["format"], type=d["type"],
                    description=d["description"], schema_id=schema_id,
                    schema_version=schema_version, par=request.user)  # fmt: skip
            except services.RefusCatalogue as exc:
                erreur = refus_sur_champ(form, exc)
            else:
                messages.success(request, f"Ressource « {ressource.titre} » ajoutée : déposez "
                                 "son fichier.")  # fmt: skip
                return redirect("espace:donnees_depot", pk=ressource.pk)
        else:
            erreur = ERREUR_FORMULAIRE
    return render(request, "web/donnees/catalogue_espace_ressource.html", {
        "form": form, "erreur": erreur, "jeu": jeu,
    }, status=400 if erreur else 200)  # fmt: skip
