"""Agent space › training › follow-up (training service, pilots, administrators): who was
trained, per direction and per theme, in a year; every figure read through the indicator
registry with its source and date; the names only for the training service (CSV)."""

import io

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from sun.competences import permissions
from sun.competences.suivi import calculs, tableau_de_bord
from sun.comptes.roles import role_requis
from sun.core.graphiques import graphique_barres
from sun.core.indicators import NON_AFFICHE, SEUIL_PERSONNES
from sun.core.tableur import ecrivain_csv
from sun.web.views.competences.organisation import exiger_gestion


@role_requis(*permissions.SUIVI)
@require_GET
def accueil(request):
    permissions.exiger(permissions.peut_lire_le_suivi(request.user), "Réservé au service "
                       "formation, aux pilotes et aux administrateurs.", permissions.SUIVI)  # fmt: skip
    annee = tableau_de_bord.annee_choisie(request.GET.get("annee"))
    s = tableau_de_bord.suivi(annee)
    voit_noms = permissions.peut_gerer_formations(request.user)
    return render(request, "web/competences/suivi_accueil.html", {
        "s": s, "graphique_directions": graphique_barres(s.barres_directions),
        "graphique_themes": graphique_barres(s.barres_themes),
        "voit_noms": voit_noms, "noms": tableau_de_bord.lignes_noms(annee) if voit_noms else [],
        "colonnes_noms": tableau_de_bord.COLONNES_NOMS, "masque": NON_AFFICHE,
        "seuil": SEUIL_PERSONNES, "source": calculs.SOURCE, "maintenant": timezone.now(),
    })  # fmt: skip


@role_requis(*permissions.GESTION)
@require_GET
def noms_csv(request):
    exiger_gestion(request)
    annee = tableau_de_bord.annee_choisie(request.GET.get("annee"))
    tampon = io.StringIO()
    ecrivain = ecrivain_csv(tampon, delimiter=";")
    ecrivain.writerow(tableau_de_bord.COLONNES_NOMS)
    ecrivain.writerows(tableau_de_bord.lignes_noms(annee))
    ecrivain.writerow([])
    ecrivain.writerow([f"Personnes formées en {annee} (présentes à au moins une session). "
                       f"Source : {calculs.SOURCE} ; extrait le {timezone.localdate():%d/%m/%Y}. "
                       "Document nominatif : réservé au service formation."])  # fmt: skip
    reponse = HttpResponse("\ufeff" + tampon.getvalue(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="personnes-formees-{annee}.csv"'
    return reponse
