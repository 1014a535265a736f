"""The donation agreement (convention de don) as HTML and PDF (WeasyPrint, local fonts, no
external resource): the parties, the legal basis quoted, the items (type, make, model,
serial and inventory numbers, age), their condition, the data erasure, the taker's reuse
commitment, the €300 cap, the resale prohibition and the signatures."""

from datetime import date

from django.template.loader import render_to_string

from sun.parc.dons import queries
from sun.parc.dons.regles import TEXTES_BASES, a_un_stockage
from sun.parc.models import Don
from sun.parc.referentiel import VALEUR_DON_MAX

GABARIT = "web/parc/dons/convention.html"


def _organisation() -> str:
    from sun.inclusion.lieux.exports import producteur

    return producteur()


def contexte(don: Don, jour: date | None = None) -> dict:
    reference = don.date_remise or don.date_convention or jour or date.today()
    equipements = queries.equipements(don)
    lignes = [{
        "type": e.get_type_display(), "fabricant": e.fabricant, "modele": e.modele,
        "numero_serie": e.numero_serie, "numero_inventaire": e.numero_inventaire,
        "age": queries.age(e, reference), "stockage": a_un_stockage(e.type),
        "valeur": getattr(getattr(e, "sortie", None), "valeur_unitaire", None),
    } for e in equipements]  # fmt: skip
    return {
        "don": don, "organisation": _organisation(), "lignes": lignes,
        "base_texte": TEXTES_BASES.get(don.base_legale, ""), "plafond": VALEUR_DON_MAX,
        "avec_stockage": any(l["stockage"] for l in lignes), "reference": reference,
    }  # fmt: skip


def html(don: Don, jour: date | None = None) -> str:
    return render_to_string(GABARIT, contexte(don, jour))


def pdf(don: Don, jour: date | None = None) -> bytes:
    """The agreement as PDF. Raises OSError when WeasyPrint's libraries (Pango) are missing."""
    from weasyprint import HTML  # heavy: loaded only for a PDF

    return HTML(string=html(don, jour)).write_pdf()


def nom_du_fichier(don: Don) -> str:
    return f"convention-{don.numero.lower()}.pdf"
