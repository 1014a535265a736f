"""Demonstration places: realistic, generated deterministically from the real communes and
town halls of the département, and marked « démonstration » everywhere.

They go through the same import as real files (so they are normalised and idempotent), are
flagged `demonstration`, and are never exported as open data. No phone number is invented:
a demonstration place must never send a resident to a real line.
"""

import csv
import random
import tempfile
from pathlib import Path

from sun.core.text import de_nom
from sun.inclusion.lieux.services import importer_lieux
from sun.inclusion.lieux.standard import CHAMPS_V1, ENUMERATIONS
from sun.inclusion.models import SOURCE_DEMO, Lieu
from sun.territoire.models import Commune

HORAIRES = [
    "Mo-Fr 09:00-12:00,14:00-17:00",
    "Tu-Fr 14:00-18:00; Sa 09:00-12:00",
    "Mo,We,Fr 09:00-12:30",
    "Tu,Th 13:30-17:30",
    "We 14:00-18:00; Sa 10:00-12:00",
]
TYPES = [  # (name, typology, minimum population, national programmes)
    ("France services", "RFS", 0, ["France Services", "Conseillers numériques"]),
    ("Médiathèque", "BIB", 2500, ["Bibliothèques numérique de référence"]),
    ("Espace public numérique", "EPN", 700, ["Conseillers numériques"]),
    ("Centre social", "CS", 5000, ["Aidants Connect"]),
]


def _rue(mairie_adresse: str) -> str:
    return (mairie_adresse or "").splitlines()[0] if mairie_adresse else ""


def lignes_demo(code_departement: str) -> list[dict]:
    alea = random.Random(f"sun-demonstration-{code_departement}")
    communes = list(
        Commune.objects.filter(departement__code=code_departement)
        .select_related("mairie", "epci").order_by("code_insee")
    )  # fmt: skip
    lignes = []
    sieges = {}
    for commune in sorted(communes, key=lambda c: -(c.population_municipale or 0)):
        if commune.epci_id and commune.epci_id not in sieges:
            sieges[commune.epci_id] = commune
    for commune in communes:
        mairie = getattr(commune, "mairie", None)
        if mairie is None or not mairie.adresse:
            continue
        population = commune.population_municipale or 0
        for nom_type, typologie, seuil, dispositifs in TYPES:
            est_siege = sieges.get(commune.epci_id) == commune
            if nom_type == "France services" and not est_siege:
                continue
            if nom_type != "France services" and (population < seuil or alea.random() > 0.85):
                continue
            services = alea.sample(ENUMERATIONS["services"], k=alea.randint(2, 5))
            if (
                nom_type == "France services"
                and "Aide aux démarches administratives" not in services
            ):
                services.insert(0, "Aide aux démarches administratives")
            lignes.append({
                "id": f"demo-{commune.code_insee}-{typologie.lower()}",
                "pivot": "", "nom": f"{nom_type} {de_nom(commune.nom)} (démonstration)",
                "commune": commune.nom, "code_postal": (commune.codes_postaux or [""])[0],
                "code_insee": commune.code_insee, "adresse": _rue(mairie.adresse),
                "latitude": mairie.latitude, "longitude": mairie.longitude, "typologie": typologie,
                "courriels": f"contact-{commune.code_insee}@example.org",
                "horaires": alea.choice(HORAIRES), "source": SOURCE_DEMO, "itinerance": "Fixe",
                "date_maj": "2026-01-15", "services": "|".join(services),
                "publics_specifiquement_adresses": "|".join(alea.sample(ENUMERATIONS["publics_specifiquement_adresses"], k=alea.randint(0, 2))),
                "frais_a_charge": "Gratuit" if alea.random() < 0.85 else "Gratuit sous condition",
                "dispositif_programmes_nationaux": "|".join(dispositifs),
                "modalites_acces": "|".join(alea.sample(ENUMERATIONS["modalites_acces"][:4], k=2)),
                "modalites_accompagnement": "|".join(alea.sample(ENUMERATIONS["modalites_accompagnement"], k=alea.randint(1, 3))),
                "presentation_resume": "Lieu fictif créé pour la démonstration de SUN : il n'existe pas.",
            })  # fmt: skip
    return lignes


def creer_lieux_demo(code_departement: str) -> int:
    """Import the demonstration places of the département; return how many exist."""
    lignes = lignes_demo(code_departement)
    if not lignes:
        return 0
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "demonstration.csv"
        with chemin.open("w", encoding="utf-8", newline="") as fichier:
            ecrivain = csv.DictWriter(fichier, fieldnames=CHAMPS_V1, extrasaction="ignore")
            ecrivain.writeheader()
            ecrivain.writerows(lignes)
        importer_lieux(chemin, SOURCE_DEMO, partiel=True, nom_fichier="démonstration générée")
    demo = Lieu.objects.filter(sources__source=SOURCE_DEMO)
    demo.filter(demonstration=False).update(demonstration=True)
    return demo.filter(code_insee__startswith=code_departement).count()
