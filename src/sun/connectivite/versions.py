"""Versions of the connectivity data (`sun.core.versions`), followed from start-up:

- DONNEES: editions of the ARCEP and copper files and their rows (written in bulk by the
  importers, which call `donnees_ecrites` through `sun.core.imports.masse`);
- SIGNALEMENTS: difficulties reported by communes and their steps.

The commune page, the département and EPCI views and the commune sheets are kept per version
of these data."""

from sun.core.versions import Version

DONNEES = Version("connectivite:donnees:version")
SIGNALEMENTS = Version("connectivite:signalements:version")


def suivre_les_modeles() -> None:
    from sun.connectivite.models import (
        CalendrierCuivre,
        CommuneFtth,
        CouvertureMobile,
        DebitFilaireCommune,
        DeploiementFtth,
        Edition,
        EvenementSignalement,
        MeilleureTechnoCommune,
        Signalement,
        TechnoCommune,
    )

    DONNEES.suivre(Edition)
    DONNEES.suivre(MeilleureTechnoCommune, DebitFilaireCommune, TechnoCommune, CommuneFtth,
                   DeploiementFtth, CalendrierCuivre, CouvertureMobile,
                   suppressions=False)  # fmt: skip
    SIGNALEMENTS.suivre(Signalement, EvenementSignalement)
