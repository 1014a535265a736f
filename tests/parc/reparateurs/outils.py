"""Helpers of the repair directory's tests: an actor's values as a form gives them, over the
real territory of the Aude (Carcassonne 11069, postcode 11000; Narbonne 11262)."""

from sun.parc.reparateurs.services import creer_reparateur

SIRET_VALIDE = "73282932000074"  # a real SIRET with a valid Luhn key
SIRET_FAUX = "73282932000075"


def donnees(**champs) -> dict:
    valeurs = {
        "nom": "Atelier du Bit", "activites": ["reparation"], "adresse": "3 rue Victor Hugo",
        "code_postal": "11000", "commune": "Carcassonne", "telephone": "04 68 11 20 30",
        "courriel": "", "site_web": "", "siret": "", "horaires": "", "labels": [],
        "description": "", "pour_particuliers": True, "pour_collectivites": False,
        "latitude": None, "longitude": None,
    }  # fmt: skip
    return {**valeurs, **champs}


def acteur(**champs):
    demonstration = champs.pop("demonstration", False)
    return creer_reparateur(donnees(**champs), demonstration=demonstration)
