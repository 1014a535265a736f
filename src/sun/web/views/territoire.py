"""Public pages of the territory: home, commune search, commune, EPCI, département map."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from sun.core import indicators
from sun.core.horaires import Horaires
from sun.core.indicators import Niveau
from sun.inclusion.analyses.couverture import TOUS
from sun.inclusion.analyses.proximite import aide_a_proximite, aide_de_l_epci, distances_commune
from sun.inclusion.analyses.queries import indice_de_l_epci, indice_de_la_commune
from sun.pilotage.avancement import plan_courant
from sun.pilotage.queries import actions_concernant_les_communes
from sun.territoire.models import EPCI, Commune
from sun.territoire.queries import (
    communes_de_l_epci,
    communes_pour_la_carte,
    communes_trouvees,
    departement_configure,
    population_totale,
    subdivisions,
)
from sun.territoire.timezones import heure_locale
from sun.web import versions_des_pages
from sun.web.cartes import classes_densite
from sun.web.limites import limite_anonyme
from sun.web.pages_versionnees import page_anonyme_versionnee
from sun.web.views.connectivite.publiques import (  # connectivite
    connectivite_de_l_epci,
    connectivite_de_la_commune,
)

CHIFFRES_ACCUEIL = ("territoire.population", "territoire.communes", "territoire.epci")


def accueil(request):
    departement = departement_configure()
    chiffres = []
    if departement:
        for code in CHIFFRES_ACCUEIL:
            indicateur = indicators.obtenir(code)
            chiffres.append((indicateur, indicateur.calculer(Niveau.DEPARTEMENT, departement.code)))
    return render(request, "web/accueil.html", {"departement": departement, "chiffres": chiffres})


def recherche_communes(request):
    texte = request.GET.get("q", "").strip()[:100]
    departement = departement_configure()
    resultats = page = None
    if texte:
        partout = request.GET.get("partout") == "1" or departement is None
        communes = communes_trouvees(texte, None if partout else departement.code)
        page = Paginator(communes, 20).get_page(request.GET.get("page"))
        resultats = page.object_list
    return render(
        request,
        "web/recherche_communes.html",
        {"texte": texte, "page": page, "resultats": resultats, "departement": departement},
    )


@limite_anonyme("pages-couteuses", "SUN_LIMITE_PAGES_COUTEUSES")
@page_anonyme_versionnee("commune", versions_des_pages.commune_ou_epci)
def commune(request, code_insee: str):
    commune = Commune.objects.avec_relations().sans_geometrie().de_code(code_insee).first()
    if commune is None:
        # An arrondissement or a commune déléguée leads to its commune.
        subdivision = get_object_or_404(subdivisions(), code_insee=code_insee.upper())
        return redirect("commune", code_insee=subdivision.commune.code_insee, permanent=True)
    mairie = getattr(commune, "mairie", None)
    horaires = Horaires(mairie.horaires) if mairie and mairie.horaires else None
    etat = horaires.etat(heure_locale(commune.departement.code)) if horaires else None
    fragilite = indice_de_la_commune(commune.code_insee)
    return render(
        request,
        "web/commune.html",
        {
            **_plan(),
            **connectivite_de_la_commune(commune),  # connectivite
            "fragilite": fragilite,
            "proximite": aide_a_proximite(commune),
            "distances": distances_commune(commune.code_insee, commune.departement.code),
            "commune": commune,
            "mairie": mairie,
            "horaires": horaires,
            "etat": etat,
            "subdivisions": commune.subdivisions.all(),
            "carte_legende": f"{commune.nom} (en couleur) "
            + ("parmi les communes de son intercommunalité." if commune.epci else "."),
        },
    )


@limite_anonyme("pages-couteuses", "SUN_LIMITE_PAGES_COUTEUSES")
@page_anonyme_versionnee("epci", versions_des_pages.commune_ou_epci)
def epci(request, code_siren: str):
    epci = get_object_or_404(EPCI, code_siren=code_siren)
    communes = communes_de_l_epci(epci)
    population = population_totale(communes)
    aide = aide_de_l_epci(list(communes))
    return render(
        request,
        "web/epci.html",
        {
            **_plan(),
            **connectivite_de_l_epci(epci, communes),  # connectivite
            "epci": epci,
            "fragilite": indice_de_l_epci(epci.code_siren),
            "distances": aide.distances,
            "lieux": aide.lieux,
            "lignes": aide.communes,
            "communes": communes,
            "population": population,
            "departements": epci.departements.all(),
        },
    )


def _plan() -> dict:
    """The current plan and its actions that concern communes (commune and EPCI pages)."""
    plan = plan_courant()
    actions = actions_concernant_les_communes(plan, timezone.localdate()) if plan else []
    return {"plan": plan, "actions": actions, "tous_services": TOUS}


@page_anonyme_versionnee("carte", versions_des_pages.carte_des_communes)
def carte(request):
    departement = departement_configure()
    communes = []
    classes = []
    if departement:
        communes = communes_pour_la_carte(departement)
        classes = classes_densite(communes)
    return render(
        request,
        "web/carte.html",
        {"departement": departement, "communes": communes, "classes": classes},
    )
