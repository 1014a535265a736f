"""La Coop de la médiation numérique's vocabulary for activity records (CRA), value by value.

Values are the snake_case codes of La Coop's public API v1 (`GET /api/v1/activites`) and of its
database enums; labels are the ones its forms show. Keeping both exactly is what makes an
exchange with La Coop lossless. Source: inclusion-numerique/coop-mediation-numerique @ 46aa33b
(`apps/web/prisma/schema.prisma`, `features/activites/use-cases/cra/fields/*.ts`, OpenAPI v1).
"""

from django.db import models


class TypeActivite(models.TextChoices):
    INDIVIDUEL = "individuel", "Accompagnement individuel"
    COLLECTIF = "collectif", "Atelier collectif"


# La Coop removed the « démarche administrative » type on 2025-04-30 and converted those
# records to individual accompaniments with the « aide aux démarches » thématique; its API
# documentation still lists the old value, so an import converts it the same way.
TYPE_DEMARCHE_ANCIEN = "demarche_administrative"


class TypeLieu(models.TextChoices):
    LIEU_ACTIVITE = "lieu_activite", "Lieu d’activité"
    DOMICILE = "domicile", "À domicile"
    A_DISTANCE = "a_distance", "À distance"
    AUTRE = "autre", "Autre lieu"


class Autonomie(models.TextChoices):
    ENTIEREMENT_ACCOMPAGNE = "entierement_accompagne", "Avec guidage"
    PARTIELLEMENT_AUTONOME = "partiellement_autonome", "Autonome avec guidage en cas de besoin"
    AUTONOME = "autonome", "Autonome"


class StructureDeRedirection(models.TextChoices):
    ADMINISTRATION = "administration", "Administration (mairie, préfecture…)"
    MEDIATION_NUMERIQUE = "mediation_numerique", "Autre structure de médiation numérique"
    OPERATEUR = (
        "operateur_ou_organisme_en_charge",
        "Opérateur ou organisme en charge de la démarche administrative",
    )
    AIDE_SOCIALE = (
        "aide_sociale",
        "Structure d’aide sociale (maison des solidarités, centre social…)",
    )
    INSERTION = (
        "insertion_professionnelle",
        "Structure d’insertion professionnelle (France Travail, mission locale…)",
    )
    DEMARCHES = (
        "aide_aux_demarches_administratives",
        "Structure d’aide aux démarches administratives (France Services…)",
    )
    AUTRE = "autre", "Autre"


class NiveauAtelier(models.TextChoices):
    DEBUTANT = "debutant", "Débutant"
    INTERMEDIAIRE = "intermediaire", "Intermédiaire"
    AVANCE = "avance", "Avancé"


MATERIEL = {
    "ordinateur": "Ordinateur",
    "telephone": "Téléphone",
    "tablette": "Tablette",
    "autre": "Autre matériel",
    "aucun": "Pas de matériel",
}

THEMATIQUES_MEDIATION = {
    "diagnostic_numerique": "Diagnostic numérique",
    "prendre_en_main_du_materiel": "Prendre en main du matériel",
    "maintenance_de_materiel": "Maintenance de matériel",
    "gere_ses_contenus_numeriques": "Gérer ses contenus numériques",
    "navigation_sur_internet": "Navigation sur internet",
    "email": "E-mail",
    "bureautique": "Bureautique",
    "reseaux_sociaux": "Réseaux sociaux communication",
    "sante": "Santé",
    "banque_et_achats_en_ligne": "Banque et achats en ligne",
    "entrepreneuriat": "Accompagner un professionnel",
    "insertion_professionnelle": "Insertion professionnelle",
    "securite_numerique": "Prévention en sécurité numérique",
    "parentalite": "Parentalité",
    "scolarite_et_numerique": "Scolarité et numérique",
    "creer_avec_le_numerique": "Créer avec le numérique",
    "culture_numerique": "Culture numérique",
    "intelligence_artificielle": "Intelligence artificielle (IA)",
    "aide_aux_demarches_administratives": "Aide aux démarches administratives",
}
THEMATIQUES_DEMARCHES = {
    "papiers_elections_citoyennete": "Papiers - Élections - Citoyenneté",
    "famille_scolarite": "Famille - Scolarité",
    "social_sante": "Social - Santé",
    "travail_formation": "Travail - Formation - Entreprise",
    "logement": "Logement",
    "transports_mobilite": "Transports - Mobilité",
    "argent_impots": "Argent - Impôts",
    "justice": "Justice",
    "etrangers_europe": "Étrangers - Europe",
    "loisirs_sports_culture": "Loisirs - Sports - Culture",
    "associations": "Associations",
}
THEMATIQUES = {**THEMATIQUES_MEDIATION, **THEMATIQUES_DEMARCHES}

# Anonymous participants, counted by category as La Coop's `participantsAnonymes`.
# (field suffix, API/database value, label)
GENRES = [
    ("feminin", "feminin", "Féminin"),
    ("masculin", "masculin", "Masculin"),
    ("non_communique", "non_communique", "Non communiqué"),
]
TRANCHES_AGE = [
    ("moins_12", "moins_de_douze", "Moins de 12 ans"),
    ("12_17", "douze_dix_huit", "12 - 17 ans"),
    ("18_24", "dix_huit_vingt_quatre", "18 - 24 ans"),
    ("25_39", "vingt_cinq_trente_neuf", "25 - 39 ans"),
    ("40_59", "quarante_cinquante_neuf", "40 - 59 ans"),
    ("60_69", "soixante_soixante_neuf", "60 - 69 ans"),
    ("70_plus", "soixante_dix_plus", "70 ans et plus"),
    ("non_communique", "non_communique", "Non communiqué"),
]
STATUTS_SOCIAUX = [
    ("scolarise", "scolarise", "Scolarisé"),
    ("sans_emploi", "sans_emploi", "Sans emploi"),
    ("en_emploi", "en_emploi", "En emploi"),
    ("retraite", "retraite", "Retraité"),
    ("non_communique", "non_communique", "Non communiqué ou hétérogène"),
]
# (prefix of the model fields, categories, title)
CATEGORIES_PUBLIC = [
    ("genre", GENRES, "Genre"),
    ("age", TRANCHES_AGE, "Tranche d’âge"),
    ("statut", STATUTS_SOCIAUX, "Statut social"),
]


def champs_public() -> list[str]:
    """Names of the model fields that count anonymous participants per category."""
    return [
        f"{prefixe}_{suffixe}"
        for prefixe, valeurs, _ in CATEGORIES_PUBLIC
        for suffixe, *_ in valeurs
    ]


# Duration presets of La Coop's form (minutes) and its statistics buckets.
DUREES_PROPOSEES = [15, 30, 45, 60, 90, 120]
TRANCHES_DUREE = [
    (0, 30, "Moins de 30 min"),
    (30, 60, "30 min à 1 h"),
    (60, 120, "1 h à 2 h"),
    (120, None, "2 h et plus"),
]


def tranche_duree(minutes: int) -> str:
    for debut, fin, libelle in TRANCHES_DUREE:
        if minutes >= debut and (fin is None or minutes < fin):
            return libelle
    return TRANCHES_DUREE[0][2]
