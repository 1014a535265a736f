"""The training certificate (attestation de formation) as HTML and PDF (WeasyPrint, local
fonts, no external resource), for present participants only: its number, the person, the
session, dates, duration, provider, the CRCN competences worked, issued by the département."""

from django.template.loader import render_to_string
from django.utils import timezone

from sun.competences.formations.parcours import LIBELLES_THEMES, competences_de
from sun.competences.models import Inscription

GABARIT = "web/competences/formations_attestation_pdf.html"


def _organisation() -> str:
    from sun.inclusion.lieux.exports import producteur

    return producteur()


def contexte(inscription: Inscription) -> dict:
    session = inscription.session
    return {
        "inscription": inscription, "session": session, "personne": inscription.personne,
        "organisation": _organisation(), "competences": competences_de(session),
        "theme": LIBELLES_THEMES.get(session.theme, session.theme),
        "delivree_le": timezone.localdate(),
        "demonstration": session.demonstration,
    }  # fmt: skip


def html(inscription: Inscription) -> str:
    return render_to_string(GABARIT, contexte(inscription))


def pdf(inscription: Inscription) -> bytes:
    """The certificate as PDF. Raises OSError when WeasyPrint's libraries (Pango) are missing.
    The number must already be given (`services.delivrer_attestation`)."""
    from weasyprint import HTML  # heavy: loaded only for a PDF

    return HTML(string=html(inscription)).write_pdf()


def nom_du_fichier(inscription: Inscription) -> str:
    return f"attestation-{inscription.attestation.lower()}.pdf"
