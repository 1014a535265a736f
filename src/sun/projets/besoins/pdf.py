"""The functional specification as a printable page and as PDF (WeasyPrint, local fonts, no
external resource): title, direction, author, dates, status, every section with its title and
the sobriety criteria chosen."""

from django.template.loader import render_to_string
from django.utils import timezone

from sun.projets.besoins import modele

GABARIT = "web/projets/besoins_document.html"
MENTION = "Cahier des charges fonctionnel — Département"


def _organisation() -> str:
    from sun.inclusion.lieux.exports import producteur

    return producteur()


def auteur(besoin) -> str:
    u = besoin.redige_par
    if u is None:
        return "non renseigné"
    return u.get_full_name() or u.get_username()


def contexte(besoin, ecran: bool = False) -> dict:
    return {
        "ecran": ecran,
        "b": besoin, "mention": MENTION, "organisation": _organisation(),
        "auteur": auteur(besoin), "completude": modele.texte_completude(besoin),
        "sections": [(s, getattr(besoin, s.code)) for s in modele.SECTIONS],
        "criteres": modele.criteres_libelles(besoin), "edite_le": timezone.localdate(),
    }  # fmt: skip


def html(besoin, ecran: bool = False) -> str:
    """The document; `ecran` adds the link back to the need's page (not printed)."""
    return render_to_string(GABARIT, contexte(besoin, ecran))


def pdf(besoin) -> bytes:
    """The specification as PDF. Raises OSError when WeasyPrint's libraries are missing."""
    from weasyprint import HTML  # heavy: loaded only for a PDF

    return HTML(string=html(besoin)).write_pdf()


def nom_du_fichier(besoin) -> str:
    return f"cahier-des-charges-besoin-{besoin.pk}.pdf"
