"""The fields an inventory file can feed (the target of the YAML mappings, `Cible`), SUN's CSV
template (`modele-sun`) and the default tables of statuses and types created the first time a
source is imported (then edited in the agent space › Parc › Correspondances)."""

from sun.core.imports import Cible
from sun.parc.referentiel import Achat, Etat, Proprietaire, TypeEquipement, Voie

# Target field → what it holds (the template's documentation and the mappings' vocabulary).
CHAMPS = {
    "numero_inventaire": "numéro d'inventaire (clé de l'import ; à défaut le numéro de série)",
    "numero_serie": "numéro de série",
    "nom": "nom de l'équipement",
    "source_id": "identifiant dans l'outil d'origine (GLPI : ID)",
    "type": "type dans la source, traduit par la table des types de la source",
    "fabricant": "fabricant",
    "modele": "modèle",
    "etat": "statut dans la source, traduit par la table des statuts de la source",
    "site": "site, service ou collège d'affectation (dernier segment d'un chemin « A > B »)",
    "entite": "entité GLPI (chemin « A > B > C ») : son dernier segment est le site",
    "lieu": "lieu GLPI (chemin) : le site quand il n'y a pas d'entité",
    "commune": "commune (code INSEE ou nom)",
    "date_acquisition": "date d'acquisition",
    "date_achat": "date d'achat (date d'acquisition)",
    "date_livraison": "date de livraison (date d'acquisition à défaut de date d'achat)",
    "prix_acquisition": "prix d'acquisition en euros HT (positif ou nul)",
    "achat": "type d'achat : neuf ou reconditionné",
    "date_fin_garantie": "fin de garantie",
    "debut_garantie": "début de garantie (départ de la durée de garantie)",
    "duree_garantie": "durée de garantie en mois (« 60 mois »)",
    "fournisseur": "fournisseur (lu, non enregistré)",
    "proprietaire": "propriétaire : departement, college ou autre",
    "date_mise_en_service": "date de mise en service",
    "date_reforme": "date de réforme (aussi date de sortie d'un équipement sorti)",
    "date_sortie": "date de sortie du parc (à défaut : la date de réforme)",
    "voie_sortie": "voie de sortie : reemploi, reutilisation, don, recyclage, destruction",
    "commentaire": "commentaire",
}
CIBLE = Cible(
    champs=set(CHAMPS),
    formats=("libre", "glpi", "modele-sun"),
    enumerations={"achat": Achat.values, "proprietaire": Proprietaire.values,
                  "voie_sortie": Voie.values},
    nom="de l'inventaire",
)  # fmt: skip
# A file must give a status, a type and a key (inventory or serial number).
OBLIGATOIRES = ("etat", "type")
CLES = ("numero_inventaire", "numero_serie")

# --- SUN's template -------------------------------------------------------------------------
MODELE = "modele-sun"
COLONNES_MODELE = [
    "numero_inventaire", "numero_serie", "nom", "type", "fabricant", "modele", "etat", "site",
    "commune", "date_acquisition", "prix_acquisition", "achat", "date_fin_garantie",
    "date_mise_en_service", "date_reforme", "voie_sortie", "date_sortie", "proprietaire",
    "commentaire",
]  # fmt: skip

# --- default tables -----------------------------------------------------------------------------
# A source's status or type ending with « * » matches every value starting with it.
STATUTS_GLPI = {
    "Actif": (Etat.EN_SERVICE, ""), "En service": (Etat.EN_SERVICE, ""),
    "Spare": (Etat.EN_STOCK, ""), "En stock": (Etat.EN_STOCK, ""),
    "Inactif": (Etat.EN_STOCK, ""), "En réparation": (Etat.EN_REPARATION, ""),
    "Campagne_DEEE": (Etat.REFORME, ""), "Réformé": (Etat.REFORME, ""),
    "Recyclé": (Etat.SORTI, Voie.RECYCLAGE),
}  # fmt: skip
TYPES_GLPI = {
    "Poste de travail*": TypeEquipement.POSTE_FIXE, "Ordinateur fixe*": TypeEquipement.POSTE_FIXE,
    "Desktop*": TypeEquipement.POSTE_FIXE, "Tout en un*": TypeEquipement.POSTE_FIXE,
    "Portable*": TypeEquipement.PORTABLE, "Laptop*": TypeEquipement.PORTABLE,
    "Notebook*": TypeEquipement.PORTABLE, "PC_SERVEUR": TypeEquipement.SERVEUR,
    "Serveur*": TypeEquipement.SERVEUR, "Server*": TypeEquipement.SERVEUR,
    "VMware*": TypeEquipement.SERVEUR, "Monitor*": TypeEquipement.ECRAN,
    "Moniteur*": TypeEquipement.ECRAN, "Écran*": TypeEquipement.ECRAN,
    "Tablette*": TypeEquipement.TABLETTE, "Tablet*": TypeEquipement.TABLETTE,
    "Imprimante*": TypeEquipement.IMPRIMANTE, "Printer*": TypeEquipement.IMPRIMANTE,
    "Smartphone*": TypeEquipement.SMARTPHONE, "Téléphone*": TypeEquipement.TELEPHONE,
    "Phone*": TypeEquipement.TELEPHONE, "Vidéoprojecteur*": TypeEquipement.VIDEOPROJECTEUR,
    "Projector*": TypeEquipement.VIDEOPROJECTEUR, "Switch*": TypeEquipement.RESEAU,
    "Routeur*": TypeEquipement.RESEAU, "Router*": TypeEquipement.RESEAU,
}  # fmt: skip


def statuts_par_defaut(famille: str) -> dict[str, tuple[str, str]]:
    """{status of the source: (état, route)} created when a source is first imported: GLPI's
    usual statuses, or SUN's own states (codes and labels) for the template."""
    if famille == MODELE:
        return {
            **{e.value: (e.value, "") for e in Etat},
            **{e.label: (e.value, "") for e in Etat if e.label.casefold() != e.value},
        }
    return dict(STATUTS_GLPI)


def types_par_defaut(famille: str) -> dict[str, str]:
    if famille == MODELE:
        return {**{t.value: t.value for t in TypeEquipement},
                **{t.label: t.value for t in TypeEquipement}}  # fmt: skip
    return dict(TYPES_GLPI)
