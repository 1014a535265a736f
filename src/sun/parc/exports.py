"""The CSV of the fleet list: one row per item, as filtered on the page, with its source and
the day of the export. Facts about the equipment only: no user, no free comment, no name
(GLPI names often carry the user's), so the file can be shared."""

from collections.abc import Iterator
from datetime import date

from django.db.models import QuerySet

ENTETE = [
    "numero_inventaire", "numero_serie", "type", "categorie_deee", "fabricant", "modele",
    "etat", "date_acquisition", "prix_acquisition_ht", "achat", "date_fin_garantie",
    "proprietaire", "site", "commune_insee", "date_mise_en_service", "date_reforme",
    "date_sortie", "voie_sortie", "source", "demonstration", "date_export",
]  # fmt: skip


def _jour(d: date | None) -> str:
    return d.isoformat() if d else ""


def lignes_csv(qs: QuerySet, jour: date | None = None) -> Iterator[list[str]]:
    """The header, then one row per item of `qs` (read in batches)."""
    jour = jour or date.today()
    yield ENTETE
    lignes = (qs.select_related("site", "commune", "sortie").order_by("type", "cle")
              .iterator(chunk_size=2000))  # fmt: skip
    for e in lignes:
        sortie = getattr(e, "sortie", None)
        yield [
            e.numero_inventaire, e.numero_serie, e.type, e.categorie_deee, e.fabricant,
            e.modele, e.etat, _jour(e.date_acquisition),
            "" if e.prix_acquisition is None else f"{e.prix_acquisition:.2f}", e.achat,
            _jour(e.date_fin_garantie), e.proprietaire, e.site.nom if e.site else "",
            e.commune.code_insee if e.commune else "", _jour(e.date_mise_en_service),
            _jour(e.date_reforme), _jour(sortie.date) if sortie else "",
            sortie.voie if sortie else "", e.source, "oui" if e.demonstration else "non",
            jour.isoformat(),
        ]  # fmt: skip
