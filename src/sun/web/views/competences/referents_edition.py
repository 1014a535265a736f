"""Agent space › Compétences › referents: add, edit and deactivate a referent (the training
service, the IT service, administrators: `permissions.peut_modifier_annuaire`)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from sun.competences import permissions
from sun.competences.erreurs import Refus
from sun.competences.models import Direction, Personne, Referent
from sun.competences.referents import services
from sun.comptes.roles import role_requis

CHAMPS = ("direction", "personne", "nom", "prenom", "perimetre", "courriel", "telephone",
          "questions")  # fmt: skip


def _exiger(request) -> None:
    permissions.exiger(permissions.peut_modifier_annuaire(request.user),
                       "L'annuaire des référents est tenu par le service formation, le service "
                       "informatique et les administrateurs.",
                       permissions.ANNUAIRE_REDACTEURS)  # fmt: skip


def _entier(valeur) -> int | None:
    return int(valeur) if str(valeur or "").isdigit() else None


@role_requis(*permissions.ANNUAIRE_REDACTEURS)
@require_http_methods(["GET", "POST"])
def ajouter(request):
    _exiger(request)
    saisie = {c: (request.POST.get(c) or "") for c in CHAMPS}
    erreur = ""
    if request.method == "POST":
        direction = Direction.objects.filter(pk=_entier(saisie["direction"])).first()
        personne = Personne.objects.filter(pk=_entier(saisie["personne"])).first()
        try:
            r = services.ajouter_referent(direction, saisie["perimetre"], saisie["courriel"],
                                          personne=personne, nom=saisie["nom"],
                                          prenom=saisie["prenom"], telephone=saisie["telephone"],
                                          questions=saisie["questions"])  # fmt: skip
        except Refus as exc:
            erreur = exc.message
        else:
            messages.success(
                request, f"{r.personne} est référent de la direction « {r.direction} »."
            )
            return redirect("espace:competences_referents")
    return render(request, "web/competences/referents_formulaire.html", {
        "saisie": saisie, "erreur": erreur, "directions": Direction.objects.order_by("nom"),
        "personnes": Personne.objects.agents().select_related("direction").order_by("nom"),
        "referents": Referent.objects.pour_gestion(), "referent": None,
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.ANNUAIRE_REDACTEURS)
@require_http_methods(["GET", "POST"])
def modifier(request, pk):
    _exiger(request)
    referent = Referent.objects.select_related("personne", "direction").filter(pk=pk).first()
    if referent is None:
        raise Http404("Référent introuvable.")
    saisie = {c: request.POST.get(c, getattr(referent, c, "")) for c in
              ("perimetre", "courriel", "telephone", "questions")}  # fmt: skip
    erreur = ""
    if request.method == "POST":
        try:
            services.modifier_referent(referent, **{k: v or "" for k, v in saisie.items()})
        except Refus as exc:
            erreur = exc.message
        else:
            messages.success(request, f"Référent {referent.personne} enregistré.")
            return redirect("espace:competences_referents")
    return render(request, "web/competences/referents_formulaire.html", {
        "saisie": saisie, "erreur": erreur, "referent": referent,
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.ANNUAIRE_REDACTEURS)
@require_POST
def desactiver(request, pk):
    _exiger(request)
    referent = Referent.objects.select_related("personne").filter(pk=pk).first()
    if referent is None:
        raise Http404("Référent introuvable.")
    try:
        services.desactiver_referent(referent)
    except Refus as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{referent.personne} ne figure plus dans l'annuaire.")
    return redirect("espace:competences_referents_ajouter")
