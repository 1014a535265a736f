"""The fixed vocabulary of the fleet: equipment types and their DEEE category (code de
l'environnement R543-172 II), the planned lifetime per type, the exits' routes as the law
distinguishes them (L541-1-1), the legal bases of donations (CGPPP L3212-2, L3212-3), the
17 product categories of décret n° 2024-134 and the yearly targets of both décrets.

Sources: ../shared/reference/NOTES-parc.md (§2–§4), Légifrance."""

from django.db import models


class TypeEquipement(models.TextChoices):
    POSTE_FIXE = "poste_fixe", "Ordinateur fixe"
    PORTABLE = "portable", "Ordinateur portable"
    ECRAN = "ecran", "Écran"
    IMPRIMANTE = "imprimante", "Imprimante"
    SMARTPHONE = "smartphone", "Smartphone"
    TELEPHONE = "telephone", "Téléphone (fixe ou simple)"
    TABLETTE = "tablette", "Tablette"
    SERVEUR = "serveur", "Serveur"
    RESEAU = "reseau", "Équipement réseau"
    VIDEOPROJECTEUR = "videoprojecteur", "Vidéoprojecteur"
    AUTRE = "autre", "Autre"


class CategorieDeee(models.TextChoices):
    """The two categories décret n° 2023-266 covers, and the rest."""

    ECRANS = "2", "2° — écrans et équipements avec écran de plus de 100 cm²"
    PETITS_IT = "6", "6° — petits équipements informatiques et de télécommunications"
    HORS_CHAMP = "hors_champ", "Hors du champ du décret n° 2023-266"


# The category of each type (R543-172 II): laptops and tablets have a screen > 100 cm².
CATEGORIE_DU_TYPE = {
    TypeEquipement.POSTE_FIXE: CategorieDeee.PETITS_IT,
    TypeEquipement.PORTABLE: CategorieDeee.ECRANS,
    TypeEquipement.ECRAN: CategorieDeee.ECRANS,
    TypeEquipement.IMPRIMANTE: CategorieDeee.PETITS_IT,
    TypeEquipement.SMARTPHONE: CategorieDeee.PETITS_IT,
    TypeEquipement.TELEPHONE: CategorieDeee.PETITS_IT,
    TypeEquipement.TABLETTE: CategorieDeee.ECRANS,
    TypeEquipement.SERVEUR: CategorieDeee.HORS_CHAMP,
    TypeEquipement.RESEAU: CategorieDeee.HORS_CHAMP,
    TypeEquipement.VIDEOPROJECTEUR: CategorieDeee.HORS_CHAMP,
    TypeEquipement.AUTRE: CategorieDeee.HORS_CHAMP,
}

# Planned lifetime in years per type for a public fleet (a policy, overridable per equipment
# and by the setting SUN_PARC_DUREES_DE_VIE); the ADEME defaults are consumer lifetimes.
DUREE_DE_VIE_ANS = {
    TypeEquipement.POSTE_FIXE: 6, TypeEquipement.PORTABLE: 5, TypeEquipement.ECRAN: 8,
    TypeEquipement.IMPRIMANTE: 7, TypeEquipement.SMARTPHONE: 4, TypeEquipement.TELEPHONE: 8,
    TypeEquipement.TABLETTE: 5, TypeEquipement.SERVEUR: 7, TypeEquipement.RESEAU: 8,
    TypeEquipement.VIDEOPROJECTEUR: 8, TypeEquipement.AUTRE: 6,
}  # fmt: skip

# Beyond this age on the day it is decommissioned, an item leaves the reuse objective
# (décret n° 2023-266 art. 1: « plus de dix ans »).
AGE_EXCLUSION_ANS = 10


class Etat(models.TextChoices):
    """Life cycle, from order to exit."""

    COMMANDE = "commande", "Commandé"
    EN_STOCK = "en_stock", "En stock"
    EN_SERVICE = "en_service", "En service"
    EN_REPARATION = "en_reparation", "En réparation"
    REFORME = "reforme", "Réformé (en attente de sortie)"
    SORTI = "sorti", "Sorti du parc"


EN_PARC = (Etat.COMMANDE, Etat.EN_STOCK, Etat.EN_SERVICE, Etat.EN_REPARATION)


class Achat(models.TextChoices):
    NEUF = "neuf", "Neuf"
    RECONDITIONNE = "reconditionne", "Reconditionné (réemploi)"


