"""Every address of the projects' wings, gathered for sun.web.urls."""

from sun.web.views.projets import (
    urls_appels,
    urls_besoins,
    urls_demandes,
    urls_panels,
    urls_statistiques,
)

_AILES = (urls_panels, urls_appels, urls_besoins, urls_statistiques, urls_demandes)
espace: list = [motif for aile in _AILES for motif in aile.espace]
publiques: list = [motif for aile in _AILES for motif in aile.publiques]
