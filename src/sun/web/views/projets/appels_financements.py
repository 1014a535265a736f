"""Agent space › Appels à projets › financements obtenus (per action, funder and year) and
their CSV export; the public list of relayed open calls (/appels-a-projets/)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from sun.comptes.roles import role_requis
from sun.projets import permissions
from sun.projets.appels import financements, queries
from sun.projets.models import AppelAProjets


@role_requis(*permissions.APPELS_LECTEURS)
@require_GET
def page(request):
    return render(request, "web/projets/appels_financements.html",
                  {"bilan": queries.tous_financements()})  # fmt: skip


@role_requis(*permissions.APPELS_LECTEURS)
@require_GET
def export_csv(request):
    reponse = HttpResponse(financements.en_csv(queries.tous_financements()),
                           content_type="text/csv; charset=utf-8")  # fmt: skip
    reponse["Content-Disposition"] = 'attachment; filename="financements-appels-a-projets.csv"'
    return reponse


@require_GET
def publics(request):
    jour = timezone.localdate()
    appels = list(AppelAProjets.objects.publics(jour))
    return render(request, "web/projets/appels_publics.html", {"appels": appels, "jour": jour})
