"""Agent space › Besoins et demandes sur les outils (landing of the module « projets »): the
ways in (request a change, report an incident, ask a question, express a need), the links to
the backlog, statistics, typology and panels; the person's own requests; the open requests of
the directions a referent follows; the new requests the IT service has to qualify."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from sun.comptes.roles import role_requis
from sun.projets import permissions
from sun.projets.models import Demande


@role_requis(*permissions.PERSONNEL)
@require_GET
def accueil(request):
    u = request.user
    directions = permissions.directions_referent(u)
    qualifie = permissions.peut_qualifier(u)
    return render(request, "web/projets/accueil.html", {
        "miennes": Demande.objects.de_l_auteur(u)[:50],
        "de_mes_directions": (Demande.objects.ouvertes().des_directions(directions)[:50]
                              if directions else None),
        "a_qualifier": Demande.objects.a_qualifier()[:50] if qualifie else None,
        "peut_qualifier": qualifie, "peut_panel": permissions.peut_consulter_panel(u),
    })  # fmt: skip
