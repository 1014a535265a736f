"""The Django admin is for administrators only, whatever `is_staff` says."""

from django.contrib.admin import AdminSite

from sun.comptes.roles import Role, a_role


def restreindre_admin(site: AdminSite) -> None:
    site.site_header = "Administration de SUN"
    site.site_title = "Administration SUN"
    site.index_title = "Données et comptes"

    def has_permission(request) -> bool:
        user = request.user
        return user.is_active and user.is_staff and a_role(user, Role.ADMINISTRATEUR)

    site.has_permission = has_permission
