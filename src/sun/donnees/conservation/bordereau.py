"""The elimination slip (bordereau d'élimination) as HTML and PDF (WeasyPrint, as
`sun.parc.dons.convention`): producing service, typology, extreme dates, volume (number of
records), DUA, legal reference, observations, the records listed (an identifier and a date,
never their content) and the signature boxes of the service and of the visa of the director
of the Archives départementales (Code du patrimoine L212-2, R212-14; destroying public archives
without it is an offence, L214-3)."""

from django.template.loader import render_to_string
from django.utils import timezone

from sun.donnees.conservation import types, versements
from sun.donnees.conservation.selection import lignes_bordereau
from sun.donnees.models import BordereauElimination

GABARIT = "web/donnees/conservation_bordereau_pdf.html"
LIGNES_MAX = 2000  # records listed in the PDF; the count is always the whole slip's


def contexte(bordereau: BordereauElimination) -> dict:
    t = types.obtenir(bordereau.type_enregistrement)
    return {
        "b": bordereau, "regle": bordereau.regle, "type": t,
        "entetes": [libelle for _, libelle in t.champs_bordereau],
        "lignes": lignes_bordereau(t, bordereau.identifiants, LIGNES_MAX),
        "tronque": bordereau.nombre > LIGNES_MAX, "lignes_max": LIGNES_MAX,
        "organisation": versements.producteur(), "archives": versements.archives(),
        "maintenant": timezone.localtime(),
    }  # fmt: skip


def html(bordereau: BordereauElimination) -> str:
    return render_to_string(GABARIT, contexte(bordereau))


def pdf(bordereau: BordereauElimination) -> bytes:
    """Raises OSError when WeasyPrint's libraries (Pango) are missing."""
    from weasyprint import HTML  # heavy: loaded only for a PDF

    return HTML(string=html(bordereau)).write_pdf()


def nom_du_fichier(bordereau: BordereauElimination) -> str:
    return f"bordereau-elimination-{bordereau.numero.lower()}.pdf"
