"""The addresses of the domains whose views live in their own package (one `urls.py` each,
gathering its wings), for sun.web.urls."""

from sun.web.views.competences import urls as competences
from sun.web.views.donnees import urls as donnees
from sun.web.views.parc import urls as parc
from sun.web.views.projets import urls as projets

_DOMAINES = (parc, donnees, competences, projets)
espace: list = [motif for domaine in _DOMAINES for motif in domaine.espace]
publiques: list = [motif for domaine in _DOMAINES for motif in domaine.publiques]
