"""`sitemap.xml` (django.contrib.sitemaps): the public pages, the communes and EPCI of the
département, the real places of the register. Never the agent space."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from sun.inclusion.lieux.publics import lieux_pour_le_plan_du_site
from sun.territoire.models import Commune
from sun.territoire.queries import epcis_du_departement

PAGES_PUBLIQUES = [
    "accueil", "trouver", "carte_lieux", "recherche_communes", "carte", "avancement", "fne",
    "donnees_catalogue", "plan_du_site", "mentions_legales", "donnees_personnelles",
    "accessibilite", "code_source",
    "demarches", "suivi", "ma_connexion", "connectivite_departement",
    "numerique_responsable", "reparateurs_public", "sobriete", "appels_a_projets",
    "panel",
]  # fmt: skip


class PagesPubliques(Sitemap):
    def items(self):
        return PAGES_PUBLIQUES

    def location(self, item):
        return reverse(item)


class Communes(Sitemap):
    def items(self):
        return (
            Commune.objects.filter(departement__code=settings.SUN_DEPARTEMENT)
            .order_by("code_insee")
            .values_list("code_insee", flat=True)
        )

    def location(self, item):
        return reverse("commune", args=[item])


class Intercommunalites(Sitemap):
    def items(self):
        return epcis_du_departement(settings.SUN_DEPARTEMENT).values_list("code_siren", flat=True)

    def location(self, item):
        return reverse("epci", args=[item])


class Lieux(Sitemap):
    def items(self):
        return lieux_pour_le_plan_du_site()

    def location(self, item):
        return reverse("lieu_public", args=[item[0]])

    def lastmod(self, item):
        return item[1]


class Demarches(Sitemap):
    def items(self):
        from sun.relation.catalogue.queries import demarches

        return demarches().publiees().order_by("slug").values_list("slug", "date_maj")

    def location(self, item):
        return reverse("demarche", args=[item[0]])

    def lastmod(self, item):
        return item[1]


PLAN_XML = {
    "pages": PagesPubliques,
    "communes": Communes,
    "intercommunalites": Intercommunalites,
    "lieux": Lieux,
    "demarches": Demarches,
}
