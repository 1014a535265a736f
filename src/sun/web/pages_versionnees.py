"""Costly public pages served, to anonymous visitors, from the page rendered once per version
of their data (`sun.core.calculs_versionnes`: one process renders a new version while the
others serve the previous one): the HTML in the shared cache under the data's fingerprint, an
ETag so that a browser coming back gets a 304, and `Vary: Cookie` so that nothing rendered for
one visitor reaches another. A signed-in agent, a visitor with a session or a pending message,
a query string, or a page that sets a cookie (a form's CSRF token) is rendered as usual."""

import gzip
from collections.abc import Callable
from functools import wraps

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers

from sun.core.calculs_versionnes import calcul_versionne

# A rendered page stays an hour at most: pages keyed by the minute (« open now ») would
# otherwise fill the cache with pages nobody will ask for again.
DUREE_PAGE_S = 3600


class _NonPartageable(Exception):
    def __init__(self, reponse):
        self.reponse = reponse


def _partageable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and not request.GET
        and not ({"messages", "sessionid"} & set(request.COOKIES))
    )


def page_anonyme_versionnee(nom: str, version: Callable[..., str]):
    """Decorate a view; `version(*args, **kwargs)` (the view's URL arguments) gives the
    fingerprint of the data the page shows."""

    def decorer(vue):
        @wraps(vue)
        def enveloppe(request, *args, **kwargs):
            if not _partageable(request):
                return vue(request, *args, **kwargs)
            empreinte = version(*args, **kwargs)
            etag = f'"{empreinte}"'
            reponse = get_conditional_response(request, etag=etag)  # a 304, or None
            if reponse is None:

                def rendre():
                    rendue = vue(request, *args, **kwargs)
                    if hasattr(rendue, "render"):  # a TemplateResponse (the sitemap)
                        rendue.render()
                    if rendue.status_code != 200 or rendue.cookies or rendue.streaming:
                        raise _NonPartageable(rendue)
                    # Compressed once here, not by the GZip middleware at every visit.
                    return rendue.content, rendue["Content-Type"], gzip.compress(rendue.content, 6)

                try:
                    contenu, type_contenu, compresse = calcul_versionne(
                        f"page:{nom}:{request.get_host()}{request.path}",
                        empreinte,
                        rendre,
                        duree=DUREE_PAGE_S,
                    )
                except _NonPartageable as exc:
                    return exc.reponse
                if "gzip" in request.headers.get("Accept-Encoding", ""):
                    reponse = HttpResponse(compresse, content_type=type_contenu)
                    reponse["Content-Encoding"] = "gzip"
                else:
                    reponse = HttpResponse(contenu, content_type=type_contenu)
            reponse["ETag"] = etag
            reponse["Cache-Control"] = "no-cache"  # kept, but checked again at each visit
            patch_vary_headers(reponse, ["Cookie", "Accept-Encoding"])
            return reponse

        return enveloppe

    return decorer
