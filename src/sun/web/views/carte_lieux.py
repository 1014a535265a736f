"""Public page: the map of the département's digital help places, with its table."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from sun.inclusion.lieux.publics import lieux_du_departement
from sun.territoire.queries import departement_configure
from sun.territoire.timezones import heure_locale
from sun.web import versions_des_pages
from sun.web.cartes import fond_de_carte, grouper_points
from sun.web.limites import limite_anonyme
from sun.web.pages_versionnees import page_anonyme_versionnee


@limite_anonyme("pages-couteuses", "SUN_LIMITE_PAGES_COUTEUSES")
@page_anonyme_versionnee("carte-des-lieux", versions_des_pages.carte_des_lieux)
def carte(request):
    departement = departement_configure()
    if departement is None:
        return render(request, "web/trouver/carte_lieux.html", {"departement": None})
    lieux = lieux_du_departement(departement.code)
    points = [{"lat": t.lieu.latitude, "lon": t.lieu.longitude, "n": rang, "nom": t.lieu.nom,
               "lien": reverse("lieu_public", args=[t.lieu.pk])}
              for rang, t in enumerate(lieux, start=1)]  # fmt: skip
    return render(request, "web/trouver/carte_lieux.html", {
        "departement": departement, "lieux": lieux,
        "points": grouper_points(points, ancre="carte-lieu-"),
        "moment": heure_locale(departement.code, timezone.now()), "tuiles": fond_de_carte(),
        "demonstration": any(t.lieu.demonstration for t in lieux),
    })  # fmt: skip
