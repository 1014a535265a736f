"""Benchmark: the legal reuse rate of décret n° 2023-266 for a fleet of 100,000 items over ten
years (SQLite).

A throw-away SQLite database (in a temporary var/ folder, migrated here) with a generated fleet
(bulk-created rows: equipment acquired from 2008 on, most decommissioned after 3 to 12 years,
most of those gone out by a reuse, recycling or destruction route, with or without the taker's
commitment and proof, some servers and classified items). Then, in the same run:

- SUN: `sun.parc.taux.reemploi.serie` — A, B and the items decommissioned during the year for
  each of the ten years (one aggregate query per year, the ORM's form of the rules);
- the floor: one raw SQL statement per year counting only the same A and B;

both results compared, and the ratio printed (goal: within ×3).
"""

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ANNEES = list(range(2016, 2026))
TYPES = ["poste_fixe"] * 40 + ["portable"] * 30 + ["ecran"] * 20 + ["smartphone"] * 6 + \
    ["serveur"] * 3 + ["reseau"]  # fmt: skip
VOIES = ["don"] * 35 + ["reemploi"] * 25 + ["reutilisation"] * 5 + ["recyclage"] * 30 + \
    ["destruction"] * 5  # fmt: skip

PLANCHER = """
SELECT
  (SELECT count(*) FROM parc_equipement e LEFT JOIN parc_sortie s ON s.equipement_id = e.id
   WHERE NOT e.demonstration AND e.date_reforme < %(debut)s
     AND (s.id IS NULL OR s.date >= %(debut)s) AND {champ}),
  (SELECT count(*) FROM parc_equipement e JOIN parc_sortie s ON s.equipement_id = e.id
   WHERE NOT e.demonstration AND s.date >= %(debut)s AND s.date < %(fin)s AND {champ}
     AND s.voie IN ('reemploi', 'reutilisation', 'don') AND s.date_engagement IS NOT NULL
     AND s.date_engagement <= s.date AND s.date_preuve IS NOT NULL)
""".format(
    champ="""e.categorie_deee IN ('2', '6') AND NOT e.informations_classifiees
     AND NOT e.obligations_securite AND (e.date_acquisition IS NULL OR
     julianday(e.date_reforme) - julianday(e.date_acquisition) <= 3652)"""
)


def generer(n: int) -> tuple[int, int]:
    """`n` items and their exits, written with bulk_create. Returns (items, exits)."""
    from sun.core.versions import donnees_ecrites
    from sun.parc.models import Equipement, Sortie
    from sun.parc.referentiel import CATEGORIE_DU_TYPE

    alea = random.Random(2023266)
    fin = date(2025, 12, 31)
    equipements, sorties = [], []
    for i in range(n):
        type_ = alea.choice(TYPES)
        acquisition = date(2008, 1, 1) + timedelta(days=alea.randrange(0, 18 * 365))
        reforme = acquisition + timedelta(days=alea.randrange(3 * 365, 12 * 365))
        reforme = reforme if reforme <= fin and alea.random() < 0.8 else None
        sortie = None
        if reforme and alea.random() < 0.75:
            sortie = reforme + timedelta(days=alea.randrange(0, 400))
            sortie = sortie if sortie <= fin else None
        equipements.append(Equipement(
            source="Bench", cle=f"inv:B{i:07d}", numero_inventaire=f"B{i:07d}", type=type_,
            categorie_deee=CATEGORIE_DU_TYPE[type_], date_acquisition=acquisition,
            etat="sorti" if sortie else ("reforme" if reforme else "en_service"),
            date_reforme=reforme, informations_classifiees=alea.random() < 0.01,
        ))  # fmt: skip
        sorties.append(sortie)
    debut = time.perf_counter()
    Equipement.objects.bulk_create(equipements, batch_size=2000)
    lignes = []
    for e, jour in zip(equipements, sorties, strict=True):
        if jour is None:
            continue
        engagement = jour + timedelta(days=alea.randrange(-60, 15)) if alea.random() < 0.8 else None
        lignes.append(Sortie(equipement_id=e.pk, date=jour, voie=alea.choice(VOIES),
                             destination="vente", destinataire="Preneur", justification="Bench",
                             date_engagement=engagement,
                             date_preuve=jour if alea.random() < 0.85 else None))  # fmt: skip
    Sortie.objects.bulk_create(lignes, batch_size=2000)
    donnees_ecrites(Equipement)
    print(f"Génération : {n} équipements, {len(lignes)} sorties en "
          f"{time.perf_counter() - debut:.1f} s (bulk_create)")  # fmt: skip
    return n, len(lignes)


def mesurer(fonction, repetitions: int):
    meilleur, resultat = float("inf"), None
    for _ in range(repetitions):
        debut = time.perf_counter()
        resultat = fonction()
        meilleur = min(meilleur, time.perf_counter() - debut)
    return meilleur, resultat


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--equipements", type=int,
                        default=int(os.environ.get("BENCH_EQUIPEMENTS", "100000")))  # fmt: skip
    parser.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args()
    dossier = Path(tempfile.mkdtemp(prefix="sun-bench-parc-taux-"))
    os.environ.update({"SUN_VAR_DIR": str(dossier), "DJANGO_SETTINGS_MODULE": "sun.settings"})
    for variable in ("SUN_CACHE_URL", "DATABASE_URL"):
        os.environ.pop(variable, None)
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from sun.parc.taux import reemploi

        call_command("migrate", verbosity=0)
        generer(args.equipements)
        with connection.cursor() as curseur:
            curseur.execute("ANALYZE")

        def sun():
            serie = {t.annee: t for t in reemploi.serie(date(2025, 12, 31), choisies=ANNEES)}
            return {a: (serie[a].b, serie[a].a) for a in ANNEES}

        def plancher():
            with connection.cursor() as curseur:
                resultat = {}
                for a in ANNEES:
                    curseur.execute(PLANCHER.replace("%(debut)s", f"'{a}-01-01'")
                                    .replace("%(fin)s", f"'{a + 1}-01-01'"))  # fmt: skip
                    resultat[a] = tuple(curseur.fetchone())
                return resultat

        t_sun, r_sun = mesurer(sun, args.repetitions)
        t_plancher, r_plancher = mesurer(plancher, args.repetitions)
        for a in ANNEES:
            b, a_ = r_sun[a]
            taux = f"{100 * a_ / b:6.1f} %" if b else "  non défini"
            print(f"  {a} : B = {b:6d}, A = {a_:6d}, taux {taux}")
        print(f"SUN (10 années : A, B et réformés de l'année) : {t_sun * 1000:8.1f} ms")
        print(f"Plancher (SQL brut, A et B seuls)            : {t_plancher * 1000:8.1f} ms")
        print(f"Résultats identiques : {'oui' if r_sun == r_plancher else 'NON'}")
        rapport = t_sun / t_plancher
        print(
            f"Rapport : ×{rapport:.2f} (objectif ≤ ×3) — {'atteint' if rapport <= 3 else 'NON atteint'}"
        )
        return 0 if r_sun == r_plancher else 1
    finally:
        shutil.rmtree(dossier, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
