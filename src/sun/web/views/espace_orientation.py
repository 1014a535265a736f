"""Agent space: desk orientation (questionnaire, proposed places, printable sheet and PDF) and
the coordinators' statistics. An orientation keeps no name, only what the statistics need."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from sun.comptes.modules import PAR_CODE
from sun.comptes.roles import role_requis
from sun.inclusion.lieux import orientation as o
from sun.inclusion.lieux import queries
from sun.inclusion.lieux.fiche_orientation import TAILLES, lieux_proposes, preparer_fiche
from sun.inclusion.lieux.recherche import Criteres, rechercher
from sun.inclusion.lieux.services import enregistrer_orientation, retenir_lieux_orientation
from sun.inclusion.models import Orientation
from sun.territoire.positions import PositionIntrouvable, resoudre
from sun.web.forms.orientation import QuestionnaireForm

# The roles of the module table (sun.comptes.modules), the one source of who opens what.
ORIENTEURS = PAR_CODE["orientation"].roles
LECTEURS_STATISTIQUES = PAR_CODE["orientation_statistiques"].roles
PROPOSES, PRESELECTIONNES, SUR_LA_FICHE = 6, 3, 4
NIVEAUX = queries.NIVEAUX


@role_requis(*ORIENTEURS)
def questionnaire(request):
    envoi = request.POST.copy() if request.method == "POST" else None
    if envoi and envoi.get("commune_choisie"):  # the answer to « Laquelle ? »
        envoi["commune"] = envoi["commune_choisie"]
    form = QuestionnaireForm(envoi)
    suggestions, choix = [], False
    if request.method == "POST" and form.is_valid():
        donnees = form.cleaned_data
        try:
            position = resoudre(donnees["commune"])
        except PositionIntrouvable as exc:
            form.add_error("commune", str(exc))
            suggestions, choix = exc.suggestions, exc.choix
        else:
            diagnostic = o.diagnostiquer(donnees["equipements"], donnees["connexion"],
                                         donnees["savoir_faire"], donnees["besoins"])  # fmt: skip
            filtres = {"services": diagnostic.services_recherches}
            if donnees["prise_en_charge_specifique"]:
                filtres["prise_en_charge_specifique"] = donnees["prise_en_charge_specifique"]
            resultats = rechercher(Criteres(position.latitude, position.longitude, donnees["rayon"], filtres),
                                   taille=PROPOSES, departement=position.code_departement)  # fmt: skip
            # The centre of a commune or former commune is kept, a point from an address never.
            depart = ((position.nom, position.latitude, position.longitude)
                      if position.precision == "commune" and position.nom else None)  # fmt: skip
            orientation = enregistrer_orientation(
                position.commune, diagnostic, (t.lieu for t in resultats.trouves), depart
            )
            request.session[f"orientation-{orientation.pk}"] = diagnostic.explications
            return redirect("espace:orientation_propositions", pk=orientation.pk)
    return render(request, "web/espace/orientation/questionnaire.html",
                  {"form": form, "suggestions": suggestions, "choix": choix})  # fmt: skip


@role_requis(*ORIENTEURS)
def propositions(request, pk):
    orientation = _orientation_avec_lieux(pk)
    proposes = queries.lieux_dans_l_ordre(orientation.lieux_proposes)
    if request.method == "POST":
        retenus = [i for i in request.POST.getlist("lieux") if i in orientation.lieux_proposes]
        if not retenus:
            messages.error(request, "Choisissez au moins un lieu à imprimer sur la fiche.")
        elif len(retenus) > SUR_LA_FICHE:
            messages.error(
                request,
                f"Choisissez au plus {SUR_LA_FICHE} lieux : la fiche doit tenir sur une page.",
            )
        else:
            retenir_lieux_orientation(orientation, retenus)
            return redirect("espace:orientation_fiche", pk=orientation.pk)
    retenus = orientation.lieux_retenus or orientation.lieux_proposes[:PRESELECTIONNES]
    return render(request, "web/espace/orientation/propositions.html", {
        "orientation": orientation, "niveau": NIVEAUX.get(orientation.niveau),
        "explications": request.session.get(f"orientation-{orientation.pk}", []),
        "proposes": lieux_proposes(orientation, proposes), "retenus": retenus,
        "sur_la_fiche": SUR_LA_FICHE,
    })  # fmt: skip


def _contexte_fiche(request, orientation: Orientation) -> dict:
    """The sheet computed for the places kept, each with the absolute address of its public
    page (what its QR code holds)."""
    lieux = queries.lieux_dans_l_ordre(
        orientation.lieux_retenus or orientation.lieux_proposes[:PRESELECTIONNES]
    )
    fiche = preparer_fiche(orientation, lieux, adresse_publique=lambda lieu: request.build_absolute_uri(
        reverse("lieu_public", args=[lieu.pk])))  # fmt: skip
    return {"orientation": orientation, "fiche": fiche}


def _orientation_avec_lieux(pk) -> Orientation:
    return get_object_or_404(queries.orientations(), pk=pk)


@role_requis(*ORIENTEURS)
def fiche(request, pk):
    return render(
        request,
        "web/espace/orientation/fiche.html",
        _contexte_fiche(request, _orientation_avec_lieux(pk)),
    )


@role_requis(*ORIENTEURS)
def fiche_pdf(request, pk):
    try:
        from weasyprint import HTML  # heavy: loaded only when a PDF is asked for
    except OSError:  # Pango missing on this server
        messages.error(request, "Le PDF n'est pas disponible sur ce serveur (bibliothèque Pango absente) : "
                                "imprimez la page depuis le navigateur.")  # fmt: skip
        return redirect("espace:orientation_fiche", pk=pk)
    orientation = _orientation_avec_lieux(pk)
    contexte = _contexte_fiche(request, orientation)
    # From the size the estimate gives, smaller until the sheet fits one page.
    tailles = list(TAILLES)
    for taille in tailles[tailles.index(contexte["fiche"].taille) :]:
        html = render_to_string("web/espace/orientation/fiche_document.html",
                                {**contexte, "taille": taille}, request=request)  # fmt: skip
        document = HTML(string=html).render()
        if len(document.pages) == 1:
            break
    reponse = HttpResponse(document.write_pdf(), content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="fiche-orientation-{orientation.pk}.pdf"'
    return reponse


@role_requis(*LECTEURS_STATISTIQUES)
def statistiques(request):
    """Counts only: per month, per level, per need, per commune."""
    return render(
        request, "web/espace/orientation/statistiques.html", queries.statistiques_orientations()
    )
