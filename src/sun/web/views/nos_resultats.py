"""« Nos résultats »: the quality-of-service results the département and each of its services
publish (Services Publics+, engagement 6), for residents, on a phone first. Every figure comes
from the indicator registry with its date, source and definition
(`sun.qualite.engagements.resultats`); the public improvement actions of the chosen year
(default: the current year, to date) and their progress; the same figures as open data (CSV in
the fields of the schema `etalab/schema-impact-service-public-numerique`).

Anonymous visitors get the page rendered once per version of its data and per day
(`pages_versionnees`): an import of calls or answers, a request decided, an action updated
shows at the next visit. A year chosen in the selector (a query string) is rendered as usual."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from sun.qualite.engagements import opendata, queries
from sun.qualite.engagements.graphique import taux_contre_objectif
from sun.qualite.engagements.referentiel import referentiel
from sun.qualite.engagements.resultats import (
    OBJECTIF_DECROCHE,
    resultats_departement,
    resultats_service,
)
from sun.qualite.versions import empreinte_des_resultats
from sun.web.context_processors import site
from sun.web.forms.qualite_engagements import AnneeForm
from sun.web.pages_versionnees import page_anonyme_versionnee


def _version(**_url) -> str:
    return empreinte_des_resultats(timezone.localdate().isoformat(), settings.SUN_DEPARTEMENT)


def _service(code: str):
    service = queries.service_par_code(code)
    if service is None:
        raise Http404("Service inconnu")
    return service


def _annee(request, service_id, jour) -> tuple[AnneeForm, int]:
    form = AnneeForm(request.GET or None, annees=queries.annees(jour, service_id),
                     initial={"annee": jour.year}, auto_id="annee_%s")  # fmt: skip
    annee = (form.cleaned_data["annee"] if request.GET and form.is_valid() else None) or jour.year
    return form, annee


def _contexte(request, resultats, service, jour, form, annee) -> dict:
    actions = queries.actions().publiques().de_l_annee(annee)
    if service:
        actions = actions.du_service(service.pk)
    ref = referentiel()
    return {
        "r": resultats, "service": service, "aujourd_hui": jour, "form": form, "annee": annee,
        "en_cours": annee == jour.year, "actions": list(actions.pour_affichage()),
        "engagements": queries.engagements(), "referentiel": ref,
        "objectif": OBJECTIF_DECROCHE, "nb_avis": resultats.chiffre("qualite.nombre_avis"),
    }  # fmt: skip


@require_safe
@page_anonyme_versionnee("nos_resultats", _version)
def departement(request):
    jour = timezone.localdate()
    services = queries.services_a_afficher()
    form, annee = _annee(request, None, jour)
    r = resultats_departement(settings.SUN_DEPARTEMENT, services, jour, annee)
    mesures = [(ligne.service.nom, ligne.taux_decroche.valeur) for ligne in r.par_service
               if ligne.taux_decroche.mesure]  # fmt: skip
    contexte = _contexte(request, r, None, jour, form, annee)
    contexte["graphique"] = taux_contre_objectif(mesures, OBJECTIF_DECROCHE)
    return render(request, "web/resultats/departement.html", contexte)


@require_safe
@page_anonyme_versionnee("nos_resultats_service", _version)
def service(request, code: str):
    trouve = _service(code)
    jour = timezone.localdate()
    form, annee = _annee(request, trouve.pk, jour)
    r = resultats_service(trouve, jour, annee)
    return render(request, "web/resultats/service.html",
                  _contexte(request, r, trouve, jour, form, annee))  # fmt: skip


def _csv(request, resultats) -> HttpResponse:
    texte = opendata.csv_texte(resultats, site(request)["site_nom"], settings.SUN_DEPARTEMENT)
    return HttpResponse(texte, content_type="text/csv; charset=utf-8")


@require_safe
@page_anonyme_versionnee("nos_resultats_csv", _version)
def csv_departement(request):
    jour = timezone.localdate()
    services = queries.services_a_afficher()
    _, annee = _annee(request, None, jour)
    return _csv(request, resultats_departement(settings.SUN_DEPARTEMENT, services, jour, annee))


@require_safe
@page_anonyme_versionnee("nos_resultats_service_csv", _version)
def csv_service(request, code: str):
    trouve, jour = _service(code), timezone.localdate()
    _, annee = _annee(request, trouve.pk, jour)
    return _csv(request, resultats_service(trouve, jour, annee))
