"""Versions of the relation data (`sun.core.versions`): the catalogue (public portal pages) and
the register of requests (dashboards, statistics, indicators)."""

from sun.core.versions import Version

CATALOGUE = Version("relation:catalogue:version")
REGISTRE = Version("relation:registre:version")


def suivre_les_modeles() -> None:
    from sun.relation.models import (
        Canal,
        Demande,
        DemandePieces,
        Demarche,
        Evenement,
        ServiceInstructeur,
        Usager,
    )

    CATALOGUE.suivre(ServiceInstructeur, Demarche, Canal)
    REGISTRE.suivre(Demande, DemandePieces, Evenement, Usager)
