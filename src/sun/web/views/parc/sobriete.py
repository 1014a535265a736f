"""« Sobriété numérique de ce site » (public): the latest Ecoindex of each public page of SUN,
measured in a real browser by `sun parc ecoindex` or the browser tests, with the method
explained and its source."""

from django.shortcuts import render

from sun.core.versions import empreinte
from sun.parc.sobriete import ecoindex
from sun.parc.sobriete.livrees import mesures_livrees
from sun.parc.sobriete.pages import LIBELLES
from sun.parc.sobriete.queries import dernieres_mesures
from sun.parc.versions import SOBRIETE
from sun.web.pages_versionnees import page_anonyme_versionnee


def version_publique() -> str:
    return empreinte([SOBRIETE])


@page_anonyme_versionnee("sobriete", version_publique)
def page(request):
    mesures = dernieres_mesures()
    livrees = not mesures
    if livrees:
        mesures = mesures_livrees()
    return render(request, "web/parc/sobriete/page.html", {
        "mesures": mesures, "livrees": livrees, "libelles": LIBELLES, "source": ecoindex.SOURCE,
        "version_methode": ecoindex.VERSION_METHODE, "budget": ecoindex.BUDGET_A,
        "derniere": max((m.mesure_le for m in mesures), default=None),
    })  # fmt: skip
