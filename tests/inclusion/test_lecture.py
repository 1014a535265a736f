"""The reader streams: memory stays bounded whatever the file size."""

import json
import tracemalloc

from sun.core.imports.lecture import lire
from sun.inclusion.lieux.standard import CHAMPS_V1
from tests.inclusion.outils import lieu_v1

LIGNES = 20_000  # about 9 MB of CSV: far more than the bounded peak


def _pic_en_lisant(chemin) -> tuple[int, int]:
    tracemalloc.start()
    _, lignes = lire(chemin)
    nombre = sum(1 for _ in lignes)
    _, pic = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return nombre, pic


def test_csv_lu_en_flux(tmp_path):
    chemin = tmp_path / "gros.csv"
    modele = lieu_v1(presentation_detail="Lieu d'accompagnement numérique. " * 8)
    with chemin.open("w", encoding="utf-8") as f:
        f.write(",".join(CHAMPS_V1) + "\n")
        ligne = ",".join(f'"{modele.get(c, "")}"' for c in CHAMPS_V1) + "\n"
        for _ in range(LIGNES):
            f.write(ligne)
    assert chemin.stat().st_size > 8_000_000
    nombre, pic = _pic_en_lisant(chemin)
    assert nombre == LIGNES
    assert pic < 5_000_000, f"pic mémoire {pic} octets"


def test_json_lu_en_flux(tmp_path):
    chemin = tmp_path / "gros.json"
    element = json.dumps(lieu_v1(presentation_detail="Lieu d'accompagnement numérique. " * 8))
    with chemin.open("w", encoding="utf-8") as f:
        f.write("[" + ",".join([element] * LIGNES) + "]")
    nombre, pic = _pic_en_lisant(chemin)
    assert nombre == LIGNES
    assert pic < 5_000_000, f"pic mémoire {pic} octets"
