"""Agent space › training › elected officials (training service and administrators): tracked
only with their consent; « Retirer le consentement » deletes the person (their registrations
stay as anonymous lines); days of training this mandate against the 18-day right; the year's
trainings, the table annexed to the administrative account (CSV)."""

import io

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from sun.competences import permissions, services
from sun.competences.erreurs import Refus
from sun.competences.models import Personne
from sun.competences.suivi import calculs, elus, tableau_de_bord
from sun.comptes.roles import role_requis
from sun.core.tableur import ecrivain_csv
from sun.web.views.competences.organisation import FORMULAIRE_INVALIDE, exiger_gestion
from sun.web.views.competences.organisation_formulaires import EluForm


def _page(request, form, erreur: str = ""):
    annee = tableau_de_bord.annee_choisie(request.GET.get("annee"))
    return render(request, "web/competences/organisation_elus.html", {
        "droits": elus.droits(), "jours_droit": elus.JOURS_PAR_MANDAT,
        "heures_par_jour": elus.HEURES_PAR_JOUR, "debut_mandat": elus.DEBUT_MANDAT,
        "annee": annee, "annexe": elus.lignes_annexe(annee), "colonnes": elus.COLONNES_ANNEXE,
        "form": form, "erreur": erreur, "source": calculs.SOURCE_ELUS,
        "maintenant": timezone.now(),
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.GESTION)
@require_http_methods(["GET", "POST"])
def elus_page(request):
    exiger_gestion(request)
    form = EluForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            return _page(request, form, FORMULAIRE_INVALIDE)
        d = form.cleaned_data
        try:
            elu = services.creer_elu(d["nom"], d["prenom"], d["consentement_le"],
                                     d["consentement_modalite"], d["courriel"])  # fmt: skip
        except Refus as exc:
            return _page(request, form, exc.message)
        messages.success(request, f"{elu} est suivi(e) avec son consentement.")
        return redirect("espace:competences_elus")
    return _page(request, form)


@role_requis(*permissions.GESTION)
@require_http_methods(["GET", "POST"])
def elu_retirer(request, pk: int):
    exiger_gestion(request)
    elu = get_object_or_404(Personne.objects.elus(), pk=pk)
    if request.method == "POST":
        nom = str(elu)
        try:
            lignes = services.retirer_consentement(elu)
        except Refus as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"Consentement retiré : {nom} n'est plus suivi(e). "
                             f"{lignes} inscription(s) restent comptées sans nom.")  # fmt: skip
        return redirect("espace:competences_elus")
    return render(request, "web/competences/organisation_elu_retirer.html", {
        "elu": elu, "inscriptions": elu.inscriptions.count(),
    })  # fmt: skip


@role_requis(*permissions.GESTION)
@require_GET
def elus_annexe_csv(request):
    exiger_gestion(request)
    annee = tableau_de_bord.annee_choisie(request.GET.get("annee"))
    tampon = io.StringIO()
    ecrivain = ecrivain_csv(tampon, delimiter=";")
    ecrivain.writerow(elus.COLONNES_ANNEXE)
    ecrivain.writerows(elus.lignes_annexe(annee))
    ecrivain.writerow([])
    ecrivain.writerow([f"Formations des élus suivies en {annee} (CGCT L3123-10 à L3123-14, "
                       f"tableau annexé au compte administratif). Source : {calculs.SOURCE_ELUS} ; "
                       f"extrait le {timezone.localdate():%d/%m/%Y}."])  # fmt: skip
    reponse = HttpResponse("\ufeff" + tampon.getvalue(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="formations-elus-{annee}.csv"'
    return reponse
