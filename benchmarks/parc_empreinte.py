"""Benchmark: the footprint of a fleet of 100,000 items for each of 10 years.

A throw-away SQLite database (in a temporary var/ folder, migrated in process) with a
generated fleet: 100,000 bare rows written with bulk_create, 11 types, 200 sites, acquisitions
over 14 years, a sixth decommissioned, a few refurbished. Then, in the same run:

- SUN: the fleet grouped in one query (type × site × years × lifetime × purchase) and the
  yearly footprint of each of the 10 years by type, by site and by type × site
  (`calcul.annees`, nothing cached);
- the floor: one GROUP BY on the same dimensions (type × site × year of acquisition × year of
  decommissioning) and, for each year, the plain sum of count × factor ÷ lifetime + count ×
  use per type × site × year (none of SUN's rules);

goal: SUN within ×3 of the floor (medians of a few runs, the floor measured before and after).
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
ANNEE = 2025


def generer(n: int, alea: random.Random) -> None:
    from sun.core.versions import donnees_ecrites
    from sun.parc.models import Equipement, Site
    from sun.parc.referentiel import CATEGORIE_DU_TYPE, Achat, Etat, TypeEquipement

    sites = Site.objects.bulk_create([Site(nom=f"Site {k:03d}", effectif=alea.randint(5, 80))
                                      for k in range(200)])  # fmt: skip
    types = TypeEquipement.values
    poids = [30, 30, 25, 3, 5, 2, 2, 1, 1, 1, 0.5][: len(types)]
    debut = time.perf_counter()
    lot = []
    for i in range(n):
        t = alea.choices(types, poids)[0]
        acquis = date(alea.randint(ANNEE - 13, ANNEE), alea.randint(1, 12), alea.randint(1, 28))
        sorti = alea.random() < 1 / 6
        reforme = date(min(ANNEE, acquis.year + alea.randint(3, 9)), 6, 1) if sorti else None
        lot.append(Equipement(
            source="bench", cle=f"inv:B{i:07d}", numero_inventaire=f"B{i:07d}", type=t,
            categorie_deee=CATEGORIE_DU_TYPE[t], date_acquisition=acquis, site=alea.choice(sites),
            etat=Etat.SORTI if sorti else Etat.EN_SERVICE, date_reforme=reforme,
            achat=Achat.RECONDITIONNE if alea.random() < 0.05 else Achat.NEUF,
        ))  # fmt: skip
        if len(lot) == 10_000:
            Equipement.objects.bulk_create(lot)
            lot = []
    Equipement.objects.bulk_create(lot)
    donnees_ecrites(Equipement)
    print(f"Parc généré : {n} équipements, 200 sites, en {time.perf_counter() - debut:.1f} s "
          "(bulk_create)")  # fmt: skip


def sun(annees: list[int]):
    from sun.parc.empreinte import calcul, queries
    from sun.parc.empreinte.facteurs import table_courante

    table = table_courante()
    groupes = queries.groupes()
    return calcul.annees(groupes, table, annees, croise=True), len(groupes)


def plancher(annees: list[int]) -> dict[int, float]:
    """One GROUP BY on the dimensions of the result (type × site × year of acquisition × year
    of decommissioning) and, year by year, count × factor ÷ lifetime + count × use added up
    per type × site × year: the same output, none of SUN's rules (no mid-year convention,
    no refurbished purchases, no per-item lifetime, no demonstration check)."""
    from collections import defaultdict

    from django.db.models import Count

    from sun.parc.cycle_vie import duree_de_vie
    from sun.parc.empreinte.facteurs import table_courante
    from sun.parc.empreinte.queries import Annee
    from sun.parc.models import Equipement

    table = table_courante()
    facteurs = {t: (f.intrinseque["gwp"].valeur, f.usage_annuel["gwp"].valeur, duree_de_vie(t))
                for t, f in table.types.items()}  # fmt: skip
    lignes = list(Equipement.objects.values_list("type", "site_id", Annee("date_acquisition"),
                                                 Annee("date_reforme"))
                  .annotate(n=Count("pk")).order_by())  # fmt: skip
    cellules: dict[tuple, float] = defaultdict(float)
    for a in annees:
        for t, site, debut, fin, n in lignes:
            if t in facteurs and debut <= a and (fin is None or fin >= a):
                fab, usage, duree = facteurs[t]
                cellules[(a, t, site)] += (
                    n * (fab / duree if a - debut < duree else 0.0) + n * usage
                )
    totaux = dict.fromkeys(annees, 0.0)
    for (a, _t, _site), valeur in cellules.items():
        totaux[a] += valeur
    return totaux


def mesurer(fonction, fois: int) -> tuple[float, object]:
    durees, resultat = [], None
    for _ in range(fois):
        debut = time.perf_counter()
        resultat = fonction()
        durees.append(time.perf_counter() - debut)
    return statistics.median(durees), resultat


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--equipements", type=int,
                        default=int(os.environ.get("BENCH_EQUIPEMENTS", "100000")))  # fmt: skip
    parser.add_argument("--fois", type=int, default=5)
    args = parser.parse_args()
    dossier = Path(tempfile.mkdtemp(prefix="sun-bench-empreinte-"))
    env = {**os.environ, "SUN_VAR_DIR": str(dossier), "SUN_DEPARTEMENT": "11",
           "DJANGO_SETTINGS_MODULE": "sun.settings"}  # fmt: skip
    for variable in ("SUN_CACHE_URL", "DATABASE_URL"):
        env.pop(variable, None)
    try:
        os.environ.clear()
        os.environ.update(env)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        generer(args.equipements, random.Random(18))
        annees = list(range(ANNEE - 9, ANNEE + 1))
        plancher(annees)  # warm the database pages and the factor table
        avant, _ = mesurer(lambda: plancher(annees), args.fois)
        duree, (resultat, groupes) = mesurer(lambda: sun(annees), args.fois)
        apres, totaux = mesurer(lambda: plancher(annees), args.fois)
        moyen = (avant + apres) / 2
        print(f"Empreinte du parc, 10 années ({annees[0]}–{annees[-1]}), par type, site et "
              f"type × site : {1000 * duree:.0f} ms (médiane de {args.fois}), {groupes} groupes")  # fmt: skip
        print(f"Plancher, un GROUP BY (type × site × années) et la somme des facteurs : "
              f"{1000 * avant:.0f} ms avant, {1000 * apres:.0f} ms après")  # fmt: skip
        for a in (annees[0], annees[-1]):
            print(f"  {a} : SUN {resultat[a].total.total / 1000:.1f} t CO2e ; plancher "
                  f"(sans convention de mi-année ni reconditionné) {totaux[a] / 1000:.1f} t")  # fmt: skip
        ratio = duree / moyen
        print(f"Ratio SUN / plancher : ×{ratio:.2f} (objectif ≤ ×3)")
        return 0 if ratio <= 3 else 1
    finally:
        shutil.rmtree(dossier, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(RACINE / "src"))
    sys.exit(main())
