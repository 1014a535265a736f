"""Agent space: the register of places (list, detail and history, edit, close, import)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from sun.comptes.roles import ESPACE, role_requis
from sun.core.taches import queries as taches
from sun.inclusion import permissions
from sun.inclusion.lieux import exports, queries
from sun.inclusion.lieux.services import (
    decider_paire,
    decider_paires,
    enregistrer_saisie,
    fermer_lieu,
    rouvrir_lieu,
    traiter_signalement,
)
from sun.inclusion.models import Lieu, SignalementErreur
from sun.web.forms.lieux import ImportForm, LieuForm
from sun.web.identifiants import objet_envoye, requete_invalide
from sun.web.views.imports import (
    contexte_tache,
    decider,
    lancer_import_envoye,
    statut_du_formulaire,
)


@role_requis(*ESPACE)
def liste(request):
    q = request.GET.get("q", "").strip()[:100]
    statut = request.GET.get("statut", "")
    source = request.GET.get("source", "")
    lieux = queries.registre().cherchant(q).au_statut(statut).de_la_source(source)
    page = Paginator(lieux, 50).get_page(request.GET.get("page"))
    return render(request, "web/espace/lieux/liste.html", {
        "page": page, "q": q, "statut": statut, "source": source,
        "sources": queries.sources_du_registre(),
        "statuts": Lieu.Statut.choices, "incomplets": exports.lieux_incomplets().count(),
        "doublons": queries.paires_a_revoir().count(),
        "signalements": queries.signalements(SignalementErreur.Statut.NOUVEAU).count(),
        "peut_creer": permissions.peut_creer(request.user), "peut_importer": permissions.peut_importer(request.user),
    })  # fmt: skip


@role_requis(*ESPACE)
def detail(request, pk):
    lieu = get_object_or_404(queries.lieu_detaille(), pk=pk)
    return render(request, "web/espace/lieux/detail.html", {
        "lieu": lieu, "sources": lieu.sources.all(),
        "historique": queries.historique(lieu),
        "peut_modifier": permissions.peut_modifier(request.user, lieu),
    })  # fmt: skip


def _formulaire(request, lieu: Lieu | None):
    form = LieuForm(request.POST or None, instance=lieu)
    if request.method == "POST" and form.is_valid():
        valeurs = {champ: form.cleaned_data[champ] for champ in form.Meta.fields}
        lieu, differences = enregistrer_saisie(lieu, valeurs, auteur=request.user)
        messages.success(
            request,
            f"Lieu enregistré ({len(differences)} champ(s) modifié(s))."
            if differences
            else "Lieu enregistré.",
        )
        return redirect("espace:lieu", pk=lieu.pk)
    return render(request, "web/espace/lieux/formulaire.html", {"form": form, "lieu": lieu})


@role_requis(*ESPACE)
def modifier(request, pk):
    lieu = get_object_or_404(Lieu, pk=pk)
    if not permissions.peut_modifier(request.user, lieu):
        raise PermissionDenied("Vous ne pouvez modifier que les lieux de votre structure.")
    if request.method == "POST" and "placer" in request.POST:  # « Placer d'après l'adresse »
        form = LieuForm.placee(request.POST, instance=lieu)
        return render(request, "web/espace/lieux/formulaire.html", {"form": form, "lieu": lieu})
    return _formulaire(request, lieu)


@role_requis(*ESPACE)
def creer(request):
    if not permissions.peut_creer(request.user):
        raise PermissionDenied
    if request.method == "POST" and "placer" in request.POST:  # « Placer d'après l'adresse »
        form = LieuForm.placee(request.POST)
        return render(request, "web/espace/lieux/formulaire.html", {"form": form, "lieu": None})
    return _formulaire(request, None)


@require_POST
@role_requis(*ESPACE)
def changer_statut(request, pk):
    lieu = get_object_or_404(Lieu, pk=pk)
    if not permissions.peut_modifier(request.user, lieu):
        raise PermissionDenied
    commentaire = request.POST.get("commentaire", "")[:300]
    if lieu.statut == Lieu.Statut.FERME:
        rouvrir_lieu(lieu, auteur=request.user, commentaire=commentaire)
        messages.success(request, "Lieu rouvert.")
    else:
        fermer_lieu(lieu, auteur=request.user, commentaire=commentaire)
        messages.success(request, "Lieu fermé. Il reste dans le registre et peut être rouvert.")
    return redirect("espace:lieu", pk=lieu.pk)


@role_requis(*ESPACE)
def importer(request):
    """Upload a file: the worker imports it; this page follows the job (`?tache=`) to its
    report, or to the guard's question."""
    if not permissions.peut_importer(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        envoye, donnees = form.cleaned_data["fichier"], form.cleaned_data
        mapping = donnees["correspondance"]
        options = {"source": donnees["source"], "partiel": donnees["partiel"],
                   "correspondance": mapping.contenu if mapping else None,
                   "nom_correspondance": str(mapping.chemin) if mapping else ""}  # fmt: skip
        tache = lancer_import_envoye("lieux", envoye, options=options, essai=donnees["essai"],
                                     auteur=request.user)  # fmt: skip
    else:
        tache = taches.tache(request.GET.get("tache"), "lieux")
    return _page(request, form, tache)


@role_requis(*ESPACE)
@require_POST
def importer_confirmer(request):
    """The coordinator read what a stopped import would close and confirms (or cancels) it:
    the worker runs it again from the waiting file, past the guard."""
    if not permissions.peut_importer(request.user):
        raise PermissionDenied
    tache = taches.a_confirmer(request.POST.get("jeton", ""), "lieux")
    if tache is None:
        messages.error(
            request, "Cet import en attente n'existe plus : importez à nouveau le fichier."
        )
        return redirect("espace:lieux_importer")
    relancee = decider(request, tache)
    if relancee is None:
        return redirect("espace:lieux_importer")
    return _page(request, ImportForm(), relancee)


def _page(request, form, tache):
    return render(request, "web/espace/lieux/import.html", {
        "form": form, "derniers": queries.derniers_imports(),
        "seuil_confirmation": round(settings.SUN_IMPORT_SEUIL_CONFIRMATION * 100),
        **contexte_tache(tache, "espace:lieux_importer"),
    }, status=statut_du_formulaire(request, form, "lieux", "Lieux de médiation numérique"))  # fmt: skip


PAIRE_INCONNUE = (
    "Cette paire de lieux n'est plus à examiner (déjà décidée ?) ou son identifiant est invalide :"
    " rechargez la liste des doublons."
)


def _filtres_doublons(donnees) -> tuple[str, int]:
    source = str(donnees.get("source", ""))[:100]
    try:
        score_min = max(0, min(100, int(donnees.get("score_min") or 0)))
    except ValueError:
        score_min = 0
    return source, score_min


@role_requis(*ESPACE)
def doublons(request):
    """The review queue: pairs the comparison could not settle alone, the most alike first;
    one decision per pair, or the same for every pair of a source above a score."""
    if not permissions.peut_importer(request.user):
        raise PermissionDenied
    source, score_min = _filtres_doublons(request.POST if request.method == "POST" else request.GET)
    if request.method == "POST":
        decision = request.POST.get("decision")
        if decision not in ("fusionner", "distincts"):
            return requete_invalide(request, "Choisissez « fusionner » ou « lieux distincts ».")
        if request.POST.get("lot") == "oui":
            nombre = decider_paires(
                queries.paires_a_revoir(source, score_min), decision, auteur=request.user
            )
            quoi = "fusionnées" if decision == "fusionner" else "gardées comme lieux distincts"
            messages.success(request, f"{nombre} paire{'s' if nombre > 1 else ''} {quoi}.")
        else:
            paire = objet_envoye(queries.paires_a_revoir(), request.POST.get("paire"))
            if paire is None:
                return requete_invalide(request, PAIRE_INCONNUE)
            decider_paire(paire, decision, auteur=request.user)
            messages.success(
                request,
                "Lieux fusionnés."
                if decision == "fusionner"
                else "Décision enregistrée : ce sont deux lieux distincts.",
            )
        return redirect(
            f"{reverse('espace:doublons')}?{urlencode({'source': source, 'score_min': score_min})}"
        )
    paires = queries.paires_a_revoir(source, score_min)
    page = Paginator(paires, 20).get_page(request.GET.get("page"))
    return render(request, "web/espace/lieux/doublons.html", {
        "page": page, "source": source, "score_min": score_min, "total": paires.count(),
        "sources": queries.sources_des_paires(),
    })  # fmt: skip


@role_requis(*ESPACE)
def signalements(request):
    """Corrections proposed by the public on places' pages, for the coordinators."""
    if not permissions.peut_importer(request.user):
        raise PermissionDenied
    if request.method == "POST":
        signalement = objet_envoye(SignalementErreur.objects, request.POST.get("signalement"))
        statut = request.POST.get("statut")
        if signalement is None or statut not in (
            SignalementErreur.Statut.TRAITE,
            SignalementErreur.Statut.REJETE,
        ):
            return requete_invalide(
                request, "Ce signalement ou ce statut est inconnu : rechargez la liste."
            )
        traiter_signalement(signalement, statut, auteur=request.user)
        messages.success(request, f"Signalement marqué « {signalement.get_statut_display()} ».")
        return redirect("espace:signalements")
    statut = request.GET.get("statut", SignalementErreur.Statut.NOUVEAU)
    if statut not in SignalementErreur.Statut.values:
        statut = SignalementErreur.Statut.NOUVEAU
    page = Paginator(queries.signalements(statut), 20).get_page(request.GET.get("page"))
    return render(request, "web/espace/lieux/signalements.html", {
        "page": page, "statut": statut, "statuts": SignalementErreur.Statut.choices,
    })  # fmt: skip
