"""Every address of the data service's wings, gathered for sun.web.urls."""

from sun.web.views.donnees import (
    urls_catalogue,
    urls_conservation,
    urls_flux,
    urls_inventaire,
    urls_validation,
)

# The feeds and the inventory come first: their addresses sit under /donnees/ beside the
# datasets' own /donnees/<slug>/.
_AILES = (urls_flux, urls_validation, urls_inventaire, urls_conservation, urls_catalogue)
espace: list = [motif for aile in _AILES for motif in aile.espace]
publiques: list = [motif for aile in _AILES for motif in aile.publiques]
