"""ARCEP « Ma connexion internet », commune level: the three files SUN keeps, with their exact
headers (`;`, UTF-8, one row per commune with `type=all`, the edition in the `date` column).
Source: https://data.arcep.fr/fixe/maconnexioninternet/statistiques/last/commune/ (Licence
Ouverte 2.0)."""

from sun.connectivite.importation.champs import entier
from sun.connectivite.importation.forme import REFUSEE, Forme, lire
from sun.connectivite.models import (
    DebitFilaireCommune,
    Genre,
    MeilleureTechnoCommune,
    TechnoCommune,
)
from sun.core.imports import Rapport

URL = "https://data.arcep.fr/fixe/maconnexioninternet/statistiques/last/commune/"
COMMUNES = ("code_insee", "nom_com", "code_dep", "code_reg", "nbr", "type")
ENTETES = {
    Genre.MCI_MEILLEURE_TECHNO: [*COMMUNES, "nbr_elig_8", "elig_ftth", "elig_coax", "elig_cu_30",
                                 "elig_thdr", "elig_cu_8", "elig_4gf", "elig_hdr", "elig_sat", "date"],
    Genre.MCI_DEBIT_FILAIRE: [*COMMUNES, "inel_hd", "elig_hd05", "elig_hd3", "elig_bhd8",
                              "elig_thd30", "elig_thd100", "elig_thd1g", "date"],
    Genre.MCI_TECHNO: [*COMMUNES, "elig_ftth", "elig_coax", "elig_cu", "elig_thdr", "elig_4gf",
                       "elig_hdr", "elig_sat", "date"],
}  # fmt: skip
FICHIERS = {
    Genre.MCI_MEILLEURE_TECHNO: "commune_meilleure_techno_thd.csv",
    Genre.MCI_DEBIT_FILAIRE: "commune_debit_filaire.csv",
    Genre.MCI_TECHNO: "commune_techno.csv",
}
MODELES = {
    Genre.MCI_MEILLEURE_TECHNO: MeilleureTechnoCommune,
    Genre.MCI_DEBIT_FILAIRE: DebitFilaireCommune,
    Genre.MCI_TECHNO: TechnoCommune,
}


class FormeMci(Forme):
    colonne_departement = "code_dep"

    def __init__(self, genre: str):
        self.genre = genre
        self.modele = MODELES[genre]
        self.colonnes = tuple(ENTETES[genre])
        self.champs = tuple(
            c for c in ENTETES[genre] if c == "nbr" or c.startswith(("elig", "inel", "nbr_"))
        )
        self.source = f"Arcep, Ma connexion internet ({FICHIERS[genre]})"
        self.source_url = URL + FICHIERS[genre]

    def convertir(self, numero: int, ligne: dict, rapport: Rapport) -> dict | None:
        valeurs = {}
        for champ in self.champs:
            valeur = lire(rapport, numero, ligne, champ, entier)
            if valeur is REFUSEE:
                return None
            valeurs[champ] = valeur
        if valeurs["nbr"] is None:
            rapport.refuser(numero, "nbr", "", "nombre de locaux manquant")
            return None
        return valeurs
