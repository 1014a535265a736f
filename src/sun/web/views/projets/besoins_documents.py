"""Agent space › Projets › Expressions de besoin: the printable specification and its PDF
(read by the same people as the need's page)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from sun.comptes.roles import role_requis
from sun.projets import permissions
from sun.projets.besoins import pdf as document
from sun.web.views.projets.besoins import MESSAGE_LECTURE, besoin_ou_404


def _lisible(request, pk: int):
    besoin = besoin_ou_404(pk)
    permissions.exiger(permissions.peut_lire_besoin(request.user, besoin), MESSAGE_LECTURE)
    return besoin


@role_requis(*permissions.PERSONNEL)
@require_http_methods(["GET", "HEAD"])
def impression(request, pk: int):
    return HttpResponse(document.html(_lisible(request, pk), ecran=True))


@role_requis(*permissions.PERSONNEL)
@require_http_methods(["GET", "HEAD"])
def pdf(request, pk: int):
    besoin = _lisible(request, pk)
    try:
        contenu = document.pdf(besoin)
    except OSError:  # Pango missing on this server
        messages.error(request, "Le PDF n'est pas disponible sur ce serveur : utilisez la "
                                "version à imprimer.")  # fmt: skip
        return redirect("espace:projets_besoin_impression", pk=besoin.pk)
    reponse = HttpResponse(contenu, content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="{document.nom_du_fichier(besoin)}"'
    return reponse
