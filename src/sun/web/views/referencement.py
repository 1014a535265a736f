"""Being found: `robots.txt` (the agent space and the endless combinations of a search are not
for search engines) and `sitemap.xml` (sun.web.sitemaps)."""

from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponse
from django.urls import reverse

from sun.web import versions_des_pages
from sun.web.limites import limite_anonyme
from sun.web.pages_versionnees import page_anonyme_versionnee
from sun.web.sitemaps import PLAN_XML

INTERDITS = ["/espace/", "/admin/", "/se-connecter/", "/deconnexion/", "/mot-de-passe-oublie/",
             "/trouver/?", "/geo/",
             "/lieux/export/", "/api/", "/demarches/?", "/demarches/*/deposer/", "/suivi/"]  # fmt: skip


def robots(request):
    lignes = ["User-agent: *", *(f"Disallow: {chemin}" for chemin in INTERDITS),
              "Allow: /api/docs", "", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]  # fmt: skip
    return HttpResponse("\n".join(lignes) + "\n", content_type="text/plain; charset=utf-8")


@limite_anonyme("pages-couteuses", "SUN_LIMITE_PAGES_COUTEUSES")
@page_anonyme_versionnee("sitemap", versions_des_pages.plan_du_site_xml)
def plan_xml(request):
    return sitemap(request, sitemaps=PLAN_XML)
