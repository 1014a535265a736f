"""Agent space › donations of retired equipment: the list, a new donation (a place of the
register or an association), a donation's page (items, steps, actions) and the choice of its
items. Who may do what: `sun.parc.dons.permissions`; a donation an account may not see is a
404. Every write goes through `sun.parc.dons.services`."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from sun.comptes.roles import RoleManquant, role_requis
from sun.parc.cycle_vie import RefusCycleVie
from sun.parc.dons import permissions, queries, services
from sun.parc.dons.regles import a_un_stockage, etapes
from sun.parc.models import Don
from sun.web.views.parc.dons_formulaires import (
    TYPES,
    AcceptationForm,
    AnnulationForm,
    DonForm,
    PreuveForm,
    RemiseForm,
    VisibiliteForm,
)

PAR_PAGE = 50


def don_ou_404(request, pk) -> Don:
    don = queries.don_visible(request.user, pk)
    if don is None:
        raise Http404("Don introuvable.")
    return don


def refuser(message: str, roles=permissions.GESTIONNAIRES):
    raise RoleManquant(message, roles)


@role_requis(*permissions.LECTEURS)
def liste(request):
    statut, texte = request.GET.get("statut", ""), request.GET.get("q", "").strip()[:100]
    dons = queries.filtrer(queries.dons_visibles(request.user), statut, texte)
    return render(request, "web/parc/dons/liste.html", {
        "page": Paginator(dons, PAR_PAGE).get_page(request.GET.get("page")),
        "statuts": Don.Statut.choices, "statut": statut, "q": texte,
        "peut_proposer": permissions.peut_proposer(request.user),
        "mediateur_seul": not permissions.voit_tout(request.user), "maintenant": timezone.now(),
    })  # fmt: skip


@role_requis(*permissions.PROPOSANTS)
@require_http_methods(["GET", "POST"])
def nouveau(request):
    texte = request.GET.get("q", "").strip()[:100]
    lieu = queries.lieu(request.POST.get("lieu") or request.GET.get("lieu") or None)
    form = DonForm(request.POST or None, initial={"lieu": lieu.pk if lieu else None})
    erreur = ""
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                don = services.proposer_don(d, request.user, lieu=queries.lieu(d["lieu"]))
            except RefusCycleVie as exc:
                erreur = exc.message
            else:
                messages.success(request, f"Don {don.numero} proposé : choisissez ses équipements.")
                return redirect("espace:parc_don_equipements", pk=don.pk)
        else:
            erreur = "Le formulaire contient une erreur : rien n'a été enregistré."
    return render(request, "web/parc/dons/nouveau.html", {
        "form": form, "erreur": erreur, "q": texte, "lieu": lieu,
        "lieux": queries.lieux_cherches(texte) if texte and lieu is None else [],
    }, status=400 if erreur else 200)  # fmt: skip


def formulaires(don: Don, donnees=None, action: str = "") -> dict:
    def lie(nom):
        return donnees if action == nom else None

    return {
        "accepter": AcceptationForm(lie("accepter"), prefix="accepter",
                                    initial={"engagement_reemploi": True}),
        "remettre": RemiseForm(lie("remettre"), prefix="remettre", initial={
            "engagement_reemploi": don.engagement_reemploi, "pour_le_reemploi": True,
            "effacement": don.effacement, "effacement_date": don.effacement_date,
            "effacement_outil": don.effacement_outil}),
        "preuve": PreuveForm(lie("preuve"), prefix="preuve"),
        "annuler": AnnulationForm(lie("annuler"), prefix="annuler"),
        "visibilite": VisibiliteForm(lie("visibilite"), prefix="visibilite",
                                     initial={"visible_sur_lieu": don.visible_sur_lieu}),
    }  # fmt: skip


def droits(user, don: Don) -> dict:
    decide = permissions.peut_decider(user, don)
    return {
        "equipements": permissions.peut_choisir_equipements(user, don),
        "accepter": decide and don.statut == Don.Statut.PROPOSE,
        "remettre": decide and don.statut == Don.Statut.ACCEPTE,
        "preuve": decide and don.statut == Don.Statut.REMIS,
        "annuler": decide and don.statut in (Don.Statut.PROPOSE, Don.Statut.ACCEPTE),
        "visibilite": permissions.peut_changer_visibilite(user, don),
    }


def rendre_page(request, don: Don, forms=None, erreur: str = "", action: str = "",
                status: int = 200):  # fmt: skip
    equipements = queries.equipements(don)
    jour = don.date_remise or timezone.localdate()
    return render(request, "web/parc/dons/don.html", {
        "don": don, "droits": droits(request.user, don), "action": action, "erreur": erreur,
        "formulaires": forms or formulaires(don),
        "lignes": [(e, queries.age(e, jour), a_un_stockage(e.type)) for e in equipements],
        "etapes": etapes(don), "maintenant": timezone.now(),
    }, status=status)  # fmt: skip


@role_requis(*permissions.LECTEURS)
def page(request, pk: int):
    return rendre_page(request, don_ou_404(request, pk))


@role_requis(*permissions.LECTEURS)
@require_http_methods(["GET", "POST"])
def equipements(request, pk: int):
    don = don_ou_404(request, pk)
    if not permissions.peut_choisir_equipements(request.user, don):
        refuser("Choisir les équipements d'un don est réservé au service informatique, aux "
                "administrateurs, et aux agents tant que le don est proposé.",
                permissions.PROPOSANTS)  # fmt: skip
    type_ = request.GET.get("type", "")
    erreur = ""
    if request.method == "POST":
        ids = [i for i in request.POST.getlist("equipements") if i.isdigit()]
        choisis = list(queries.equipements_par_pk(ids))
        try:
            if request.POST.get("action") == "retirer":
                n = services.retirer_equipements(don, choisis, request.user)
                message = f"{n} équipement(s) retiré(s) du don."
            else:
                if not choisis:
                    raise RefusCycleVie("Cochez au moins un équipement à ajouter.", "equipements")
                n = services.ajouter_equipements(don, choisis, request.user)
                message = f"{n} équipement(s) ajouté(s) au don."
        except RefusCycleVie as exc:
            erreur = exc.message
        else:
            messages.success(request, message)
            return redirect(request.get_full_path())
    disponibles = queries.disponibles(don, type_)
    return render(request, "web/parc/dons/equipements.html", {
        "don": don, "dans_le_don": queries.equipements(don), "erreur": erreur,
        "page": Paginator(disponibles, 100).get_page(request.GET.get("page")),
        "types": TYPES, "type": type_,
    }, status=400 if erreur else 200)  # fmt: skip
