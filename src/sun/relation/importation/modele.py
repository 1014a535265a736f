"""SUN's CSV template of requests, for any other tool (a spreadsheet, a business application).

One row per request; read by the shared reader (CSV `,` `;` or tab, UTF-8 or Windows-1252,
or XLSX). Columns (`sun relation demandes modele` writes them with an example row):

| colonne      | obligatoire | contenu                                                     |
|--------------|-------------|-------------------------------------------------------------|
| numero       | oui         | numéro de la demande dans l'outil d'origine (clé de l'import)|
| demarche     | oui*        | code de la démarche du catalogue (*ou `--demarche`)          |
| canal        | non         | en_ligne (défaut), telephone, guichet, courrier, courriel    |
| recue_le     | oui         | date de réception, AAAA-MM-JJ ou JJ/MM/AAAA                  |
| statut       | oui         | en_construction, en_instruction, accepte, refuse, sans_suite |
| decidee_le   | si décidée  | date de la décision (statut accepte, refuse ou sans_suite)   |
| nom          | non         | nom de la personne (gardé avec un courriel ou un téléphone)  |
| courriel     | non         | adresse électronique                                        |
| telephone    | non         | téléphone                                                   |
| code_postal  | non         | code postal (preuve pour le suivi public)                    |
| objet        | non         | objet de la demande                                         |
| lien         | non         | adresse de la demande dans l'outil d'origine                 |
| typologie    | réclamation | type de réclamation (accueil, delai, decision, erreur…)      |

A file with other column names is read with a mapping file (`--correspondance FICHIER.yaml`,
the format of docs/correspondances.md, target fields: the columns above).
"""

from datetime import date
from pathlib import Path

from sun.core.imports import Cible, Correspondance, Rapport, executer
from sun.core.tableur import ecrivain_csv
from sun.relation.importation.commun import ImportDemandes
from sun.relation.models import Demarche

COLONNES = ["numero", "demarche", "canal", "recue_le", "statut", "decidee_le", "nom",
            "courriel", "telephone", "code_postal", "objet", "lien", "typologie"]  # fmt: skip
OBLIGATOIRES = ["numero", "recue_le", "statut"]
EXEMPLE = ["2024-0001", "apa-domicile", "telephone", "2024-01-10", "accepte", "2024-02-20",
           "Jeanne Martin", "jeanne.martin@example.fr", "04 68 11 22 33", "11000",
           "Aide à domicile", "", ""]  # fmt: skip
CIBLE = Cible(champs=COLONNES, nom="des demandes")


def ecrire_modele(chemin: Path) -> Path:
    """The template: its header and one example row (UTF-8 with BOM, `;`, for a spreadsheet)."""
    with Path(chemin).open("w", encoding="utf-8-sig", newline="") as sortie:
        ecrivain = ecrivain_csv(sortie, delimiter=";")
        ecrivain.writerow(COLONNES)
        ecrivain.writerow(EXEMPLE)
    return Path(chemin)


class ImportModele(ImportDemandes):
    source_externe = "csv"
    colonnes_obligatoires = OBLIGATOIRES

    def normaliser(self, numero: int, brute: dict, rapport: Rapport) -> dict | None:
        if brute.get("__colonnes_en_trop__"):
            rapport.refuser(numero, "", brute["__colonnes_en_trop__"],
                            "plus de valeurs que de colonnes dans l'en-tête")  # fmt: skip
            return None
        return brute


def importer(
    chemin: Path, *, demarche: Demarche | None = None, correspondance: Path | None = None,
    essai: bool = False, auteur=None, aujourd_hui: date | None = None, confirmer: bool = False,
    progression=None, nom_fichier: str | None = None,
) -> Rapport:  # fmt: skip
    """A file in SUN's template (or mapped to it) as requests, in one transaction."""
    importeur = ImportModele(demarche=demarche, aujourd_hui=aujourd_hui, auteur=auteur)
    if correspondance is not None:
        importeur.correspondance = Correspondance.depuis_fichier(Path(correspondance), CIBLE)
    return executer(importeur, Path(chemin), essai=essai, auteur=auteur, confirmer=confirmer,
                    progression=progression, nom_fichier=nom_fichier)  # fmt: skip
