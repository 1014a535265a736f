"""Agent space › Activités: médiateurs record their accompaniments in a quick form, imports
from La Coop or the CSV template, and statistics that mask small counts."""

import io

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sun.comptes.roles import ESPACE, Role, a_role, role_requis
from sun.core.graphiques import graphique_barres
from sun.core.tableur import ecrivain_csv
from sun.core.taches import queries as taches
from sun.inclusion.activites import coop
from sun.inclusion.activites import statistiques as stats
from sun.inclusion.activites.exports import page_coop
from sun.inclusion.activites.importation import COLONNES_CSV
from sun.inclusion.activites.queries import (
    activites,
    communes_des_activites,
    lieux_des_activites,
)
from sun.inclusion.activites.services import (
    enregistrer_activite,
    modifier_activite,
    supprimer_activite,
)
from sun.inclusion.models import Activite
from sun.inclusion.reseau.queries import fiche_du_compte
from sun.territoire.queries import epcis_du_departement
from sun.web.forms.activites import ActiviteForm, ImportActivitesForm, valeurs_initiales
from sun.web.views.imports import contexte_tache, lancer_import_envoye, statut_du_formulaire

SAISIE = (Role.MEDIATEUR, Role.ADMINISTRATEUR)
IMPORT = (Role.AGENT, Role.ADMINISTRATEUR)


@role_requis(*ESPACE)
def accueil(request):
    fiche = fiche_du_compte(request.user)
    mes_activites = activites().de_l_utilisateur(request.user).avec_lieu_et_commune()
    page = Paginator(mes_activites, 30).get_page(request.GET.get("page"))
    return render(request, "web/espace/activites/accueil.html", {
        "page": page, "fiche": fiche, "peut_saisir": a_role(request.user, *SAISIE),
        "peut_importer": a_role(request.user, *IMPORT), "thematiques": coop.THEMATIQUES,
    })  # fmt: skip


def _formulaire(request, activite: Activite | None = None, modele: Activite | None = None):
    """Record a new activity (optionally starting from `modele`), or edit `activite`."""
    fiche = fiche_du_compte(request.user)
    depart = activite or modele
    initiales = valeurs_initiales(depart) if depart else None
    if modele is not None:
        initiales["date"] = timezone.localdate()
    form = ActiviteForm(request.POST or None, initial=initiales, mediateur=fiche,
                        code_departement=settings.SUN_DEPARTEMENT)  # fmt: skip
    if request.method == "POST" and form.is_valid():
        if activite is not None:
            modifier_activite(activite, form.donnees_activite)
        else:
            activite, _ = enregistrer_activite(
                form.donnees_activite,
                Activite.Source.SAISIE,
                saisi_par=request.user,
                mediateur=fiche,
            )
        messages.success(request, f"{activite} enregistré ({activite.accompagnements} accompagnement"
                                  f"{'s' if activite.accompagnements > 1 else ''}).")  # fmt: skip
        return redirect(
            "espace:activite_nouvelle" if "encore" in request.POST else "espace:activites"
        )
    return render(request, "web/espace/activites/saisie.html", {
        "form": form, "fiche": fiche, "modification": activite is not None,
    })  # fmt: skip


def _modifiable(request, pk) -> Activite:
    """The user's own entry `pk` (administrators: any entry made in SUN), else 404."""
    return get_object_or_404(activites().modifiables_par(request.user), pk=pk)


@role_requis(*SAISIE)
def saisir(request):
    return _formulaire(request)


@role_requis(*SAISIE)
def modifier(request, pk):
    return _formulaire(request, activite=_modifiable(request, pk))


@role_requis(*SAISIE)
def dupliquer(request, pk):
    return _formulaire(request, modele=_modifiable(request, pk))


@require_POST
@role_requis(*SAISIE)
def supprimer(request, pk):
    activite = _modifiable(request, pk)
    supprimer_activite(activite)
    messages.success(request, f"{activite} supprimé.")
    return redirect("espace:activites")


