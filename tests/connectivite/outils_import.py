"""Small files of every kind for the import tests, written with the real headers."""

from pathlib import Path

from sun.connectivite.importation import mci
from sun.connectivite.importation.cuivre import GOUV, ORANGE
from sun.connectivite.importation.mobile import ENTETE as MOBILE
from sun.connectivite.models import Genre

DONNEES = Path(__file__).parent / "donnees"
MEILLEURE = DONNEES / "arcep-mci-2026t1-commune_meilleure_techno_thd-sample.csv"
DEBIT = DONNEES / "arcep-mci-2026t1-commune_debit_filaire-sample.csv"
TECHNO = DONNEES / "arcep-mci-2026t1-commune_techno-sample.csv"


def ecrire(chemin: Path, entete: list[str], lignes: list[list], sep: str = ";") -> Path:
    texte = sep.join(entete) + "\n" + "".join(sep.join(map(str, l)) + "\n" for l in lignes)
    chemin.write_text(texte, encoding="utf-8")
    return chemin


def ligne_meilleure(code: str, nbr: int = 100, ftth: int = 80, jour: str = "2026-03-31",
                    dep: str = "11", type_: str = "all") -> list:  # fmt: skip
    return [code, f"C{code}", dep, "76", nbr, type_, nbr, ftth, 0, nbr - ftth, 0, 0, 0, 0, 0, jour]


def meilleure(
    tmp_path: Path, lignes: list[list], nom: str = "commune_meilleure_techno_thd.csv"
) -> Path:
    return ecrire(tmp_path / nom, mci.ENTETES[Genre.MCI_MEILLEURE_TECHNO], lignes)


def orange(tmp_path: Path, lignes: list[list], nom: str = "trajectoire-2025-03-31.csv") -> Path:
    """lignes: [code, lot, FC, FT] (dates as written)."""
    return ecrire(tmp_path / nom, ORANGE, [
        [c, lot, "Non", "", "", ft, fc, ft, "", "", "0,95", 3, 1] for c, lot, fc, ft in lignes
    ])  # fmt: skip


def gouv(tmp_path: Path, lignes: list[list], nom: str = "fermeture-reseau-cuivre.csv") -> Path:
    """lignes: [code, lot, FC, FT]."""
    return ecrire(tmp_path / nom, GOUV, [
        [c, "X", "11000", "11", "76", "43.2, 2.3", "", ft, fc, "X (11000)", "Aude", lot,
         f"L'arrêt des services interviendra au plus tard le {ft}", "2027"] for c, lot, fc, ft in lignes
    ])  # fmt: skip


def mobile(tmp_path: Path, lignes: list[list], nom: str = "2023T3_op_communes.csv") -> Path:
    """lignes: [techno, operateur, code]."""
    return ecrire(tmp_path / nom, [f'"{c}"' for c in MOBILE], [
        [f'"{t}"', op, f'"{c}"', 0.18, 4.48, 69.08, 26.26, 0.0, 14.72, 78.38, 6.9] for t, op, c in lignes
    ])  # fmt: skip


def ftth(tmp_path: Path, communes: list[tuple], trimestres: list[str], ligne_entete: int = 5,
         nom: str = "2025t4-obs-hd-thd-deploiement-vf.xlsx") -> Path:  # fmt: skip
    """communes: (code, locaux estimés, [value per quarter])."""
    from openpyxl import Workbook

    classeur = Workbook()
    feuille = classeur.active
    feuille.title = "Communes"
    for _ in range(ligne_entete - 1):
        feuille.append(["Observatoire (titre)"])
    feuille.append(["Code commune", "Code département", "Siren EPCI", "Nom commune",
                    "Meilleure estimation des locaux T4 2025", "Commune rurale",
                    "Commune de montagne", "Zone très dense", *trimestres])  # fmt: skip
    for code, locaux, serie in communes:
        feuille.append(
            [code, code[:2], "200035715", f"C{code}", locaux, "Oui", "Non", "Non", *serie]
        )
    chemin = tmp_path / nom
    classeur.save(chemin)
    return chemin
