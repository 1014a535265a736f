"""The public page « Numérique responsable » (schéma 5.4, « partager l'inventaire des
équipements et du taux de renouvellement »): the fleet in figures, the reuse rate and the
purchases share with their rules, and the footprint summary of the wing « empreinte » when
that wing provides it (`sun.parc.empreinte.pages.resume_public` and its template). No item,
no serial number: figures only. Served to anonymous visitors from the page rendered once per
version of the fleet's data and per day."""

import importlib
from dataclasses import dataclass

from django.shortcuts import render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone

from sun.core.graphiques import graphique_barres
from sun.core.versions import empreinte as empreinte_versions
from sun.parc.taux import pages
from sun.parc.versions import PARC
from sun.web.limites import limite_anonyme
from sun.web.pages_versionnees import page_anonyme_versionnee

GABARIT_EMPREINTE = "web/parc/empreinte/_resume.html"


def resume_empreinte():
    """The footprint summary, or None when the wing « empreinte » does not provide it."""
    try:
        module = importlib.import_module("sun.parc.empreinte.pages")
        get_template(GABARIT_EMPREINTE)
    except (ImportError, TemplateDoesNotExist):
        return None
    fonction = getattr(module, "resume_public", None)
    return fonction() if fonction else None


@dataclass(frozen=True)
class _Barre:
    libelle: str
    valeur: int
    masquee: bool = False  # equipment, not people: nothing is masked


def version() -> str:
    return empreinte_versions([PARC], timezone.localdate())


@limite_anonyme("pages-couteuses", "SUN_LIMITE_PAGES_COUTEUSES")
@page_anonyme_versionnee("numerique_responsable", version)
def numerique_responsable(request):
    parc = pages.parc_public()
    barres = [_Barre(t.libelle, t.nombre) for t in parc.par_type]
    return render(request, "web/parc/numerique_responsable.html", {
        "parc": parc, "graphique": graphique_barres(barres), "empreinte": resume_empreinte(),
    })  # fmt: skip