@role_requis(*IMPORT)
def importer_fichier(request):
    """Upload a file: the worker imports it; the page follows the job (`?tache=`)."""
    form = ImportActivitesForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        envoi = form.cleaned_data["fichier"]
        tache = lancer_import_envoye("activites", envoi, options={},
                                     essai=form.cleaned_data["essai"], auteur=request.user)  # fmt: skip
    else:
        tache = taches.tache(request.GET.get("tache"), "activites")
    return render(request, "web/espace/activites/import.html", {
        "form": form, "colonnes": COLONNES_CSV,
        **contexte_tache(tache, "espace:activites_importer"),
    }, status=statut_du_formulaire(request, form, "activites", "Activités de médiation numérique"))  # fmt: skip


@role_requis(*ESPACE)
def modele_csv(request):
    reponse = HttpResponse(content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = 'attachment; filename="modele-activites-sun.csv"'
    ecrivain = ecrivain_csv(reponse)  # no cell runs as a formula
    ecrivain.writerow(COLONNES_CSV)
    exemple = {"type": "collectif", "date": "2025-03-12", "duree": "90", "type_lieu": "autre",
               "lieu_code_insee": "11069", "thematiques": "email|navigation_sur_internet",
               "materiel": "ordinateur", "titre_atelier": "Découvrir le courriel", "niveau_atelier": "debutant",
               "accompagnements": "8", "genre_feminin": "5", "genre_masculin": "3", "age_60_69": "4",
               "age_70_plus": "4", "statut_retraite": "8"}  # fmt: skip
    ecrivain.writerow([exemple.get(c, "") for c in COLONNES_CSV])
    return reponse


@role_requis(*ESPACE)
def statistiques(request):
    filtres = stats.Filtres.depuis(request.GET)
    for erreur in filtres.erreurs:
        messages.error(request, erreur)
    selection = stats.selection(filtres)
    resultat = stats.calculer(selection)
    if request.GET.get("format") == "csv":
        return _csv(resultat)
    return render(request, "web/espace/activites/statistiques.html", {
        "filtres": filtres, "s": resultat, "masque": stats.MASQUE, "seuil": stats.SEUIL,
        "graphique_mois": graphique_barres(resultat.par_mois),
        "graphiques": {cle: graphique_barres(r.lignes[:12]) for cle, r in resultat.repartitions.items()},
        "types": coop.TypeActivite.choices, "thematiques": coop.THEMATIQUES.items(),
        "lieux": lieux_des_activites(), "epcis": epcis_du_departement(settings.SUN_DEPARTEMENT),
        "communes": communes_des_activites(selection),
    })  # fmt: skip


def _csv(resultat: stats.Statistiques) -> HttpResponse:
    sortie = io.StringIO()
    ecrivain = ecrivain_csv(sortie, delimiter=";")  # no cell runs as a formula
    ecrivain.writerow(["répartition", "catégorie", "accompagnements"])
    if resultat.trop_peu:
        ecrivain.writerow(["total", "accompagnements", stats.MASQUE])
    else:
        ecrivain.writerow(["total", "accompagnements", resultat.accompagnements])
        for ligne in resultat.par_mois:
            ecrivain.writerow(["mois", ligne.libelle, ligne.affichee])
        for repartition in resultat.repartitions.values():
            for ligne in repartition.lignes:
                ecrivain.writerow([repartition.titre, ligne.libelle, ligne.affichee])
    date_maj = resultat.date_maj.isoformat() if resultat.date_maj else ""
    ecrivain.writerow(
        [
            "source",
            f"Activités enregistrées dans SUN (saisies et imports La Coop), au {date_maj}",
            "",
        ]
    )
    reponse = HttpResponse("\ufeff" + sortie.getvalue(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = 'attachment; filename="statistiques-activites.csv"'
    return reponse


@role_requis(*IMPORT)
def export_coop(request):
    """Every real activity (no demonstration) as one page of La Coop's API."""
    reponse = JsonResponse(
        page_coop(activites().reelles()),
        json_dumps_params={"ensure_ascii": False},
    )
    reponse["Content-Disposition"] = 'attachment; filename="activites-format-la-coop.json"'
    return reponse
