"""Agent space › Services: the dashboard of each service in charge of démarches (requests by
status, implicit decisions within 15 and 7 days, those already born, the share decided in
time, the 50 next implicit decisions). Everything comes from `sun.relation.queries
.tableau_service` (counters and the partial index on open requests) and the counters: no
count over the register. Demonstration requests are shown apart, never in the real figures."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from sun.comptes.roles import role_requis
from sun.relation import permissions
from sun.relation.models import ServiceInstructeur, Statut
from sun.relation.queries import empreinte_tableau, tableau_service_du_jour
from sun.relation.registre import queries as registre
from sun.web.views.relation_demandes import LECTEURS, refuser


@role_requis(*LECTEURS)
def liste(request):
    services = list(permissions.services_lisibles(request.user).order_by("nom"))
    ids = [s.pk for s in services]
    chiffres = registre.chiffres_des_services(ids)
    jour = timezone.localdate()
    echeances = registre.echeances_par_service(ids, jour)
    lignes = [(s, chiffres[s.pk], echeances.get(s.pk, 0)) for s in services]
    return render(request, "web/espace/relation/services.html", {
        "lignes": lignes, "aujourd_hui": jour,
        "peut_administrer": permissions.est_admin(request.user),
    })  # fmt: skip


def _difference(tout, reel) -> dict:
    """The demonstration part of each figure (all requests minus real ones)."""
    return {
        "par_statut": {s: tout.par_statut[s] - reel.par_statut[s] for s in reel.par_statut},
        "total": tout.total - reel.total,
        "dans_15_jours": tout.dans_15_jours - reel.dans_15_jours,
        "dans_7_jours": tout.dans_7_jours - reel.dans_7_jours,
        "decidees_implicitement": tout.decidees_implicitement - reel.decidees_implicitement,
    }


@role_requis(*LECTEURS)
def service(request, code: str):
    trouve = ServiceInstructeur.objects.filter(code=code).first()
    if trouve is None:
        raise Http404("Service introuvable.")
    if not permissions.services_lisibles(request.user).filter(pk=trouve.pk).exists():
        refuser(f"Le tableau de bord du service « {trouve.nom} » est réservé à ses instructeurs, "
                "aux agents et aux administrateurs.")  # fmt: skip
    jour = timezone.localdate()
    cle = empreinte_tableau(trouve.pk, jour)
    tableau = tableau_service_du_jour(trouve.pk, jour, cle=cle)
    registre.annoter_echeances(tableau.prochaines, jour)
    registre.annoter_echeances(tableau.acquises, jour)
    demonstration = None
    if registre.a_des_demonstrations(trouve.pk):
        demonstration = _difference(
            tableau_service_du_jour(trouve.pk, jour, demonstration=True, cle=cle), tableau
        )
    statuts = [(s.label, tableau.par_statut[s.value],
                demonstration["par_statut"][s.value] if demonstration else None)
               for s in Statut]  # fmt: skip
    return render(request, "web/espace/relation/service.html", {
        "service": trouve, "tableau": tableau, "statuts": statuts, "aujourd_hui": jour, "cle": cle,
        "demonstration": demonstration,
        "peut_administrer": permissions.est_admin(request.user),
    })  # fmt: skip
