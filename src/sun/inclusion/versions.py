"""Versions of the inclusion data (`sun.core.versions`): what the cached public pages and the
pre-generated exports depend on. The register of places has its own (`lieux.version_registre`,
also read by the search index); activities and the network follow their models here."""

from sun.core.versions import Version
from sun.inclusion.lieux.version_registre import VERSION as REGISTRE

ACTIVITES = Version("inclusion:activites:version")
RESEAU = Version("inclusion:reseau:version")
ANALYSES = Version("inclusion:analyses:version")  # the fragility index (IFN) and such inputs

__all__ = ["ACTIVITES", "ANALYSES", "REGISTRE", "RESEAU", "suivre_les_modeles"]


def suivre_les_modeles() -> None:
    from sun.inclusion.models import (
        Activite,
        BilanCraV1,
        IndiceFragilite,
        LieuActivite,
        Mediateur,
        SourceLieu,
        Structure,
    )

    # Activities are deleted in bulk by imports: those deletes call donnees_ecrites themselves.
    ACTIVITES.suivre(Activite, BilanCraV1, suppressions=False)
    RESEAU.suivre(Mediateur, LieuActivite, Structure)
    REGISTRE.suivre(SourceLieu, suppressions=False)
    ANALYSES.suivre(IndiceFragilite, suppressions=False)
