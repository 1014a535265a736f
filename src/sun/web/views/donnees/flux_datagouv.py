"""The agent action « publier sur data.gouv.fr maintenant » (POST only): one dataset sent at
once, then back to the page the agent came from with a French message."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from sun.comptes.roles import role_requis
from sun.donnees import permissions
from sun.donnees.flux.queries import jeu_par_slug
from sun.donnees.flux.services import publier_jeu


def _retour(request) -> str:
    for adresse in (request.POST.get("suivant", ""), request.headers.get("Referer", "")):
        if adresse and url_has_allowed_host_and_scheme(
            adresse, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return adresse
    try:
        return reverse("espace:donnees")
    except NoReverseMatch:
        return reverse("espace:accueil")


@require_POST
@role_requis(*permissions.CATALOGUE)
def publier(request, slug: str):
    permissions.exiger(permissions.peut_deposer(request.user), "La publication sur "
                       "data.gouv.fr est réservée au personnel du catalogue.",
                       permissions.CATALOGUE)  # fmt: skip
    jeu = jeu_par_slug(slug)
    if jeu is None:
        raise Http404("Jeu de données inconnu.")
    envoi = publier_jeu(jeu, base=request.build_absolute_uri("/"))
    if envoi.reussi:
        messages.success(request, envoi.message)
    elif not envoi.envoye:
        messages.warning(request, envoi.message)
    else:
        messages.error(request, f"Erreur lors de l'envoi à data.gouv.fr : {envoi.message} "
                       "Le catalogue de SUN n'a pas changé ; un nouvel essai aura lieu "
                       "automatiquement cette nuit.")  # fmt: skip
    return redirect(_retour(request))
