"""SUN's public API (django-ninja); OpenAPI document and explorer at /api/docs."""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, Throttled, ValidationError
from ninja.renderers import JSONRenderer

import sun
from sun.api import indicateurs, lieux, territoire
from sun.api.limites import LimiteAnonyme
from sun.core.indicators import IndicateurInconnu, NiveauNonCalcule, TerritoireInconnu
from sun.core.validation import message_validation


class RenduJSON(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=RenduJSON(),
    title="API SUN",
    version=sun.__version__,
    description=(
        "API ouverte de SUN : territoire (communes, EPCI), indicateurs, lieux de médiation "
        "numérique (recherche autour d'un point). Réponses en JSON ; "
        "ajoutez `format=geojson` pour obtenir du GeoJSON. Les erreurs sont renvoyées en JSON "
        "avec un message en français dans `detail`. Chaque réponse indique sa source et sa date."
    ),
    urls_namespace="api",
    throttle=[LimiteAnonyme()],  # every endpoint, per client address (sun.core.limites)
)
api.add_router("/communes", territoire.communes)
api.add_router("/epci", territoire.epcis)
api.add_router("/departements", territoire.departements)
api.add_router("/indicateurs", indicateurs.router)
api.add_router("/lieux", lieux.router)


def _erreur(request, statut: int, detail: str, **extra):
    return api.create_response(request, {"detail": detail, **extra}, status=statut)


@api.exception_handler(ValidationError)
def erreur_validation(request, exc: ValidationError):
    erreurs = [message_validation(e) for e in exc.errors]
    return _erreur(request, 400, "Paramètres invalides.", erreurs=erreurs)


@api.exception_handler(Http404)
def introuvable(request, exc):
    detail = (
        str(exc)
        if str(exc) and "matches the given query" not in str(exc)
        else "Ressource introuvable."
    )
    return _erreur(request, 404, detail)


@api.exception_handler(TerritoireInconnu)
@api.exception_handler(IndicateurInconnu)
def inconnu(request, exc):
    return _erreur(request, 404, str(exc))


@api.exception_handler(NiveauNonCalcule)
def niveau(request, exc):
    return _erreur(request, 400, str(exc))


@api.exception_handler(lieux.ErreurCritere)
def erreur_critere(request, exc: lieux.ErreurCritere):
    return _erreur(request, 400, str(exc), erreurs=exc.erreurs)


@api.exception_handler(Throttled)
def trop_de_requetes(request, exc: Throttled):
    attente = int(exc.wait) + 1 if getattr(exc, "wait", None) else None
    reponse = _erreur(
        request,
        429,
        "Trop de requêtes : limite de débit atteinte pour les clients anonymes."
        + (f" Réessayez dans {attente} s." if attente else ""),
    )
    if attente:
        reponse["Retry-After"] = str(attente)
    return reponse


@api.exception_handler(HttpError)
def erreur_http(request, exc: HttpError):
    return _erreur(request, exc.status_code, str(exc))


@api.exception_handler(Exception)
def erreur_interne(request, exc):
    import logging

    logging.getLogger("sun.api").exception("Erreur interne de l'API")
    return _erreur(request, 500, "Erreur interne du serveur.")