class Proprietaire(models.TextChoices):
    DEPARTEMENT = "departement", "Département"
    COLLEGE = "college", "Collège (EPLE)"
    AUTRE = "autre", "Autre propriétaire"


class Voie(models.TextChoices):
    """The route of an exit, as code de l'environnement L541-1-1 distinguishes them."""

    REEMPLOI = "reemploi", "Réemploi (le bien n'est pas un déchet)"
    REUTILISATION = "reutilisation", "Réutilisation (le bien est devenu un déchet)"
    DON = "don", "Don"
    RECYCLAGE = "recyclage", "Recyclage par une filière de reprise"
    DESTRUCTION = "destruction", "Destruction"


# Routes that count for the objective when the taker committed beforehand and proved it.
VOIES_REEMPLOI = (Voie.REEMPLOI, Voie.REUTILISATION, Voie.DON)


class Destination(models.TextChoices):
    """Who takes the item (décret n° 2023-266 art. 2)."""

    CESSION_PUBLIQUE = "cession_publique", "Cession à une autre personne publique"
    VENTE = "vente", "Vente (directe ou par un prestataire)"
    DON_PERSONNEL = "don_personnel", "Don aux agents (CGPPP L3212-2 5°)"
    DON_ASSOCIATION = "don_association", "Don à une association, fondation ou organisme"
    ECO_ORGANISME = "eco_organisme", "Reprise par un éco-organisme agréé"
    REPRISE_FOURNISSEUR = "reprise_fournisseur", "Reprise par le fournisseur d'origine"
    PRESTATAIRE = "prestataire", "Prestataire de recyclage ou de destruction"


class BaseLegaleDon(models.TextChoices):
    L3212_2_3 = (
        "L3212-2 3°",
        "CGPPP L3212-2 3° (associations de parents, d'aide scolaire, "
        "reconnues d'utilité publique, ESUS de réemploi, étudiantes)",
    )
    L3212_2_5 = "L3212-2 5°", "CGPPP L3212-2 5° (agents)"
    L3212_2_11 = (
        "L3212-2 11°",
        "CGPPP L3212-2 11° (associations d'intérêt général qui équipent, "
        "forment et accompagnent les personnes en précarité)",
    )
    L3212_3 = (
        "L3212-3",
        "CGPPP L3212-3 (cession gratuite par une collectivité territoriale, "
        "aux mêmes bénéficiaires)",
    )


# Unit value cap of an item given free (CGPPP D3212-3, decree of 6 May 2022).
VALEUR_DON_MAX = 300

# Décret n° 2023-266 art. 3: minimum share of decommissioned items oriented to reuse.
OBJECTIFS_REEMPLOI = {2023: 25, 2024: 35, 2025: 50}


def objectif_reemploi(annee: int) -> int | None:
    """The target (%) for `annee`: 50 % from 2025 on, none before 2023."""
    if annee < 2023:
        return None
    return OBJECTIFS_REEMPLOI[min(annee, 2025)]


class CategorieAchat(models.TextChoices):
    """The 17 product categories of décret n° 2024-134, spelt as the national declaration
    schema spells them (schema-declaration-biens-reemploi-reutilisation-recycle 0.1.0)."""

    TEXTILES = (
        "textiles",
        "Produits textiles à l'exception des équipements de protection individuels",
    )
    INFORMATIQUE = "informatique", "Matériel informatique et téléphonie"
    REPROGRAPHIE = "reprographie", "Matériel de reprographie et d'impression"
    CONSOMMABLES = "consommables", "Consommables d'impression"
    PAPIER = "papier", "Papier"
    FOURNITURES = "fournitures", "Fournitures de bureau"
    ENGINS = "engins", "Engins de transport et pièces détachées"
    VEHICULES = "vehicules", "Véhicules et pièces détachées"
    MOBILIER = "mobilier", "Mobilier et aménagement d'intérieur"
    MOBILIER_URBAIN = "mobilier_urbain", "Mobilier urbain"
    COLLECTE = "collecte", "Equipements de collecte de déchets"
    BOCAUX = "bocaux", "Bocaux et flacons"
    SPORT = "sport", "Articles et équipement sportifs"
    ESPACES_VERTS = "espaces_verts", "Matériel d'entretien des espaces verts"
    MODULAIRES = "modulaires", "Bâtiments modulaires ou préfabriqués"
    ELECTROMENAGER = "electromenager", "Gros électroménager, y compris appareils professionnels"
    JOUETS = "jouets", "Jeux et jouets"
