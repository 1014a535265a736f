"""Agent space › Projets › Demandes sur les outils (schéma 11.3): submit a request (a likely
duplicate is refused with the close requests to support instead), read one, support it
(« moi aussi »), qualify it, link or unlink a duplicate. Who may do what:
`sun.projets.permissions`; every write goes through `sun.projets.demandes.services`."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from sun.comptes.roles import role_requis
from sun.projets import permissions
from sun.projets.demandes import queries, services
from sun.projets.demandes.doublons import DoublonProbable
from sun.projets.erreurs import Refus
from sun.projets.models import Demande, Nature
from sun.web.views.projets.demandes_formulaires import DemandeForm, DoublonForm, QualificationForm

MESSAGE_LECTURE = ("Le détail d'une demande est lu par son auteur, les référents numériques de "
                   "sa direction, le service informatique et les administrateurs.")  # fmt: skip
MESSAGE_QUALIFIER = ("Réservé au service informatique, aux administrateurs et aux référents "
                     "numériques de la direction de la demande.")  # fmt: skip
MESSAGE_DOUBLON = "Réservé au service informatique et aux administrateurs."
MESSAGE_FORMULAIRE = "Le formulaire contient une erreur : rien n'a été enregistré."


def _demande(pk: int) -> Demande:
    d = queries.demande(pk)
    if d is None:
        raise Http404("Demande introuvable.")
    return d


def _nature(request) -> str:
    nature = request.POST.get("nature") or request.GET.get("nature", "")
    return nature if nature in Nature.values else ""


def _saisie(d: dict, nature: str) -> services.Saisie:
    return services.Saisie(
        titre=d.get("titre") or "", nature=nature, description=d.get("description") or "",
        type=d.get("type"), outil=d.get("outil"), direction=d.get("direction"),
        utilisateurs_concernes=d.get("utilisateurs_concernes"), frequence=d.get("frequence") or "",
    )  # fmt: skip


@role_requis(*permissions.PERSONNEL)
@require_http_methods(["GET", "HEAD", "POST"])
def nouvelle(request):
    nature = _nature(request)
    if request.method != "POST":
        form = DemandeForm(nature=nature, initial={
            "nature": nature, "direction": services.direction_par_defaut(request.user)})  # fmt: skip
        return _page_nouvelle(request, form, nature)
    form = DemandeForm(request.POST, nature=nature, doublon=True)
    if not form.is_valid():
        return _page_nouvelle(request, form, nature, erreur=MESSAGE_FORMULAIRE)
    d = form.cleaned_data
    try:
        demande = services.soumettre(request.user, _saisie(d, nature),
                                     pas_la_meme=bool(d.get("pas_la_meme")))  # fmt: skip
    except DoublonProbable as exc:
        return _page_nouvelle(request, form, nature, erreur=exc.message, proches=exc.demandes)
    except Refus as exc:
        if exc.champ in form.fields:
            form.add_error(exc.champ, exc.message)
        return _page_nouvelle(request, form, nature, erreur=exc.message)
    messages.success(request, f"Demande n° {demande.pk} enregistrée : le service informatique "
                     "et les référents de votre direction la verront.")  # fmt: skip
    return redirect("espace:projets_demande", pk=demande.pk)


def _page_nouvelle(request, form, nature, *, erreur="", proches=()):
    return render(request, "web/projets/demandes_nouvelle.html", {
        "form": form, "nature": nature, "libelle_nature": Nature(nature).label if nature else "",
        "natures": Nature.choices, "erreur": erreur, "proches": proches,
    }, status=400 if erreur else 200)  # fmt: skip


def _page_detail(request, d, *, erreur="", qualification=None, doublon=None, statut=200):
    u = request.user
    return render(request, "web/projets/demandes_detail.html", {
        "d": d, "erreur": erreur,
        "doublons": Demande.objects.doublons_de(d),
        "a_soutenu": queries.a_soutenu(d, u),
        "peut_qualifier_demande": permissions.peut_qualifier_demande(u, d),
        "peut_qualifier": permissions.peut_qualifier(u),
        "peut_panel": permissions.peut_consulter_panel(u),
        "qualification": qualification or QualificationForm(initial=QualificationForm.initial_de(d)),
        "doublon": doublon or DoublonForm(),
        "maintenant": timezone.now(),
    }, status=statut)  # fmt: skip


@role_requis(*permissions.PERSONNEL)
@require_http_methods(["GET", "HEAD"])
def detail(request, pk: int):
    d = _demande(pk)
    permissions.exiger(permissions.peut_lire_demande(request.user, d), MESSAGE_LECTURE)
    return _page_detail(request, d)


@role_requis(*permissions.PERSONNEL)
@require_POST
def soutenir(request, pk: int):
    d = _demande(pk)
    try:
        cible = services.soutenir(request.user, d)
    except Refus as exc:
        return render(request, "web/projets/demandes_refus.html", {
            "erreur": exc.message, "d": d,
            "lisible": permissions.peut_lire_demande(request.user, d),
        }, status=400)  # fmt: skip
    messages.success(request, f"Votre soutien à la demande n° {cible.pk} est enregistré.")
    if permissions.peut_lire_demande(request.user, cible):
        return redirect("espace:projets_demande", pk=cible.pk)
    return redirect("espace:projets_carnet")


@role_requis(*permissions.PERSONNEL)
@require_POST
def qualifier(request, pk: int):
    d = _demande(pk)
    permissions.exiger(permissions.peut_qualifier_demande(request.user, d), MESSAGE_QUALIFIER)
    form = QualificationForm(request.POST)
    if not form.is_valid():
        return _page_detail(request, d, erreur=MESSAGE_FORMULAIRE, qualification=form, statut=400)
    c = form.cleaned_data
    q = services.Qualification(
        statut=c["statut"], type=c.get("type"), outil=c.get("outil"),
        utilisateurs_concernes=c.get("utilisateurs_concernes"), frequence=c.get("frequence") or "",
        obligation_legale=bool(c.get("obligation_legale")), effort=c.get("effort"),
    )  # fmt: skip
    try:
        services.qualifier(request.user, d, q)
    except Refus as exc:
        if exc.champ in form.fields:
            form.add_error(exc.champ, exc.message)
        return _page_detail(request, _demande(pk), erreur=exc.message, qualification=form,
                            statut=400)  # fmt: skip
    messages.success(request, f"Demande n° {d.pk} qualifiée.")
    return redirect("espace:projets_demande", pk=d.pk)


@role_requis(*permissions.PERSONNEL)
@require_POST
def doublon(request, pk: int):
    d = _demande(pk)
    permissions.exiger(permissions.peut_qualifier(request.user), MESSAGE_DOUBLON,
                       permissions.QUALIFICATION)  # fmt: skip
    form = DoublonForm(request.POST)
    if not form.is_valid():
        return _page_detail(request, d, erreur=MESSAGE_FORMULAIRE, doublon=form, statut=400)
    try:
        services.marquer_doublon(request.user, d, form.cleaned_data.get("original"))
    except Refus as exc:
        form.add_error("original", exc.message)
        return _page_detail(request, _demande(pk), erreur=exc.message, doublon=form, statut=400)
    messages.success(request, f"Demande n° {d.pk} marquée comme doublon de la n° "
                     f"{d.doublon_de_id} : ses soutiens sont passés sur l'originale.")  # fmt: skip
    return redirect("espace:projets_demande", pk=d.pk)


@role_requis(*permissions.PERSONNEL)
@require_POST
def annuler_doublon(request, pk: int):
    d = _demande(pk)
    permissions.exiger(permissions.peut_qualifier(request.user), MESSAGE_DOUBLON,
                       permissions.QUALIFICATION)  # fmt: skip
    try:
        services.annuler_doublon(request.user, d)
    except Refus as exc:
        return _page_detail(request, d, erreur=exc.message, statut=400)
    messages.success(request, f"La demande n° {d.pk} n'est plus un doublon : elle est de "
                     "nouveau ouverte.")  # fmt: skip
    return redirect("espace:projets_demande", pk=d.pk)
