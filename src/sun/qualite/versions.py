"""Versions of the quality-of-service data (`sun.core.versions`), followed from start-up
(`QualiteConfig.ready`):

- TELEPHONIE: queues, calls and rota, for the phone dashboards, the staffing aid and their
  indicators;
- RESULTATS: what « Nos résultats » shows beside the register of requests (calls and queues,
  users' answers, commitments, self-assessments and actions); the public pages are kept per
  version of these data and per day, so an import of calls or a new action shows at the next
  visit.

Calls and answers are written in bulk by their importers, which call `donnees_ecrites`
(`sun.core.imports.masse` does): a delete signal on them would make every bulk delete fetch
its rows."""

from sun.core.versions import Version, empreinte

TELEPHONIE = Version("qualite:telephonie:version")
RESULTATS = Version("qualite:resultats:version")


def suivre_les_modeles() -> None:
    from sun.qualite.models import (
        ActionAmelioration,
        Appel,
        AutoEvaluation,
        Avis,
        Effectif,
        Engagement,
        FileAttente,
    )

    TELEPHONIE.suivre(FileAttente, Effectif)
    TELEPHONIE.suivre(Appel, suppressions=False)
    RESULTATS.suivre(Appel, Avis, suppressions=False)
    RESULTATS.suivre(FileAttente, Engagement, AutoEvaluation, ActionAmelioration)


def empreinte_des_resultats(*autres: object) -> str:
    from sun.relation.versions import CATALOGUE, REGISTRE

    return empreinte([RESULTATS, REGISTRE, CATALOGUE], *autres)
