"""Agent space › difficulties reported by communes: the list (filters, counts per commune and
category, CSV export), the report form and the case page (history, status change, comment,
withdrawal). Commune accounts see their commune's cases only: another commune's case is a 404,
never a hint that it exists. Every write goes through `connectivite.signalements.services`."""

import csv
import io

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from sun.comptes.roles import RoleManquant, role_requis
from sun.connectivite.models import Categorie, Statut
from sun.connectivite.signalements import permissions
from sun.connectivite.signalements import queries as signalements
from sun.connectivite.signalements.services import (
    SignalementInvalide,
    changer_statut,
    commenter,
    retirer,
    signaler,
    suivants,
)
from sun.web.forms.connectivite import (
    CommentaireForm,
    RetraitForm,
    SignalementForm,
    StatutForm,
)

PAR_PAGE = 50


def _filtres(request) -> dict:
    filtres = {c: request.GET.get(c, "").strip() for c in ("commune", "categorie", "statut")}
    filtres["actifs"] = any(filtres.values())
    return filtres


def _cas_filtres(request, filtres: dict):
    return signalements.filtrer(
        signalements.visibles(request.user),
        commune=filtres["commune"], categorie=filtres["categorie"], statut=filtres["statut"],
    )  # fmt: skip


@role_requis(*permissions.LECTEURS)
def liste(request):
    filtres = _filtres(request)
    tous = signalements.visibles(request.user)
    cas = _cas_filtres(request, filtres)
    page = Paginator(cas, PAR_PAGE).get_page(request.GET.get("page"))
    return render(request, "web/connectivite/difficultes/liste.html", {
        "page": page, "filtres": filtres, "comptes": signalements.comptes(cas),
        "communes": signalements.communes_avec_cas(tous),
        "categories": Categorie.choices, "statuts": Statut.choices,
        "groupes": [(k, v[0]) for k, v in signalements.GROUPES_STATUT.items()],
        "compte_commune": permissions.compte_commune(request.user),
        "peut_signaler": permissions.peut_signaler(request.user),
        "traitant": permissions.est_traitant(request.user),
        "maintenant": timezone.now(),
    })  # fmt: skip


@role_requis(*permissions.LECTEURS)
def export_csv(request):
    filtres = _filtres(request)
    tampon = io.StringIO()
    csv.writer(tampon, delimiter=";").writerows(
        signalements.lignes_csv(_cas_filtres(request, filtres))
    )
    reponse = HttpResponse("\ufeff" + tampon.getvalue(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = 'attachment; filename="difficultes-raccordement.csv"'
    return reponse


@role_requis(*permissions.DECLARANTS)
@require_http_methods(["GET", "POST"])
def nouvelle(request):
    if not permissions.peut_signaler(request.user):
        raise RoleManquant(
            "Votre compte de commune n'est rattaché à aucune commune : demandez à "
            "l'administrateur de SUN de le rattacher.", permissions.DECLARANTS,
        )  # fmt: skip
    communes = signalements.communes_signalables(request.user)
    form = SignalementForm(request.POST or None, communes=communes)
    erreur = ""
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                cas = signaler(
                    request.user, d["commune"], d["categorie"], d["adresse"], d["description"],
                    d["nombre_locaux"], d["identifiant_ban"],
                    lien=request.build_absolute_uri(reverse("espace:connectivite_difficultes")),
                )  # fmt: skip
            except SignalementInvalide as exc:
                erreur = str(exc)
            else:
                messages.success(
                    request, "Difficulté signalée : elle est transmise au département."
                )
                return redirect("espace:connectivite_difficulte", pk=cas.pk)
        else:
            erreur = "Le formulaire contient une erreur : rien n'a été enregistré."
    return render(request, "web/connectivite/difficultes/nouvelle.html", {
        "form": form, "erreur": erreur,
        "commune_fixe": communes[0] if form.fields["commune"].disabled else None,
    }, status=400 if erreur else 200)  # fmt: skip


def _droits(user, cas) -> dict:
    return {
        "statut": bool(suivants(user, cas)),
        "commentaire": permissions.peut_commenter(user, cas),
        "retrait": permissions.peut_retirer(user, cas),
    }


def _formulaires(user, cas, donnees=None, action: str = "") -> dict:
    def lie(nom):
        return donnees if action == nom else None

    return {
        "statut": StatutForm(
            lie("statut"),
            suivants=suivants(user, cas),
            prefix="statut",
            initial={"operateur": cas.operateur},
        ),
        "commentaire": CommentaireForm(lie("commentaire"), prefix="commentaire"),
        "retrait": RetraitForm(lie("retrait"), prefix="retrait"),
    }


def _executer(user, cas, action: str, d: dict) -> str:
    if action == "statut":
        apres = changer_statut(user, cas, d["vers"], d["commentaire"], d["operateur"])
        return f"Statut : {apres.get_statut_display()}."
    if action == "commentaire":
        commenter(user, cas, d["commentaire"])
        return "Commentaire ajouté."
    retirer(user, cas, d["commentaire"])
    return "Signalement retiré : il est classé sans suite."


@role_requis(*permissions.LECTEURS)
@require_http_methods(["GET", "POST"])
def page(request, pk: int):
    cas = signalements.detail(request.user, pk)
    if cas is None:
        raise Http404("Signalement introuvable.")
    droits = _droits(request.user, cas)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    formulaires = _formulaires(request.user, cas, request.POST if action else None, action)
    erreur = ""
    if request.method == "POST":
        if action not in formulaires:
            erreur = "Action inconnue."
        elif not droits[action]:
            raise RoleManquant(
                "Traiter un signalement est réservé aux agents du département, aux "
                "administrateurs et aux partenaires ; la commune le commente, ou le retire tant "
                "qu'il est nouveau.", permissions.TRAITANTS,
            )  # fmt: skip
        elif formulaires[action].is_valid():
            try:
                message = _executer(request.user, cas, action, formulaires[action].cleaned_data)
            except SignalementInvalide as exc:
                erreur = str(exc)
            else:
                messages.success(request, message)
                return redirect("espace:connectivite_difficulte", pk=cas.pk)
        else:
            erreur = "Le formulaire contient une erreur : rien n'a été enregistré."
    return render(request, "web/connectivite/difficultes/cas.html", {
        "cas": cas, "fil": f"Signalement n° {cas.pk}", "droits": droits, "formulaires": formulaires, "action": action,
        "erreur": erreur, "evenements": list(cas.evenements.all()),
        "traitant": permissions.est_traitant(request.user),
        "departement": settings.SUN_DEPARTEMENT, "maintenant": timezone.now(),
    }, status=400 if erreur else 200)  # fmt: skip
