"""Benchmark: regeneration of every dataset SUN produces for one département (issue 19, item 8).

A throw-away database (benchmarks/processus.py) with the Aude territory (433 communes), a
register of 1,000 real places and a year of activity records (60,000 by default), generated
here as synthetic rows that are not demonstration content (the catalogue never publishes
demonstration data, so demonstration rows would be measured as left out). Then, each in its
own process:

(a) `regenerer(force=True)`: every resource written, checked against its schema and published;
    total and per resource;
(b) `regenerer()` again with nothing changed: should be near zero (fingerprints only).

`--rapide`: 100 places and 3,000 activities."""

import argparse
import subprocess
import sys
import time

from processus import SUN, base_jetable

BASE = "sun_bench_donnees_regeneration"

GENERER = r"""
import random, sys
from datetime import date, datetime, timedelta, UTC
import django
django.setup()
from sun.inclusion.models import Activite, Lieu
from sun.territoire.models import Commune

lieux_n, activites_n = int(sys.argv[1]), int(sys.argv[2])
alea = random.Random(11)
communes = list(Commune.objects.filter(departement__code="11", latitude__isnull=False))
SERVICES = ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien",
            "Accès internet et matériel informatique"]
lieux = []
for n in range(lieux_n):
    c = alea.choice(communes)
    lieux.append(Lieu(nom=f"Espace numérique n° {n}", commune_ref=c, commune=c.nom,
                      code_insee=c.code_insee, code_postal=(c.codes_postaux or ["11000"])[0],
                      adresse=f"{n + 1} rue de la République",
                      latitude=c.latitude + alea.uniform(-0.01, 0.01),
                      longitude=c.longitude + alea.uniform(-0.01, 0.01),
                      typologie=["EPN"], telephone=f"+334681{n:05d}",
                      horaires="Tu-Fr 14:00-18:00", services=alea.sample(SERVICES, 2),
                      frais_a_charge=["Gratuit"], modalites_acces=["Se présenter"],
                      source="Banc d'essai", date_maj=date(2025, 5, 2)))
Lieu.objects.bulk_create(lieux, batch_size=500)
THEMES = ["email", "smartphone", "navigation_internet", "demarche_en_ligne", "sante"]
debut = date.today() - timedelta(days=365)
activites = []
for n in range(activites_n):
    lieu = alea.choice(lieux)
    collectif = alea.random() < 0.15
    jour = debut + timedelta(days=alea.randrange(365))
    activites.append(Activite(
        type="collectif" if collectif else "individuel", date=jour, duree=alea.choice([30, 45, 60]),
        type_lieu=alea.choice(["lieu_activite", "lieu_activite", "a_distance", "domicile"]),
        lieu=lieu, commune_id=lieu.commune_ref_id, thematiques=alea.sample(THEMES, 2),
        accompagnements=alea.randint(3, 12) if collectif else 1, source="saisie",
        creation=datetime(jour.year, jour.month, jour.day, 10, tzinfo=UTC)))
    if len(activites) == 5000:
        Activite.objects.bulk_create(activites)
        activites = []
Activite.objects.bulk_create(activites)
print(f"{Lieu.objects.count()} lieux, {Activite.objects.count()} activités, "
      f"{len(communes)} communes")
"""

REGENERER = r"""
import sys, time
import django
django.setup()
from sun.donnees.catalogue.regeneration import regenerer
debut = time.perf_counter()
bilan = regenerer(force=sys.argv[1] == "force")
total = time.perf_counter() - debut
for r in sorted(bilan.resultats, key=lambda r: -r.duree):
    print(f"  {r.jeu + ' / ' + r.ressource:<34} {r.duree:7.2f} s  {r.etat:<12} "
          f"{r.lignes if r.lignes is not None else '—':>7} lignes  {(r.taille or 0) / 1e6:6.2f} Mo")
for r in bilan.resultats:
    if r.message and r.etat in ("erreur", "non_conforme"):
        print(f"  ! {r.jeu} / {r.ressource} : {r.message}")
print(f"TOTAL {total:.3f}")
"""


def _executer(script: str, env: dict, *args: str) -> tuple[float, str]:
    debut = time.perf_counter()
    env = {**env, "DJANGO_LOG_LEVEL": "CRITICAL"}
    enfant = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True,
                            text=True)  # fmt: skip
    if enfant.returncode != 0:
        raise SystemExit(enfant.stdout + enfant.stderr)
    return time.perf_counter() - debut, enfant.stdout


def _total(sortie: str) -> float:
    return float(next(l for l in sortie.splitlines() if l.startswith("TOTAL")).split()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rapide", action="store_true", help="100 lieux, 3 000 activités")
    parser.add_argument("--lieux", type=int, default=1000)
    parser.add_argument("--activites", type=int, default=60_000)
    args = parser.parse_args()
    lieux, activites = (100, 3000) if args.rapide else (args.lieux, args.activites)
    with base_jetable(BASE, "sun-bench-donnees-") as (_dossier, env, postgres):
        env = {**env, "SUN_DEPARTEMENT": "11", "SUN_NOM_ORGANISATION": "Département de l'Aude"}
        subprocess.run([SUN, "territoire", "charger", "11"], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        _, sortie = _executer(GENERER, env, str(lieux), str(activites))
        print(f"Base : {'PostgreSQL' if postgres else 'SQLite'} ; {sortie.strip()}")
        _, premiere = _executer(REGENERER, env, "force")
        print("Régénération de toutes les ressources (--force), par ressource :")
        print("\n".join(l for l in premiere.splitlines() if not l.startswith("TOTAL")))
        _, seconde = _executer(REGENERER, env, "")
        print("Seconde régénération, rien n'ayant changé :")
        print(
            "\n".join(l for l in seconde.splitlines() if l.startswith("  !")) or "  (aucune erreur)"
        )
        t1, t2 = _total(premiere), _total(seconde)
        print(f"Total : {t1:.2f} s pour tout régénérer ; {t2:.3f} s sans changement "
              f"(rapport {t2 / t1:.3f}, soit {100 * t2 / t1:.1f} %).")  # fmt: skip
        return 0


if __name__ == "__main__":
    sys.exit(main())
