"""Agent space › Projets › Carnet des demandes par outil: the open évolutions ranked per tool
(titles for all staff, details linked only where `peut_lire_demande`), the CSV export, and the
page « Comment le score est calculé »."""

import io

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from sun.competences.models import Direction
from sun.comptes.roles import role_requis
from sun.core.tableur import ecrivain_csv
from sun.projets import permissions
from sun.projets.demandes import carnet as lignes_carnet
from sun.projets.demandes import queries, score
from sun.projets.models import Demande
from sun.web.views.projets.demandes_formulaires import FiltreCarnetForm

SOURCE = ("SUN, demandes d'évolution saisies par les agents ou importées des tickets GLPI, "
          "qualifiées par le service informatique et les référents numériques")  # fmt: skip


def _filtres(request):
    """(form, tool, direction) from the query string; an unknown value filters nothing."""
    form = FiltreCarnetForm(request.GET or None)
    outil = direction = None
    if form.is_bound and form.is_valid():
        outil = queries.outil_par_slug(form.cleaned_data.get("outil") or "")
        code = form.cleaned_data.get("direction") or ""
        direction = Direction.objects.par_code(code) if code else None
    return form, outil, direction


@role_requis(*permissions.PERSONNEL)
@require_GET
def carnet(request):
    form, outil, direction = _filtres(request)
    demandes = list(Demande.objects.carnet(outil, direction))
    return render(request, "web/projets/demandes_carnet.html", {
        "form": form, "demandes": demandes, "outil": outil, "direction": direction,
        "lisibles": permissions.demandes_lisibles(request.user, demandes),
        "requete": request.GET.urlencode(), "source": SOURCE, "maintenant": timezone.now(),
    }, status=400 if form.is_bound and form.errors else 200)  # fmt: skip


@role_requis(*permissions.PERSONNEL)
@require_GET
def carnet_csv(request):
    _form, outil, direction = _filtres(request)
    tampon = io.StringIO()
    ecrivain = ecrivain_csv(tampon, delimiter=";")
    ecrivain.writerow(lignes_carnet.COLONNES)
    ecrivain.writerows(lignes_carnet.lignes(Demande.objects.carnet(outil, direction)))
    reponse = HttpResponse(("\ufeff" + tampon.getvalue()).encode("utf-8"),
                           content_type="text/csv; charset=utf-8")  # fmt: skip
    reponse["Content-Disposition"] = 'attachment; filename="carnet-des-demandes.csv"'
    return reponse


@role_requis(*permissions.PERSONNEL)
@require_GET
def score_explique(request):
    return render(request, "web/projets/demandes_score.html", {
        "regles": score.REGLES, "bonus": score.BONUS_OBLIGATION,
    })  # fmt: skip
