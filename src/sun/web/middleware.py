"""Requests carrying NUL characters: PostgreSQL refuses them in any text, so they must never
reach a query. A NUL in the path names nothing (404); in query parameters and in the fields of
a posted form (urlencoded or multipart) it is dropped."""

from django.http import Http404

FORMULAIRES = ("application/x-www-form-urlencoded", "multipart/form-data")


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

    def process_view(self, request, vue, args, kwargs):
        """The fields of a posted form, hidden ones read raw by views (jeton, source…) too.
        Here, not in __call__: a multipart body is read first by LimiteTeleversement."""
        if request.method != "POST" or request.content_type not in FORMULAIRES:
            return None
        if not any(
            "\x00" in c or any("\x00" in v for v in request.POST.getlist(c)) for c in request.POST
        ):
            return None
        donnees = request.POST.copy()
        for cle in list(donnees):
            valeurs = [v.replace("\x00", "") for v in donnees.getlist(cle)]
            del donnees[cle]
            if "\x00" not in cle:
                donnees.setlist(cle, valeurs)
        donnees._mutable = False
        request.POST = donnees
        return None

    def _introuvable(self, request):
        from django.core.handlers.exception import response_for_exception

        return response_for_exception(request, Http404("Adresse introuvable."))


class ModulesEspace:
    """Every address of the agent space is checked against the module table
    (`sun.comptes.modules`), the same table that chooses the links of the agent space's home
    page: a role is refused exactly the modules it is not shown. Anonymous users go on to the
    view, which sends them to the login page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, vue, args, kwargs):
        from sun.comptes.modules import module_de_la_route, verifier_module

        correspondance = request.resolver_match
        if correspondance is None or correspondance.namespace != "espace":
            return None
        if not request.user.is_authenticated:
            return None
        module = module_de_la_route(correspondance.route.removeprefix("espace/"))
        if module is not None:
            verifier_module(request.user, module)
        return None
