"""« Réparer et reconditionner » (public): the directory of the territory's repairers,
refurbishers, repair cafés and ESS workshops, filtered by activity and by commune or EPCI (a
GET form, without JavaScript), with a server-drawn map and its table, a page at a time.
The agent pages are in `_reparateurs_espace`."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render

from sun.core.versions import empreinte
from sun.parc.models import Activite
from sun.parc.reparateurs import queries
from sun.parc.reparateurs.carte import contour_du_departement
from sun.parc.reparateurs.publics import fiches
from sun.parc.versions import REPARATEURS
from sun.territoire.queries import departement_configure
from sun.territoire.version import VERSION as TERRITOIRE
from sun.web.pages_versionnees import page_anonyme_versionnee
from sun.web.views.parc._reparateurs_carte import carte_reparateurs
from sun.web.views.parc._reparateurs_formulaires import FiltresForm

# Ten actors a page keeps the page within the grade-A budget of the Ecoindex (300 elements).
PAR_PAGE = 10


def version_publique() -> str:
    return empreinte([REPARATEURS, TERRITOIRE], settings.SUN_DEPARTEMENT,
                     settings.SUN_CONTACT_EMAIL)  # fmt: skip


@page_anonyme_versionnee("reparateurs_public", version_publique)
def public(request):
    form = FiltresForm(request.GET or None, communes=queries.communes_avec_acteurs(),
                       epcis=queries.epcis_du_departement())  # fmt: skip
    choix = form.valeurs() if form.is_bound else {"activite": "", "commune": "", "epci": ""}
    acteurs = queries.filtres(**choix)
    page = Paginator(acteurs, PAR_PAGE).get_page(request.GET.get("page"))
    lignes = fiches(page.object_list, page.start_index() or 1)
    departement = departement_configure()
    titre = "Les acteurs de cette page sur la carte" + (
        f" du département {departement.nom_avec_de}" if departement else ""
    )
    requete = request.GET.copy()
    requete.pop("page", None)
    return render(request, "web/parc/reparateurs/public.html", {
        "form": form, "choix": choix, "page": page, "lignes": lignes,
        "carte": carte_reparateurs("rep-carte", contour_du_departement(),
                                   [f.point() for f in lignes], titre),
        "departement": departement, "mise_a_jour": queries.derniere_mise_a_jour(),
        "demonstration": queries.compte_demonstration(), "activites": Activite.choices,
        "filtre_actif": any(choix.values()), "requete": requete.urlencode(),
        "contact": settings.SUN_CONTACT_EMAIL,
    })  # fmt: skip
