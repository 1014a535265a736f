"""Agent space: desk orientation (questionnaire, proposed places, printable sheet and PDF) and
the coordinators' statistics. An orientation keeps no name, only what the statistics need."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string

from sun.comptes.roles import Role, role_requis
from sun.core.horaires import Horaires, jours_groupes
from sun.inclusion.lieux import orientation as o
from sun.inclusion.lieux import queries
from sun.inclusion.lieux.recherche import Criteres, code_departement, rechercher
from sun.inclusion.lieux.services import enregistrer_orientation, retenir_lieux_orientation
from sun.inclusion.models import Orientation
from sun.territoire.positions import PositionIntrouvable, resoudre
from sun.territoire.timezones import heure_locale
from sun.web.cartes_svg import plan_svg
from sun.web.forms.orientation import QuestionnaireForm

ORIENTEURS = (Role.AGENT, Role.MEDIATEUR, Role.ADMINISTRATEUR)
LECTEURS_STATISTIQUES = (Role.AGENT, Role.PILOTE, Role.ADMINISTRATEUR)
PROPOSES, PRESELECTIONNES, SUR_LA_FICHE = 6, 3, 4
NIVEAUX = queries.NIVEAUX


@role_requis(*ORIENTEURS)
def questionnaire(request):
    form = QuestionnaireForm(request.POST or None)
    suggestions = []
    if request.method == "POST" and form.is_valid():
        donnees = form.cleaned_data
        try:
            position = resoudre(donnees["commune"])
        except PositionIntrouvable as exc:
            form.add_error("commune", str(exc))
            suggestions = exc.suggestions
        else:
            diagnostic = o.diagnostiquer(donnees["equipements"], donnees["connexion"],
                                         donnees["savoir_faire"], donnees["besoins"])  # fmt: skip
            filtres = {"services": diagnostic.services_recherches}
            if donnees["prise_en_charge_specifique"]:
                filtres["prise_en_charge_specifique"] = donnees["prise_en_charge_specifique"]
            resultats = rechercher(Criteres(position.latitude, position.longitude, donnees["rayon"], filtres),
                                   taille=PROPOSES, departement=position.code_departement)  # fmt: skip
            orientation = enregistrer_orientation(
                position.commune, diagnostic, (t.lieu for t in resultats.trouves)
            )
            request.session[f"orientation-{orientation.pk}"] = diagnostic.explications
            return redirect("espace:orientation_propositions", pk=orientation.pk)
    return render(request, "web/espace/orientation/questionnaire.html",
                  {"form": form, "suggestions": suggestions})  # fmt: skip


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
        "proposes": proposes, "retenus": retenus,
    })  # fmt: skip


def _contexte_fiche(orientation: Orientation) -> dict:
    lieux = queries.lieux_dans_l_ordre(
        orientation.lieux_retenus or orientation.lieux_proposes[:PRESELECTIONNES]
    )
    fiches = []
    for numero, lieu in enumerate(lieux, start=1):
        horaires = Horaires(lieu.horaires) if lieu.horaires else None
        moment = heure_locale(code_departement(lieu.code_insee) if lieu.code_insee else "75")
        point = [{"lat": lieu.latitude, "lon": lieu.longitude, "n": numero, "nom": lieu.nom}]
        geometrie = lieu.commune_ref.geometrie if lieu.commune_ref_id else ""
        fiches.append({
            "numero": numero, "lieu": lieu, "horaires": horaires,
            "jours": jours_groupes(horaires.semaine_type()) if horaires else [],
            "etat": horaires.etat(moment) if horaires else None,
            "plan": plan_svg(geometrie, point if lieu.latitude is not None else [], largeur=300),
        })  # fmt: skip
    return {"orientation": orientation, "niveau": NIVEAUX.get(orientation.niveau), "fiches": fiches,
            "mise_a_jour": max((lieu.date_maj for lieu in lieux), default=None)}  # fmt: skip


def _orientation_avec_lieux(pk) -> Orientation:
    return get_object_or_404(queries.orientations(), pk=pk)


@role_requis(*ORIENTEURS)
def fiche(request, pk):
    return render(
        request, "web/espace/orientation/fiche.html", _contexte_fiche(_orientation_avec_lieux(pk))
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
    html = render_to_string("web/espace/orientation/fiche_document.html",
                            _contexte_fiche(orientation), request=request)  # fmt: skip
    reponse = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="fiche-orientation-{orientation.pk}.pdf"'
    return reponse


@role_requis(*LECTEURS_STATISTIQUES)
def statistiques(request):
    """Counts only: per month, per level, per need, per commune."""
    return render(
        request, "web/espace/orientation/statistiques.html", queries.statistiques_orientations()
    )
