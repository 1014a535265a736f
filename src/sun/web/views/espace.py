"""The agent space: reachable only by signed-in users holding a SUN role. Its home page lists
the modules the user's roles open, from the same table the server checks them against."""

from django.shortcuts import render

from sun.comptes.modules import MODULES, du_personnel, modules_de
from sun.comptes.roles import TOUS, role_requis
from sun.territoire.models import ChargementTerritoire


@role_requis(*TOUS)
def accueil(request):
    ouverts = modules_de(request.user)
    return render(
        request,
        "web/espace/accueil.html",
        {
            "dernier_chargement": ChargementTerritoire.objects.first(),
            "modules": ouverts,
            "autres_modules": [m for m in MODULES if m not in ouverts]
            if du_personnel(request.user)
            else [],
            "du_personnel": du_personnel(request.user),
        },
    )
