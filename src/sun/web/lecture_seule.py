"""A database that refuses writes answers 503 in French, not a server error.

`LectureSeule` (in MIDDLEWARE) turns the read-only errors of a view (SQLite « attempt to
write a readonly database », PostgreSQL's ReadOnlySqlTransaction, see sun.core.lecture_seule)
into the page « Le service est momentanément en lecture seule… », or a JSON body under /api/.
Reading keeps working; only what writes (logging in, forms) gets this page. A write that fails
after the view (the session saved by its middleware) reaches the 500 handler, which answers
the same page (sun.web.views.pages.erreur_500).
"""

import logging

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template import loader

from sun.core.lecture_seule import est_lecture_seule

journal = logging.getLogger("sun.lecture_seule")
MESSAGE = (
    "Le service est momentanément en lecture seule : vous pouvez consulter le site, mais rien "
    "ne peut être enregistré pour l'instant. Réessayez plus tard ; si cela dure, prévenez "
    "l'administrateur de la plateforme."
)
REESSAYER_APRES_S = 300


def reponse_lecture_seule(request) -> HttpResponse:
    if request.path.startswith("/api/"):
        reponse = JsonResponse({"detail": MESSAGE}, status=503)
    else:
        # Rendered without context processors, like the 500 page: they may read the session.
        html = loader.get_template("503.html").render(
            {"site_couleur": settings.SUN_COULEUR, "message": MESSAGE}
        )
        reponse = HttpResponse(html, status=503)
    reponse["Retry-After"] = str(REESSAYER_APRES_S)
    return reponse


class LectureSeule:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not est_lecture_seule(exception):
            return None
        journal.warning("Base en lecture seule : %s %s — %s", request.method, request.path,
                        str(exception).strip().splitlines()[0] if str(exception) else "")  # fmt: skip
        return reponse_lecture_seule(request)
