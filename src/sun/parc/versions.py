"""Versions of the fleet's data (`sun.core.versions`), followed from start-up:

- PARC: equipment, exits, donations, purchases, sites (the rates, the footprint, the renewal
  view and the public figures are kept per version);
- REPARATEURS: the public directory of the repair and refurbishing chain;
- SOBRIETE: the Ecoindex measures of SUN's pages."""

from sun.core.versions import Version

PARC = Version("parc:donnees:version")
REPARATEURS = Version("parc:reparateurs:version")
SOBRIETE = Version("parc:sobriete:version")


def suivre_les_modeles() -> None:
    from sun.parc.models import (
        AchatLigne,
        CorrespondanceStatut,
        CorrespondanceType,
        Don,
        Equipement,
        EvenementCycleVie,
        MesureEcoindex,
        Reparateur,
        Site,
        Sortie,
        StockReforme,
    )

    PARC.suivre(Equipement, Sortie, Don, AchatLigne, Site, StockReforme, CorrespondanceStatut,
                CorrespondanceType, EvenementCycleVie)  # fmt: skip
    REPARATEURS.suivre(Reparateur)
    SOBRIETE.suivre(MesureEcoindex)
