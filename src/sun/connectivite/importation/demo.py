"""Demonstration data of the connectivity wing for the served département (the Aude by
default): synthetic files with the real headers, imported THROUGH the real importer with
`demonstration=True` on each edition. The 32 communes the schéma lists are in copper lot 3.
Idempotent: a second run finds every edition unchanged; a kind that has a real edition is
left alone (demonstration data never mixes with real data)."""

import tempfile
from datetime import date
from pathlib import Path

from django.conf import settings

from sun.connectivite.importation import generation
from sun.connectivite.importation.dates import fin_de_trimestre
from sun.connectivite.importation.detection import detecter_genre
from sun.connectivite.importation.ftth import FEUILLE, MARQUEUR
from sun.connectivite.importation.services import importer_fichier
from sun.connectivite.models import Edition
from sun.core.imports import Rapport, ouvrir

# Seed, Axe 4 orientation 6: « fermeture commerciale janvier 2026, puis fermeture technique fin
# 2030 » (dates typed from the seed's text, flagged as demonstration).
LOT_3 = ["11011", "11022", "11023", "11063", "11092", "11095", "11105", "11126", "11131",
         "11140", "11146", "11156", "11168", "11172", "11188", "11200", "11203", "11210",
         "11220", "11251", "11267", "11341", "11345", "11355", "11372", "11390", "11393",
         "11396", "11398", "11410", "11425", "11436"]  # fmt: skip
FC_LOT_3, FT_LOT_3 = date(2026, 1, 31), date(2030, 12, 31)
DATE_CUIVRE = date(2025, 3, 31)
TRIMESTRES_MCI = [(2025, 4), (2026, 1)]
DERNIER_FTTH = (2025, 4)  # T4 2017 … T4 2025: 33 quarters
MOBILE = (2025, 3)


def fichiers_demo(dossier: Path, codes: list[str]) -> list[Path]:
    # Lot 3 is the 32 communes of the schéma, with its dates; the others in lots 4 and 5.
    calendrier = generation.calendrier_synthetique(codes, lots=("4", "4", "5"))
    for code in LOT_3:
        if code in calendrier:
            calendrier[code] = ("3", FC_LOT_3, FT_LOT_3)
    fichiers = []
    for annee, t in TRIMESTRES_MCI:
        fichiers += generation.ecrire_mci(dossier, codes, fin_de_trimestre(annee, t))
    fichiers.append(generation.ecrire_ftth(dossier, codes, dernier=DERNIER_FTTH, nombre=33))
    fichiers.append(generation.ecrire_cuivre_orange(dossier, calendrier, DATE_CUIVRE))
    fichiers.append(generation.ecrire_mobile(dossier, codes, *MOBILE))
    return fichiers


def charger_demo(departement: str | None = None) -> list[Rapport]:
    """Generate and import the demonstration files; the reports of what was imported."""
    departement = departement or settings.SUN_DEPARTEMENT
    codes = generation.codes_communes(departement=departement)
    reels = set(Edition.objects.reelles().values_list("genre", flat=True))
    rapports = []
    with tempfile.TemporaryDirectory(prefix="sun-connectivite-demo-") as dossier:
        for chemin in fichiers_demo(Path(dossier), codes):
            genre = detecter_genre(_colonnes(chemin))
            if genre in reels:
                continue
            rapports.append(importer_fichier(chemin, demonstration=True, confirmer=True))
    return rapports


def _colonnes(chemin: Path) -> list[str]:
    classeur = chemin.suffix == ".xlsx"
    lecture = ouvrir(
        chemin, feuille=FEUILLE if classeur else None, marqueur=MARQUEUR if classeur else None
    )
    colonnes = lecture.colonnes or []
    lecture.lignes.close()
    return colonnes
