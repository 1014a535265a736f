"""Requests carrying NUL characters: PostgreSQL refuses them in any text, so they must never
reach a query. A NUL in the path names nothing (404); in query parameters it is dropped."""

from django.http import Http404


class CaracteresNuls:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            return self._introuvable(request)
        if "\x00" in request.META.get("QUERY_STRING", "") or "%00" in request.META.get(
            "QUERY_STRING", ""
        ):
            parametres = request.GET.copy()
            for cle in list(parametres):
                parametres.setlist(
                    cle.replace("\x00", ""),
                    [v.replace("\x00", "") for v in parametres.getlist(cle)],
                )
                if "\x00" in cle:
                    del parametres[cle]
            parametres._mutable = False
            request.GET = parametres
        return self.get_response(request)

    def _introuvable(self, request):
        from django.core.handlers.exception import response_for_exception

        return response_for_exception(request, Http404("Adresse introuvable."))
