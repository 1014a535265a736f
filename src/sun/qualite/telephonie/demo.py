"""Demonstration calls: about a year of generated calls for three demonstration queues,
written as an Asterisk Master.csv and imported THROUGH the real importer with
`demonstration=True` (shown apart, never counted in real figures). Idempotent: a day's calls
depend on the day only, so a second run writes nothing (a run on a later day adds the new
days)."""

import tempfile
from datetime import date, timedelta
from pathlib import Path

from django.utils import timezone

from sun.core.imports import Rapport
from sun.qualite.telephonie import generation
from sun.qualite.telephonie.importation.ecriture import nommer_files, rattacher_files_demo
from sun.qualite.telephonie.importation.importeur import SOURCE_DEMO
from sun.qualite.telephonie.importation.services import importer_appels

NOMS = {"demo-accueil-social": "Accueil social (démonstration)",
        "demo-mdph": "MDPH, accueil téléphonique (démonstration)",
        "demo-standard": "Standard de l'hôtel du Département (démonstration)"}  # fmt: skip
# The services of the starter catalogue (catalogues/aude.yaml) that answer them, when present.
SERVICES = {"demo-accueil-social": "insertion", "demo-mdph": "mdph",
            "demo-standard": "relation-usagers"}  # fmt: skip


def creer_appels_demo(aujourd_hui: date | None = None, jours: int = 365) -> Rapport:
    """Generate and import the demonstration calls of the `jours` days before `aujourd_hui`."""
    fin = (aujourd_hui or timezone.localdate()) - timedelta(days=1)
    debut = fin - timedelta(days=jours - 1)
    nommer_files(NOMS, demonstration=True)
    rattacher_files_demo(SERVICES)
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "Master.csv"
        generation.ecrire(chemin, generation.appels(generation.PROFILS_DEMO, debut, fin, "demo"))
        return importer_appels(chemin, correspondance="asterisk-cdr", source=SOURCE_DEMO,
                               demonstration=True, nom_fichier="appels-demonstration.csv")  # fmt: skip
