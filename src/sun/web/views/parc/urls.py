"""Every address of the fleet's wings, gathered for sun.web.urls."""

from sun.web.views.parc import (
    urls_dons,
    urls_empreinte,
    urls_importer,
    urls_inventaire,
    urls_reparateurs,
    urls_sobriete,
    urls_taux,
)

_AILES = (urls_importer, urls_inventaire, urls_taux, urls_empreinte, urls_dons,
          urls_reparateurs, urls_sobriete)  # fmt: skip
espace: list = [motif for aile in _AILES for motif in aile.espace]
publiques: list = [motif for aile in _AILES for motif in aile.publiques]
