"""Agent space › Compétences › the directory of digital referents (every member of staff):
per direction, its active referents, searched by direction or question; its CSV export."""

import io

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from sun.competences import permissions
from sun.competences.models import Direction, Referent
from sun.competences.referents import annuaire, exports
from sun.competences.referents.indicators import SOURCE
from sun.comptes.roles import role_requis


@role_requis(*permissions.PERSONNEL)
@require_GET
def liste(request):
    recherche = (request.GET.get("q") or "").strip()[:200]
    entrees = annuaire.construire(Direction.objects.order_by("nom"),
                                  Referent.objects.pour_annuaire(), recherche)  # fmt: skip
    return render(request, "web/competences/referents_annuaire.html", {
        "entrees": [(e, [(r, annuaire.questions(r), annuaire.mailto(r, e.direction))
                         for r in e.referents]) for e in entrees],
        "recherche": recherche, "peut_modifier": permissions.peut_modifier_annuaire(request.user),
        "source": SOURCE, "maintenant": timezone.now(),
    })  # fmt: skip


@role_requis(*permissions.PERSONNEL)
@require_GET
def export_csv(request):
    texte = io.StringIO()
    exports.ecrire_csv(texte)
    reponse = HttpResponse(texte.getvalue().encode("utf-8-sig"),
                           content_type="text/csv; charset=utf-8")  # fmt: skip
    reponse["Content-Disposition"] = 'attachment; filename="referents-numeriques.csv"'
    return reponse
