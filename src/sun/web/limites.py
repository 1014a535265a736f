"""Anonymous rate limits of the costly public pages and of the exports (`sun.core.limites`,
counters shared by every process and server; the client address of `sun.core.client`).
Beyond the limit: a 429 page in French with `Retry-After`. Signed-in agents are not limited.

A crowd over its quota must cost next to nothing: the middleware `LimitesAnonymes`, near the
top of the stack, counts a request without a session cookie before sessions, authentication
and the view are reached, and answers 429 with a page rendered once per minute of waiting.
A request with a session cookie goes on to the view's decorator, which counts it if its user
is anonymous after all (a forged cookie gains nothing)."""

import math
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve

from sun.core.client import adresse_client
from sun.core.limites import compter, lire_regle

_pages_429: dict[tuple[str, int], tuple[bytes, str]] = {}


def _depassee(request, nom: str, reglage: str):
    regle = lire_regle(getattr(settings, reglage), reglage)
    decompte = compter(nom, adresse_client(request), regle)
    request.limite_comptee = True
    return None if decompte.permis else trop_de_requetes(request, decompte.attente, nom)


def limite_anonyme(nom: str, reglage: str):
    """Decorate a view: at most the rule of the setting `reglage` per anonymous client."""

    def decorer(vue):
        @wraps(vue)
        def limitee(request, *args, **kwargs):
            a_compter = not getattr(request, "limite_comptee", False)
            if a_compter and not request.user.is_authenticated:
                refus = _depassee(request, nom, reglage)
                if refus is not None:
                    return refus
            return vue(request, *args, **kwargs)

        limitee.limite_anonyme = (nom, reglage)
        return limitee

    return decorer


class LimitesAnonymes:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            try:
                limite = getattr(resolve(request.path_info).func, "limite_anonyme", None)
            except Resolver404:
                limite = None
            if limite and (refus := _depassee(request, *limite)) is not None:
                return refus
        return self.get_response(request)


def trop_de_requetes(request, attente: float, nom: str = ""):
    minutes = max(1, math.ceil(attente / 60))
    cle = (request.get_host(), minutes, nom)
    if cle not in _pages_429:
        if len(_pages_429) > 500:
            _pages_429.clear()
        page = render(request, "429.html", {"minutes": minutes, "limite": nom})
        _pages_429[cle] = (page.content, page["Content-Type"])
    contenu, type_contenu = _pages_429[cle]
    reponse = HttpResponse(contenu, content_type=type_contenu, status=429)
    reponse["Retry-After"] = str(int(attente) + 1)
    return reponse
