"""GLPI-shaped files for the import tests, written as GLPI writes them (BOM, every field
quoted, `;`, trailing `;`, LF, multi-line MAC cells). Values are made up."""

from pathlib import Path

REEL = Path("/work/shared/reference/parc/glpi-export_computers_lycee.csv")
F = "Informations financières et administratives - "
ENTETE_FR = ["Nom", "Entité", "Lieu", "Statut", "Fabricant", "Type", "Modèle", "Réseau",
             "Date de création", f"{F}Durée de garantie", "Numéro de série",
             "Numéro d'inventaire", f"{F}Date de livraison", "Composants - Adresse MAC"]  # fmt: skip
ENTITE = "Support Informatique en Lycée > LYCEES > 0504 - ARISTIDE BRIAND"


def ligne_fr(**champs) -> dict:
    """A row of the real French layout, every column filled unless given."""
    n = champs.pop("n", 1)
    valeurs = {
        "Nom": f"0504-{n:03d}-PROF", "Entité": ENTITE, "Lieu": "Bât. externat > Niv. 1 > 310",
        "Statut": "Actif", "Fabricant": "LENOVO", "Type": "Poste de travail - Slim",
        "Modèle": "11JAS1J200", "Réseau": "Pédagogique", "Date de création": "04-01-2023 15:54",
        f"{F}Durée de garantie": "60 mois", "Numéro de série": f"PC2E{n:04d}",
        "Numéro d'inventaire": f"UC22{n:05d}", f"{F}Date de livraison": "24-11-2022",
        "Composants - Adresse MAC": "88:ae:dd:18:95:6e",
    }  # fmt: skip
    valeurs.update(champs)
    return valeurs


def ecrire_glpi(chemin: Path, lignes: list[dict], entete: list[str] | None = None,
                separateur: str = ";", bom: bool = True) -> Path:  # fmt: skip
    entete = entete or list(lignes[0])

    def champ(v: str) -> str:
        return '"' + str(v).replace('"', '""') + '"'

    texte = separateur.join(map(champ, entete)) + separateur + "\n"
    for ligne in lignes:
        texte += separateur.join(champ(ligne.get(c, "")) for c in entete) + separateur + "\n"
    chemin.write_bytes(("\ufeff" if bom else "").encode() + texte.encode("utf-8"))
    return chemin
