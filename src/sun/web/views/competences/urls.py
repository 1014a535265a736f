"""Every address of training and skills' wings, gathered for sun.web.urls."""

from sun.web.views.competences import urls_diagnostic, urls_formations, urls_referents, urls_suivi

_AILES = (urls_suivi, urls_referents, urls_diagnostic, urls_formations)
espace: list = [motif for aile in _AILES for motif in aile.espace]
publiques: list = [motif for aile in _AILES for motif in aile.publiques]
