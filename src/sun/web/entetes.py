"""Security headers that Django does not set: the Permissions-Policy of every response.

The browser's position is asked for on one page only, the public search (« Autour de moi »,
autour.js): there the policy allows geolocation for the site itself, everywhere else it
refuses it, as it refuses the camera, the microphone, payment and the sensors to every page
and to any frame. (The Content-Security-Policy is django-csp's, settings.py; the host of the
optional basemap tiles, SUN_CARTE_TUILES_URL, is added to its img-src here, read at each
response like the maps read it.)"""

import urllib.parse

from django.conf import settings
from django.urls import reverse

REFUSEES = ("accelerometer", "camera", "gyroscope", "magnetometer", "microphone", "payment", "usb")
# URL names of the pages that read the browser's position (navigator.geolocation).
PAGES_GEOLOCALISEES = ("trouver",)


def politique(geolocalisation: bool) -> str:
    fonctions = [f"{nom}=()" for nom in REFUSEES]
    fonctions.append("geolocation=(self)" if geolocalisation else "geolocation=()")
    return ", ".join(sorted(fonctions))


class PolitiqueDePermissions:
    def __init__(self, get_response):
        self.get_response = get_response
        self._chemins = None

    def _geolocalisees(self) -> frozenset[str]:
        if self._chemins is None:  # the URLconf is not loaded yet when the middleware is built
            self._chemins = frozenset(reverse(nom) for nom in PAGES_GEOLOCALISEES)
        return self._chemins

    def __call__(self, request):
        reponse = self.get_response(request)
        reponse.headers.setdefault(
            "Permissions-Policy", politique(request.path in self._geolocalisees())
        )
        if hote := hote_des_tuiles():
            mise_a_jour = dict(getattr(reponse, "_csp_update", None) or {})
            mise_a_jour["img-src"] = [*mise_a_jour.get("img-src", []), hote]
            reponse._csp_update = mise_a_jour
        return reponse


def hote_des_tuiles() -> str:
    """« https://data.geopf.fr » for the basemap's tile URL; "" without tiles."""
    morceaux = urllib.parse.urlsplit(settings.SUN_CARTE_TUILES_URL or "")
    return f"{morceaux.scheme}://{morceaux.netloc}" if morceaux.scheme and morceaux.netloc else ""
