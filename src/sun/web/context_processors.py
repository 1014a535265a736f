"""Context every template receives: branding, the configured département, the user's roles."""

from django.conf import settings

from sun.comptes.roles import roles_de
from sun.territoire.queries import departement_configure


def site(request) -> dict:
    """Branding and the configured département, for every template."""
    departement = departement_configure()
    nom = settings.SUN_NOM_ORGANISATION or (
        f"Département {departement.nom_avec_de}" if departement else "SUN"
    )
    return {
        "site_nom": nom,
        "site_departement": departement,
        "site_logo": settings.SUN_LOGO,
        "site_couleur": settings.SUN_COULEUR,
        "roles_utilisateur": roles_de(request.user) if hasattr(request, "user") else set(),
    }
