"""ARCEP « Mon réseau mobile », per commune and operator: `AAAATn_op_communes.csv` (`;`,
quoted strings), shares of the commune's area (`couv_*`) and population (`pop_*`) at each
coverage level (none, limited, good, very good), each group summing to 100. The edition is the
quarter of the file name. Latin-1 editions are read by the pipeline's reader."""

from sun.connectivite.importation.champs import pourcentage, texte
from sun.connectivite.importation.forme import REFUSEE, Forme, lire
from sun.connectivite.models import CouvertureMobile, Genre, Operateur
from sun.core.imports import Rapport

ENTETE = ["techno", "mcc_mnc", "commune", "couv_nc", "couv_cl", "couv_bc", "couv_tbc",
          "pop_nc", "pop_cl", "pop_bc", "pop_tbc"]  # fmt: skip
NIVEAUX = ENTETE[3:]
TECHNOS = {"2G", "3G", "4G", "5G"}
TOLERANCE = 1.0  # rounding of the published shares
URL = "https://www.data.gouv.fr/datasets/mon-reseau-mobile"


class FormeMobile(Forme):
    def fusionner(self, a: dict, b: dict) -> None:
        return None  # shares of area and population cannot be added without their weights

    genre = Genre.MOBILE
    modele = CouvertureMobile
    cle = ("techno", "operateur")
    champs = tuple(NIVEAUX)
    colonnes = tuple(ENTETE)
    colonne_code = "commune"
    source = "Arcep, Mon réseau mobile : couverture par commune et opérateur"
    source_url = URL

    def convertir(self, numero: int, ligne: dict, rapport: Rapport) -> dict | None:
        techno = texte(ligne, "techno").upper()
        if techno not in TECHNOS:
            rapport.refuser(numero, "techno", techno, "technologie inconnue (2G, 3G, 4G ou 5G)")
            return None
        operateur = texte(ligne, "mcc_mnc")
        if operateur.endswith(".0"):
            operateur = operateur[:-2]
        if operateur not in Operateur.values:
            rapport.refuser(numero, "mcc_mnc", operateur, "opérateur inconnu (20801 Orange, "
                            "20810 SFR, 20815 Free Mobile, 20820 Bouygues Telecom)")  # fmt: skip
            return None
        valeurs = {"techno": techno, "operateur": operateur}
        for niveau in NIVEAUX:
            valeurs[niveau] = lire(rapport, numero, ligne, niveau, pourcentage)
        if REFUSEE in valeurs.values():
            return None
        for groupe in ("couv", "pop"):
            total = sum(valeurs[n] for n in NIVEAUX if n.startswith(groupe))
            if abs(total - 100) > TOLERANCE:
                rapport.avertir(numero, f"{groupe}_*", f"{total:.2f}",
                                "les quatre niveaux ne font pas 100 %")  # fmt: skip
        return valeurs
