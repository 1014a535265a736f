"""The Django admin is for administrators only, whatever `is_staff` says, and its pages pass
axe-core: the settings below, with the templates of comptes/templates/admin/."""

from django.contrib.admin import AdminSite
from django.contrib.admin.widgets import AdminSplitDateTime
from django.db import models

from sun.comptes.modules import peut_ouvrir


class DateHeureEtiquetees(AdminSplitDateTime):
    """The admin's date and time inputs, each with its own label."""

    template_name = "admin/widgets/sun_split_datetime.html"


def rendre_accessible(site: AdminSite) -> None:
    """Every registered model admin: plain multiple selects instead of the « filter_horizontal »
    widget (its script draws icons with an ARIA label on a plain span, which axe-core
    refuses), and labelled date and time inputs."""
    for modele_admin in site._registry.values():
        modele_admin.filter_horizontal = ()
        modele_admin.filter_vertical = ()
        modele_admin.formfield_overrides[models.DateTimeField] = {
            **modele_admin.formfield_overrides.get(models.DateTimeField, {}),
            "widget": DateHeureEtiquetees,
        }


def restreindre_admin(site: AdminSite) -> None:
    site.site_header = "Administration de SUN"
    site.site_title = "Administration SUN"
    site.index_title = "Données et comptes"

    def has_permission(request) -> bool:
        return peut_ouvrir(request.user, "administration")  # administrators with is_staff

    site.has_permission = has_permission
    rendre_accessible(site)
