"""SUN's CSV template of an inventory (`modele-sun`), for a fleet kept in a spreadsheet or
any tool without a shipped layout. One row per equipment; UTF-8, `;` or `,`; columns named as
the fields of SUN (any order, the optional ones may be left out):

| colonne              | obligatoire | contenu                                                        |
|----------------------|-------------|----------------------------------------------------------------|
| numero_inventaire    | l'un des 2  | numéro d'inventaire (clé de l'import)                          |
| numero_serie         | l'un des 2  | numéro de série (clé à défaut de numéro d'inventaire)           |
| type                 | oui         | poste_fixe, portable, ecran, imprimante, smartphone, telephone,|
|                      |             | tablette, serveur, reseau, videoprojecteur, autre (ou libellé) |
| etat                 | oui         | commande, en_stock, en_service, en_reparation, reforme, sorti  |
| nom, fabricant, modele | non       | textes                                                         |
| site                 | non         | service, collège ou bâtiment (créé s'il n'existe pas)          |
| commune              | non         | code INSEE ou nom                                              |
| date_acquisition     | non         | JJ/MM/AAAA, JJ-MM-AAAA ou AAAA-MM-JJ                           |
| prix_acquisition     | non         | euros HT, positif ou nul (« 899,00 »)                          |
| achat                | non         | neuf ou reconditionné                                          |
| date_fin_garantie, date_mise_en_service | non | dates                                         |
| date_reforme         | non         | date de réforme (un équipement réformé sans date est signalé)  |
| voie_sortie          | si sorti    | reemploi, reutilisation, don, recyclage, destruction           |
| date_sortie          | si sorti    | date de sortie (à défaut : date_reforme)                       |
| proprietaire         | non         | departement, college ou autre                                  |
| commentaire          | non         | texte                                                          |
"""

from pathlib import Path

from sun.core.tableur import ecrivain_csv
from sun.parc.importation.champs import COLONNES_MODELE

# The example rows' inventory numbers start so: an import refuses them (a template sent back
# unchanged must not become real equipment).
PREFIXE_EXEMPLE = "EXEMPLE-"

EXEMPLES = [
    {"numero_inventaire": "EXEMPLE-0001", "numero_serie": "PF2ABCDE", "nom": "PC-ACCUEIL-01",
     "type": "poste_fixe", "fabricant": "LENOVO", "modele": "ThinkCentre M75q", "etat": "en_service",
     "site": "Direction des systèmes d'information", "commune": "11069",
     "date_acquisition": "15/03/2021", "prix_acquisition": "689,00", "achat": "neuf",
     "date_fin_garantie": "15/03/2026"},
    {"numero_inventaire": "EXEMPLE-0002", "numero_serie": "5CD1234XYZ", "nom": "PORTABLE-RSA-03",
     "type": "portable", "fabricant": "HP", "modele": "EliteBook 840 G6", "etat": "en_service",
     "site": "Maison départementale des solidarités de Limoux", "date_acquisition": "02/10/2023",
     "prix_acquisition": "420,00", "achat": "reconditionné"},
    {"numero_inventaire": "EXEMPLE-0003", "numero_serie": "CZC4321ABC", "type": "ecran",
     "fabricant": "DELL", "modele": "P2214H", "etat": "sorti", "site": "Hôtel du Département",
     "date_acquisition": "20/05/2014", "date_reforme": "10/01/2025", "voie_sortie": "recyclage",
     "date_sortie": "03/02/2025", "commentaire": "Exemple : enlevé par la filière DEEE"},
]  # fmt: skip


def ecrire_modele(chemin: Path) -> Path:
    """The template: its header and three example rows (UTF-8 with BOM, `;`, for a
    spreadsheet). The examples are made up: delete them before importing."""
    with Path(chemin).open("w", encoding="utf-8-sig", newline="") as sortie:
        ecrire_modele_dans(sortie)
    return Path(chemin)


def ecrire_modele_dans(sortie) -> None:
    """The template's rows written to an open text stream (the agent space's download)."""
    ecrivain = ecrivain_csv(sortie, delimiter=";")
    ecrivain.writerow(COLONNES_MODELE)
    for exemple in EXEMPLES:
        ecrivain.writerow([exemple.get(c, "") for c in COLONNES_MODELE])
