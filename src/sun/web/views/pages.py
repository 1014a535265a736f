"""Pages every public site of a French authority must have, health check, error pages."""

import json
import sys
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader

import sun
from sun.comptes.services import duree_conservation_connexions
from sun.core.lecture_seule import base_inscriptible, est_lecture_seule
from sun.territoire.models import Commune
from sun.territoire.queries import departement_configure
from sun.web.lecture_seule import reponse_lecture_seule

AUDIT_ACCESSIBILITE = Path(__file__).resolve().parent.parent / "audit_accessibilite.json"


def mentions_legales(request):
    return render(request, "web/pages/mentions_legales.html", {"reglages": _reglages_legaux()})


def donnees_personnelles(request):
    contexte = {
        "reglages": _reglages_legaux(),
        "connexion_jours": duree_conservation_connexions(),
        "connexion_minutes": settings.SUN_CONNEXION_BLOCAGE_MINUTES,
    }
    return render(request, "web/pages/donnees_personnelles.html", contexte)


def accessibilite(request):
    audit = None
    if AUDIT_ACCESSIBILITE.exists():
        audit = json.loads(AUDIT_ACCESSIBILITE.read_text(encoding="utf-8"))
    return render(
        request, "web/pages/accessibilite.html", {"audit": audit, "reglages": _reglages_legaux()}
    )


def plan_du_site(request):
    return render(request, "web/pages/plan_du_site.html")


def donnees_ouvertes(request):
    """The former open-data page: the catalogue of the data service took its place."""
    from django.shortcuts import redirect

    return redirect("donnees_catalogue", permanent=True)


def code_source(request):
    return render(request, "web/pages/code_source.html", {"version": sun.__version__})


def _reglages_legaux() -> dict:
    return {
        "adresse": settings.SUN_EDITEUR_ADRESSE,
        "directeur": settings.SUN_DIRECTEUR_PUBLICATION,
        "hebergeur": settings.SUN_HEBERGEUR,
        "contact": settings.SUN_CONTACT_EMAIL,
        "dpo": settings.SUN_DPO_EMAIL,
    }


def sante(request):
    """For monitoring: 200 when the database answers and accepts writes, 503 otherwise (« base »
    says which: « injoignable » or « lecture seule »). No personal data. The write check takes
    no lock and never waits (sun.core.lecture_seule.base_inscriptible)."""
    try:
        connection.ensure_connection()
        departement = departement_configure()
        communes = Commune.objects.filter(departement=departement).count() if departement else 0
        inscriptible = base_inscriptible()
    except DatabaseError:
        return JsonResponse(
            {"statut": "erreur", "base": "injoignable", "version": sun.__version__}, status=503
        )
    if not inscriptible:
        return JsonResponse(
            {"statut": "erreur", "base": "lecture seule", "version": sun.__version__}, status=503
        )
    return JsonResponse(
        {
            "statut": "ok",
            "base": "ok",
            "version": sun.__version__,
            "departement": settings.SUN_DEPARTEMENT,
            "territoire_charge": departement is not None,
            "communes": communes,
        }
    )


def _erreur_api(request, statut: int, message: str):
    return JsonResponse(
        {"detail": message}, status=statut, json_dumps_params={"ensure_ascii": False}
    )


def erreur_404(request, exception=None):
    if request.path.startswith("/api/"):
        return _erreur_api(request, 404, "Ressource introuvable.")
    return render(request, "404.html", status=404)


def erreur_500(request):
    if request.path.startswith("/api/"):
        return _erreur_api(
            request, 500, "Erreur interne du serveur. L'équipe technique est prévenue."
        )
    if est_lecture_seule(sys.exc_info()[1]):  # a write after the view (the session's)
        return reponse_lecture_seule(request)
    # Rendered without context processors: the database may be the cause of the error.
    html = loader.get_template("500.html").render({"site_couleur": settings.SUN_COULEUR})
    return HttpResponseServerError(html)


def erreur_csrf(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without its token (an expired page, another site)."""
    raison = ("Le formulaire a expiré, ou il a été envoyé depuis une autre page que celle de ce "
              "site : rechargez la page, puis envoyez-le de nouveau.")  # fmt: skip
    return render(request, "403.html", {"raison": raison}, status=403)


def erreur_403(request, exception=None):
    if request.path.startswith("/api/"):
        return _erreur_api(request, 403, "Accès refusé.")
    # The reason names the roles that would open the page (sun.comptes.roles.RoleManquant).
    return render(request, "403.html", {"raison": str(exception or "")}, status=403)
