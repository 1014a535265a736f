"""Agent space › Projets › Expressions de besoin (schéma 11.2): the list, a new need, editing a
draft, reading one, submitting it, the IT service's status change. Who may do what:
`sun.projets.permissions`; every write goes through `sun.projets.besoins.services`."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from sun.comptes.roles import role_requis
from sun.projets import permissions
from sun.projets.besoins import modele, queries, services
from sun.projets.erreurs import Refus
from sun.projets.models import ExpressionBesoin
from sun.web.views.projets.besoins_formulaires import BesoinForm, FiltreForm, StatutForm

MESSAGE_LECTURE = ("Une expression de besoin est lue par son auteur, les personnes de sa "
                   "direction, le service informatique et les administrateurs.")  # fmt: skip
MESSAGE_MODIFIER = ("Seuls l'auteur du besoin, le service informatique et les administrateurs "
                    "le modifient.")  # fmt: skip
MESSAGE_SOUMIS = "Ce besoin a été soumis : il n'est plus modifiable."
MESSAGE_QUALIFIER = "Réservé au service informatique et aux administrateurs."
MESSAGE_FORMULAIRE = "Le formulaire contient une erreur : rien n'a été enregistré."


def besoin_ou_404(pk: int) -> ExpressionBesoin:
    b = queries.besoin(pk)
    if b is None:
        raise Http404("Expression de besoin introuvable.")
    return b


@role_requis(*permissions.PERSONNEL)
@require_http_methods(["GET", "HEAD"])
def liste(request):
    tous = permissions.peut_qualifier(request.user)
    filtre = FiltreForm(request.GET or None)
    statut = filtre.cleaned_data["statut"] if tous and filtre.is_valid() else ""
    besoins = queries.liste_pour(request.user, statut)
    return render(request, "web/projets/besoins_liste.html", {
        "besoins": besoins, "tous": tous, "filtre": filtre, "statut": statut,
        "completude": {b.pk: modele.texte_completude(b) for b in besoins},
    })  # fmt: skip


def _page_formulaire(request, form, besoin=None, erreur=""):
    return render(request, "web/projets/besoins_formulaire.html", {
        "form": form, "b": besoin, "erreur": erreur, "rappel_rgaa": modele.RAPPEL_RGAA,
    }, status=400 if erreur else 200)  # fmt: skip


def _enregistrer(request, form, ecrire, besoin=None):
    if not form.is_valid():
        return _page_formulaire(request, form, besoin, MESSAGE_FORMULAIRE)
    try:
        besoin = ecrire(form.saisie())
    except Refus as exc:
        if exc.champ in form.fields:
            form.add_error(exc.champ, exc.message)
        return _page_formulaire(request, form, besoin, exc.message)
    messages.success(request, f"Brouillon « {besoin.titre} » enregistré "
                     f"({modele.texte_completude(besoin)}).")  # fmt: skip
    return redirect("espace:projets_besoin", pk=besoin.pk)


@role_requis(*permissions.PERSONNEL)
@require_http_methods(["GET", "HEAD", "POST"])
def nouveau(request):
    if request.method != "POST":
        direction = services.direction_par_defaut(request.user)
        form = BesoinForm(initial={"direction": direction.pk if direction else None})
        return _page_formulaire(request, form)
    return _enregistrer(request, BesoinForm(request.POST),
                        lambda saisie: services.creer(request.user, saisie))  # fmt: skip


@role_requis(*permissions.PERSONNEL)
@require_http_methods(["GET", "HEAD", "POST"])
def modifier(request, pk: int):
    besoin = besoin_ou_404(pk)
    permissions.exiger(permissions.peut_modifier_besoin(request.user, besoin), MESSAGE_MODIFIER)
    permissions.exiger(besoin.statut == ExpressionBesoin.Statut.BROUILLON, MESSAGE_SOUMIS)
    if request.method != "POST":
        return _page_formulaire(request, BesoinForm(initial=BesoinForm.initial_de(besoin)), besoin)
    return _enregistrer(request, BesoinForm(request.POST),
                        lambda saisie: services.modifier(request.user, besoin, saisie), besoin)  # fmt: skip


def _page_detail(request, besoin, erreur="", statut_form=None):
    u = request.user
    brouillon = besoin.statut == ExpressionBesoin.Statut.BROUILLON
    return render(request, "web/projets/besoins_detail.html", {
        "b": besoin, "erreur": erreur, "completude": modele.texte_completude(besoin),
        "sections": [(s, getattr(besoin, s.code)) for s in modele.SECTIONS],
        "criteres": modele.criteres_libelles(besoin), "manques": modele.manques(besoin),
        "peut_modifier": brouillon and permissions.peut_modifier_besoin(u, besoin),
        "peut_qualifier": not brouillon and permissions.peut_qualifier(u),
        "statut_form": statut_form or StatutForm(initial={"statut": besoin.statut}),
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.PERSONNEL)
@require_http_methods(["GET", "HEAD"])
def detail(request, pk: int):
    besoin = besoin_ou_404(pk)
    permissions.exiger(permissions.peut_lire_besoin(request.user, besoin), MESSAGE_LECTURE)
    return _page_detail(request, besoin)


@role_requis(*permissions.PERSONNEL)
@require_POST
def soumettre(request, pk: int):
    besoin = besoin_ou_404(pk)
    permissions.exiger(permissions.peut_modifier_besoin(request.user, besoin), MESSAGE_MODIFIER)
    try:
        besoin = services.soumettre(request.user, besoin)
    except Refus as exc:
        return _page_detail(request, besoin, exc.message)
    messages.success(request, f"Besoin « {besoin.titre} » soumis au service informatique.")
    return redirect("espace:projets_besoin", pk=besoin.pk)


@role_requis(*permissions.PERSONNEL)
@require_POST
def statut(request, pk: int):
    besoin = besoin_ou_404(pk)
    permissions.exiger(permissions.peut_qualifier(request.user), MESSAGE_QUALIFIER,
                       permissions.QUALIFICATION)  # fmt: skip
    form = StatutForm(request.POST)
    if not form.is_valid():
        return _page_detail(request, besoin, MESSAGE_FORMULAIRE, form)
    try:
        besoin = services.changer_statut(request.user, besoin, form.cleaned_data["statut"])
    except Refus as exc:
        return _page_detail(request, besoin, exc.message, form)
    messages.success(request, f"Statut du besoin : {besoin.get_statut_display().lower()}.")
    return redirect("espace:projets_besoin", pk=besoin.pk)
