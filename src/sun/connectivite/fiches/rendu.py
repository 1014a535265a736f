"""The commune sheet as HTML (the template `web/connectivite/fiche.html`) and PDF
(WeasyPrint), one commune or every commune of the département: the data of all the sheets
gathered once (`donnees.rassembler_fiches`), then each sheet rendered, with one stylesheet
and one font configuration shared by all the PDFs."""

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.template import engines
from django.template.loader import get_template
from django.utils.text import slugify

from sun.connectivite.fiches.donnees import FicheCommune, rassembler_fiches
from sun.connectivite.fiches.graphique import courbe_ftth
from sun.core.indicators import SEUIL_PERSONNES

GABARIT = "web/connectivite/fiche.html"
FEUILLE = (
    Path(__file__).resolve().parents[2] / "web" / "static" / "sun" / "css" / "fiche-commune.css"
)
# The printed page: no site header, menus or footer; the sheet's own stylesheet comes with
# WeasyPrint (`_styles`), shared by all the sheets.
PAGE_IMPRIMEE = (
    '<!doctype html><html lang="fr"><head><meta charset="utf-8">'
    "<title>{% block titre %}{% endblock %}</title></head>"
    '<body class="fiche-imprimee"><main>{% block contenu %}{% endblock %}</main></body></html>'
)


@lru_cache(maxsize=1)
def _page_imprimee():
    return engines["django"].from_string(PAGE_IMPRIMEE).template


def _editeur(commune) -> str:
    if settings.SUN_NOM_ORGANISATION:
        return settings.SUN_NOM_ORGANISATION
    departement = commune.departement
    return f"le Département {departement.nom_avec_de}" if departement else ""


def contexte(fiche: FicheCommune) -> dict:
    c = fiche.connectivite
    en_parts = bool(c.locaux_estimes)
    # One point a year (its last quarter) and the newest quarter: short enough for the page.
    tout = c.serie_en_parts()
    lignes = [l for k, l in enumerate(tout) if l[0].month == 12 or k == len(tout) - 1]
    points = [(t, p if en_parts else n) for t, n, p in lignes if not en_parts or p is not None]
    return {
        "fiche": fiche,
        "commune": fiche.commune,
        "c": c,
        "serie": lignes,
        "courbe": courbe_ftth(points, en_parts),
        "derniere_part": lignes[-1][2] if lignes else None,
        "editeur": _editeur(fiche.commune),
        "seuil": SEUIL_PERSONNES,
        "aide_url": settings.SUN_AIDE_CNT_URL.removeprefix("https://"),
        # The printed sheet gives its own address when the site's is set.
        "adresse_site": (f"{settings.SUN_ADRESSE_SITE.rstrip('/')}/communes/"
                         f"{fiche.commune.code_insee}/fiche/" if settings.SUN_ADRESSE_SITE else ""),
    }  # fmt: skip


def html_de_la_fiche(fiche: FicheCommune, gabarit=None, request=None) -> str:
    """The sheet's HTML: the printed page by default, or inside `gabarit` (the site's page)."""
    ctx = {**contexte(fiche), "gabarit": gabarit or _page_imprimee()}
    return get_template(GABARIT).render(ctx, request)


@lru_cache(maxsize=1)
def _styles():
    """One stylesheet and one font configuration for every PDF of the run."""
    from weasyprint import CSS  # heavy: loaded only for a PDF
    from weasyprint.text.fonts import FontConfiguration

    polices = FontConfiguration()
    return CSS(filename=str(FEUILLE), font_config=polices), polices


def document(html: str):
    """The laid-out pages of a sheet (WeasyPrint), with the shared stylesheet and fonts."""
    from weasyprint import HTML

    feuille, polices = _styles()
    return HTML(string=html).render(stylesheets=[feuille], font_config=polices)


def pdf_du_html(html: str) -> bytes:
    return document(html).write_pdf()


def pdf_de_la_fiche(fiche: FicheCommune) -> bytes:
    return pdf_du_html(html_de_la_fiche(fiche))


def nom_du_fichier(commune) -> str:
    return f"{commune.code_insee}-{slugify(commune.nom)}.pdf"


def ecrire_toutes(dossier: Path, codes: list[str] | None = None,
                  progression: Callable[[int, int], None] | None = None) -> list[Path]:  # fmt: skip
    """Write `<code>-<name>.pdf` for `codes` (default: every commune of the served
    département) in `dossier`; returns the files written. `progression(done, total)` is called
    after each sheet."""
    from sun.connectivite.fiches.queries import codes_du_departement

    dossier = Path(dossier)
    dossier.mkdir(parents=True, exist_ok=True)
    if codes is None:
        codes = codes_du_departement(settings.SUN_DEPARTEMENT)
    fiches = rassembler_fiches([code.upper() for code in codes])
    ecrits = []
    for n, fiche in enumerate(fiches.values(), start=1):
        chemin = dossier / nom_du_fichier(fiche.commune)
        chemin.write_bytes(pdf_de_la_fiche(fiche))
        ecrits.append(chemin)
        if progression is not None:
            progression(n, len(fiches))
    return ecrits
