"""Agent space › Services: the dashboard of each service in charge of démarches (requests by
status, implicit decisions within 15 and 7 days, those already born, the share decided in
time, the 50 next implicit decisions). Everything comes from `sun.relation.queries
.tableau_service` (counters and the partial index on open requests) and the counters: no
count over the register. Demonstration requests are shown apart, never in the real figures."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from sun.comptes.roles import role_requis
from sun.relation import permissions
from sun.relation.models import ServiceInstructeur
from sun.relation.queries import empreinte_tableau
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


@role_requis(*LECTEURS)
def service(request, code: str):
    trouve = ServiceInstructeur.objects.filter(code=code).first()
    if trouve is None:
        raise Http404("Service introuvable.")
    if not permissions.services_lisibles(request.user).filter(pk=trouve.pk).exists():
        refuser(f"Le tableau de bord du service « {trouve.nom} » est réservé à ses instructeurs, "
                "aux agents et aux administrateurs.")  # fmt: skip
    jour = timezone.localdate()
    # Computed only when the page's cached part is missing: the template keeps it per
    # version of the register, of the catalogue and per day (`empreinte_tableau`).
    contenu = SimpleLazyObject(lambda: registre.tableau_du_service(trouve.pk, jour))
    return render(request, "web/espace/relation/service.html", {
        "service": trouve, "aujourd_hui": jour, "cle": empreinte_tableau(trouve.pk, jour),
        "tableau": SimpleLazyObject(lambda: contenu["tableau"]),
        "statuts": SimpleLazyObject(lambda: contenu["statuts"]),
        "demonstration": SimpleLazyObject(lambda: contenu["demonstration"]),
        "peut_administrer": permissions.est_admin(request.user),
    })  # fmt: skip
