"""SUN's CSV template of calls, for any tool without a shipped layout (a spreadsheet, a call
distributor's statistics export reshaped). One row per call:

| colonne        | obligatoire | contenu                                                       |
|----------------|-------------|---------------------------------------------------------------|
| identifiant    | oui         | identifiant de l'appel dans l'outil d'origine (clé de l'import)|
| debut          | oui         | AAAA-MM-JJ HH:MM:SS (heure de Paris), ou avec décalage / Z     |
| file           | oui         | nom de la file d'attente ou de la ligne                        |
| issue          | oui         | decroche, svi_seul, abandon_attente, abandon_sonnerie,         |
|                |             | debordement, messagerie, rappel, hors_horaires                 |
| attente_s      | non         | attente en secondes (0 par défaut)                             |
| conversation_s | non         | conversation en secondes (0 par défaut)                        |
| appelant       | non         | numéro appelant : jamais enregistré (empreinte HMAC ou rien)   |
| groupe_agents  | non         | groupe d'agents                                                |
"""

from pathlib import Path

from sun.core.tableur import ecrivain_csv
from sun.qualite.telephonie.importation.correspondances import COLONNES_MODELE

EXEMPLES = [
    ["2024-0205-0001", "2024-02-05 09:12:34", "accueil-social", "decroche", "46", "282", "", ""],
    ["2024-0205-0002", "2024-02-05 09:13:02", "accueil-social", "abandon_attente", "95", "0", "", ""],
    ["2024-0205-0003", "2024-02-05 18:02:10", "accueil-social", "hors_horaires", "0", "0", "", ""],
]  # fmt: skip


def ecrire_modele(chemin: Path) -> Path:
    """The template: its header and example rows (UTF-8 with BOM, `;`, for a spreadsheet)."""
    with Path(chemin).open("w", encoding="utf-8-sig", newline="") as sortie:
        ecrivain = ecrivain_csv(sortie, delimiter=";")
        ecrivain.writerow(COLONNES_MODELE)
        ecrivain.writerows(EXEMPLES)
    return Path(chemin)
