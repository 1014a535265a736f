from django.contrib import admin
from django.urls import include, path

from sun.api.api import api
from sun.comptes.admin_site import restreindre_admin

restreindre_admin(admin.site)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("sun.web.urls")),
]

handler403 = "sun.web.views.pages.erreur_403"
handler404 = "sun.web.views.pages.erreur_404"
handler500 = "sun.web.views.pages.erreur_500"
