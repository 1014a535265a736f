"""Agent space › parc informatique › sites: the services, collèges and buildings the fleet is
assigned to, with their counts (every reader of the module), and their creation and edit
(INFORMATIQUE and ADMIN, through `sun.parc.sites`)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from sun.parc import permissions, queries
from sun.parc import sites as services_sites
from sun.parc.cycle_vie import RefusCycleVie
from sun.parc.models import Site
from sun.web.forms.parc import SiteForm, rattacher
from sun.web.views.parc.inventaire import ecriture, lecture

ERREUR = "Le formulaire contient une erreur : rien n'a été enregistré."


@lecture
def liste(request):
    return render(request, "web/parc/inventaire/sites.html", {
        "sites": queries.sites_avec_comptes(), "peut_ecrire": permissions.peut_ecrire(request.user),
        "maintenant": timezone.now(),
    })  # fmt: skip


def _formulaire(request, site: Site | None):
    initial = {} if site is None else {"nom": site.nom, "genre": site.genre, "code_uai": site.code_uai,
                                       "commune": site.commune_id, "effectif": site.effectif}  # fmt: skip
    form = SiteForm(request.POST or None, initial=initial)
    erreur = ""
    if request.method == "POST":
        if form.is_valid():
            try:
                if site is None:
                    site = services_sites.creer_site(form.cleaned_data)
                else:
                    services_sites.modifier_site(site, form.cleaned_data)
            except RefusCycleVie as refus:
                rattacher(form, refus)
            else:
                messages.success(request, f"Site « {site.nom} » enregistré.")
                return redirect("espace:parc_sites")
        erreur = ERREUR
    return render(request, "web/parc/inventaire/site_formulaire.html", {
        "form": form, "site": site, "erreur": erreur,
    }, status=400 if erreur else 200)  # fmt: skip


@ecriture
@require_http_methods(["GET", "POST"])
def nouveau(request):
    return _formulaire(request, None)


@ecriture
@require_http_methods(["GET", "POST"])
def modifier(request, pk: int):
    site = Site.objects.filter(pk=pk).first()
    if site is None:
        raise Http404("Site introuvable.")
    return _formulaire(request, site)
