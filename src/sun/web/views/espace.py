"""The agent space: reachable only by signed-in users holding a SUN role."""

from django.shortcuts import render

from sun.comptes.roles import ESPACE, Role, a_role, role_requis
from sun.inclusion import permissions
from sun.territoire.models import ChargementTerritoire


@role_requis(*ESPACE)
def accueil(request):
    return render(
        request,
        "web/espace/accueil.html",
        {
            "dernier_chargement": ChargementTerritoire.objects.first(),
            "est_admin": a_role(request.user, Role.ADMINISTRATEUR),
            "peut_importer": permissions.peut_importer(request.user),
        },
    )
