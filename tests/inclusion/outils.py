"""Rows of the standard and files made of them, for tests of the import of places. A test that
only needs places in the register builds them with tests/inclusion/factories.py instead."""

import csv
from pathlib import Path

from sun.inclusion.lieux.standard import CHAMPS_V1

DONNEES = Path(__file__).resolve().parent.parent / "donnees"


def lieu_v1(**valeurs) -> dict:
    """A valid place of the standard v1 in the Aude, overridable field by field."""
    base = {
        "id": "lieu-1", "pivot": "22110001600017", "nom": "Médiathèque de Lézignan",
        "commune": "Lézignan-Corbières", "code_postal": "11200", "code_insee": "11203",
        "adresse": "2 rue de la Poste", "latitude": "43.2009", "longitude": "2.7575",
        "typologie": "BIB", "telephone": "04 68 27 00 00", "courriels": "mediatheque@example.fr",
        "horaires": "Tu-Fr 14:00-18:00; Sa 09:00-12:00", "source": "Hub test", "date_maj": "2024-05-02",
        "services": "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien",
        "frais_a_charge": "Gratuit", "modalites_acces": "Se présenter|Téléphoner",
        "modalites_accompagnement": "Accompagnement individuel",
    }  # fmt: skip
    base.update(valeurs)
    return base


def ecrire_csv(
    chemin: Path, lignes: list[dict], encodage="utf-8", separateur=",", colonnes=None
) -> Path:
    colonnes = colonnes or CHAMPS_V1
    with chemin.open("w", encoding=encodage, newline="") as f:
        ecrivain = csv.DictWriter(
            f, fieldnames=colonnes, delimiter=separateur, extrasaction="ignore"
        )
        ecrivain.writeheader()
        for ligne in lignes:
            ecrivain.writerow({c: ligne.get(c, "") for c in colonnes})
    return chemin
