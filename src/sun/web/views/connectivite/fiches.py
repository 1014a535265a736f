"""The commune sheet for its mayor: the page (HTML) and its PDF, public. The PDF is costly
(WeasyPrint): limited per anonymous client, and written once per version of its data
(`fichier_versionne`), then served from the file."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from sun.connectivite.fiches.donnees import fiche_de_la_commune
from sun.connectivite.fiches.rendu import contexte, nom_du_fichier, pdf_de_la_fiche
from sun.connectivite.versions import DONNEES, SIGNALEMENTS
from sun.core.calculs_versionnes import fichier_versionne
from sun.core.versions import empreinte
from sun.inclusion.versions import ACTIVITES, ANALYSES, REGISTRE, RESEAU
from sun.pilotage.versions import PLAN
from sun.territoire.models import Commune
from sun.territoire.version import VERSION as TERRITOIRE
from sun.web.limites import limite_anonyme
from sun.web.pages_versionnees import page_anonyme_versionnee


def version_de_la_fiche(code_insee: str = "", **_url) -> str:
    """What a sheet shows: connectivity, cases, places, fragility, help counted, plan, territory
    — and the day (the copper countdown, the twelve months of help counted)."""
    return empreinte(
        [DONNEES, SIGNALEMENTS, REGISTRE, RESEAU, ANALYSES, ACTIVITES, PLAN, TERRITOIRE],
        timezone.localdate().isoformat(), code_insee.upper(),
    )  # fmt: skip


def _fiche(code_insee: str):
    fiche = fiche_de_la_commune(code_insee)
    if fiche is None:
        raise Http404("Commune inconnue.")
    return fiche


@require_safe
@limite_anonyme("pages-couteuses", "SUN_LIMITE_PAGES_COUTEUSES")
@page_anonyme_versionnee("connectivite_fiche", version_de_la_fiche)
def fiche(request, code_insee: str):
    fiche = _fiche(code_insee)
    return render(request, "web/connectivite/fiche.html",
                  {**contexte(fiche), "gabarit": "web/base.html"})  # fmt: skip


@require_safe
@limite_anonyme("pages-couteuses", "SUN_LIMITE_PAGES_COUTEUSES")
def fiche_pdf(request, code_insee: str):
    commune = get_object_or_404(Commune.objects.de_code(code_insee).only("code_insee", "nom"))
    code = commune.code_insee
    chemin = fichier_versionne(f"fiche-commune-{code}", "pdf", version_de_la_fiche(code),
                               lambda sortie: sortie.write(pdf_de_la_fiche(_fiche(code))))  # fmt: skip
    return FileResponse(chemin.open("rb"), as_attachment=True, filename=nom_du_fichier(commune),
                        content_type="application/pdf")  # fmt: skip
