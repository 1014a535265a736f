"""Public connectivity pages: the section « Internet et téléphone » of the commune and EPCI
pages (context given to `web.views.territoire`), the département page and « Ma connexion »
for residents (`/connexion/`, which sends old login links carrying ?next= to the login page).

The figures come from `sun.connectivite.pages`; this module only adds the drawings."""

from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from sun.connectivite import pages
from sun.core.geocodeur import geocodeur_configure
from sun.inclusion.analyses.proximite import aide_a_proximite
from sun.territoire.queries import departement_configure
from sun.web import versions_des_pages
from sun.web.graphiques_connectivite import (
    COULEURS_FIBRE,
    barres_technologies,
    carte_fibre,
    courbe_ftth,
)
from sun.web.limites import limite_anonyme
from sun.web.pages_versionnees import page_anonyme_versionnee

ARCEP_INTERNET = "https://maconnexioninternet.arcep.fr/"
ARCEP_MOBILE = "https://monreseaumobile.arcep.fr/"
LIENS = {"arcep_internet": ARCEP_INTERNET, "arcep_mobile": ARCEP_MOBILE}


def _courbe(vue, ident: str, nom: str):
    return courbe_ftth(ident, vue.courbe, vue.courbe_en_parts,
                       f"Locaux raccordables à la fibre, par trimestre ({nom})")  # fmt: skip


def _section(code_insee: str, nom: str) -> dict:
    section = pages.section_commune(code_insee, timezone.localdate())
    return {
        "connectivite": section,
        "connectivite_courbe": _courbe(section, "con-courbe", nom),
        "connectivite_barres": barres_technologies(
            "con-techno", section.technologies, f"Meilleure technologie des locaux ({nom})"
        ),
        "connectivite_liens": LIENS,
    }


def connectivite_de_la_commune(commune) -> dict:
    """The context of the section « Internet et téléphone » of the commune page."""
    return _section(commune.code_insee, commune.nom)


def connectivite_de_l_epci(epci, communes) -> dict:
    """The context of the section « Internet et téléphone » of the EPCI page."""
    vue = pages.territoire(list(communes))
    return {
        "connectivite": vue,
        "connectivite_courbe": _courbe(vue, "con-courbe", epci.nom),
        "connectivite_liens": LIENS,
    }


@limite_anonyme("pages-couteuses", "SUN_LIMITE_PAGES_COUTEUSES")
@page_anonyme_versionnee("connectivite_departement", versions_des_pages.connectivite_departement)
def departement(request):
    departement = departement_configure()
    contexte = {"departement": departement, "liens": LIENS}
    if departement:
        vue = pages.territoire_du_departement(departement)
        nom = departement.nom
        contexte |= {
            "vue": vue,
            "carte": carte_fibre(
                "con-carte",
                vue.communes,
                vue.contours,
                f"Éligibilité à la fibre des communes ({nom})",
            ),
            "courbe": _courbe(vue, "con-courbe", nom),
            "legende": [(libelle, COULEURS_FIBRE[i], n) for i, libelle, n in vue.classes],
        }
    return render(request, "web/connectivite/departement.html", contexte)


@limite_anonyme("pages-couteuses", "SUN_LIMITE_PAGES_COUTEUSES")
def ma_connexion(request):
    if "next" in request.GET:
        # « /connexion/ » was the login page: old links and bookmarks keep working.
        return redirect(f"{reverse('connexion')}?{urlencode({'next': request.GET['next']})}")
    texte = request.GET.get("q", "")
    contexte = {
        "texte": texte[:200],
        "avec_adresse": geocodeur_configure(),
        "liens": LIENS,
        "aide": pages.aide_cnt(),
    }
    recherche = None
    if request.GET.get("commune"):
        recherche = pages.commune_choisie(request.GET["commune"])
    elif "q" in request.GET:
        recherche = pages.chercher_commune(texte)
    if recherche is not None:
        contexte["recherche"] = recherche
        contexte["texte"] = recherche.texte
        if recherche.commune is not None:
            commune = recherche.commune
            contexte |= _section(commune.code_insee, commune.nom)
            contexte["commune"] = commune
            contexte["proximite"] = aide_a_proximite(commune)
    return render(request, "web/connectivite/ma_connexion.html", contexte)
