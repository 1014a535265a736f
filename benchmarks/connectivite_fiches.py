"""Benchmark: the commune sheets of the whole Aude (433 PDFs, `sun connectivite fiches`).

A throw-away SQLite database (in a temporary var/ folder) with the real territory of the Aude
(`sun preparer`, SUN_DEPARTEMENT=11) and the Aude plan, then generated data for every commune
(flagged as demonstration): both ARCEP MCI files, a quarterly FttH series since 2017, a copper
calendar, 4G and 5G coverage for the four operators, a fragility index, places of mediation
around the communes, difficulties reported and orientations. Then, in the same run:

- all sheets: data gathered once (a few set-based queries), HTML rendered, WeasyPrint per
  sheet, files written (`ecrire_toutes`);
- the floor: WeasyPrint alone rendering the same 433 HTML pages, already prepared in memory
  (no query, no template), with the same stylesheet and font configuration;

goal: all sheets within ×1.5 of the floor.
"""

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from charge import SUN

RACINE = Path(__file__).resolve().parents[1]
OPERATEURS = ("20801", "20810", "20815", "20820")


def trimestres(debut: int = 2017, fin: date = date(2025, 12, 31)) -> list[date]:
    fins = [(3, 31), (6, 30), (9, 30), (12, 31)]
    return [date(a, m, j) for a in range(debut, fin.year + 1) for m, j in fins
            if date(a, m, j) <= fin]  # fmt: skip


def generer(alea: random.Random) -> list[str]:
    """Connectivity rows, places, indices, cases and orientations for every Aude commune."""
    from sun.connectivite import models as m
    from sun.core.versions import donnees_ecrites
    from sun.inclusion.models import IndiceFragilite, Lieu, Orientation
    from sun.territoire.models import Commune

    communes = list(Commune.objects.filter(departement__code="11").defer("geometrie"))
    codes = [c.code_insee for c in communes]

    def edition(genre, jour):
        return m.Edition.objects.create(genre=genre, date_edition=jour, demonstration=True,
                                        source=f"Données générées ({genre})")  # fmt: skip

    e_fixe, e_debit = edition(m.Genre.MCI_MEILLEURE_TECHNO, date(2026, 3, 31)), edition(
        m.Genre.MCI_DEBIT_FILAIRE, date(2026, 3, 31))  # fmt: skip
    e_ftth, e_cuivre = edition(m.Genre.FTTH, date(2025, 12, 31)), edition(
        m.Genre.CUIVRE_ORANGE, date(2025, 3, 31))  # fmt: skip
    e_mobile = edition(m.Genre.MOBILE, date(2025, 9, 30))
    fixes, debits, ftth, series, cuivres, mobiles, indices = [], [], [], [], [], [], []
    quarters = trimestres()
    # `sun preparer` may have loaded the real index: only the communes without one get one.
    avec_indice = set(IndiceFragilite.objects.filter(code__in=codes).values_list("code", flat=True))
    for c in communes:
        nbr = max(20, int((c.population_municipale or 100) * 0.6))
        ftth_n = int(nbr * alea.uniform(0.3, 1.0))
        cu30, sat = int((nbr - ftth_n) * 0.6), nbr - ftth_n - int((nbr - ftth_n) * 0.6)
        fixes.append(m.MeilleureTechnoCommune(
            edition=e_fixe, code_insee=c.code_insee, nbr=nbr, nbr_elig_8=nbr, elig_ftth=ftth_n,
            elig_coax=0, elig_cu_30=cu30, elig_thdr=0, elig_cu_8=0, elig_4gf=0, elig_hdr=0,
            elig_sat=sat))  # fmt: skip
        debits.append(m.DebitFilaireCommune(
            edition=e_debit, code_insee=c.code_insee, nbr=nbr, inel_hd=sat // 2,
            elig_hd05=nbr - sat // 2, elig_hd3=nbr - sat // 2, elig_bhd8=ftth_n + cu30,
            elig_thd30=ftth_n + cu30, elig_thd100=ftth_n, elig_thd1g=ftth_n))  # fmt: skip
        ftth.append(m.CommuneFtth(edition=e_ftth, code_insee=c.code_insee, locaux_estimes=nbr,
                                  commune_rurale=nbr < 2000))  # fmt: skip
        depart = alea.randrange(len(quarters))
        for k, q in enumerate(quarters):
            n = 0 if k < depart else int(ftth_n * (k - depart + 1) / (len(quarters) - depart))
            series.append(m.DeploiementFtth(edition=e_ftth, code_insee=c.code_insee, trimestre=q,
                                            locaux_raccordables=n))  # fmt: skip
        annee = alea.choice((2025, 2026, 2027, 2028))
        cuivres.append(m.CalendrierCuivre(
            edition=e_cuivre, code_insee=c.code_insee, lot=str(annee - 2023),
            date_fc=date(annee, 1, 31), date_ft=date(annee + 1, 1, 31),
            nb_log_refus_tiers=alea.randrange(0, 15)))  # fmt: skip
        for techno in ("4G", "5G"):
            for op in OPERATEURS:
                tbc = alea.uniform(20, 80) if techno == "4G" else alea.uniform(0, 40)
                bc = alea.uniform(0, 100 - tbc)
                reste = 100 - tbc - bc
                mobiles.append(m.CouvertureMobile(
                    edition=e_mobile, code_insee=c.code_insee, techno=techno, operateur=op,
                    couv_nc=reste / 2, couv_cl=reste / 2, couv_bc=bc, couv_tbc=tbc,
                    pop_nc=reste / 2, pop_cl=reste / 2, pop_bc=bc, pop_tbc=tbc))  # fmt: skip
        if c.code_insee in avec_indice:
            continue
        indices.append(IndiceFragilite(
            niveau=IndiceFragilite.Niveau.COMMUNE, code=c.code_insee, nom=c.nom,
            no_thd_coverage_rate=alea.uniform(0, 10), no_4g_coverage_rate=alea.uniform(0, 10),
            poverty_rate=alea.uniform(0, 10), older_65_rate=alea.uniform(0, 10),
            nscol15p_rate=alea.uniform(0, 10), total=alea.uniform(2, 9),
            source="Indice généré (démonstration)"))  # fmt: skip
    for modele, lignes in ((m.MeilleureTechnoCommune, fixes), (m.DebitFilaireCommune, debits),
                           (m.CommuneFtth, ftth), (m.DeploiementFtth, series),
                           (m.CalendrierCuivre, cuivres), (m.CouvertureMobile, mobiles),
                           (IndiceFragilite, indices)):  # fmt: skip
        modele.objects.bulk_create(lignes, batch_size=2000)
        donnees_ecrites(modele)
    # About one place for three communes, around the more populated ones.
    centres = [c for c in communes if c.latitude is not None]
    poids = [max(c.population_municipale or 1, 1) ** 0.5 for c in centres]
    lieux = []
    for n, c in enumerate(alea.choices(centres, weights=poids, k=len(communes) // 3)):
        lieux.append(Lieu(
            nom=f"Espace numérique n° {n + 1}", commune=c.nom, code_insee=c.code_insee,
            code_postal=(c.codes_postaux or [""])[0], adresse=f"{n + 1} place de la Mairie",
            latitude=c.latitude + alea.uniform(-0.005, 0.005),
            longitude=c.longitude + alea.uniform(-0.005, 0.005), typologie=["EPN"],
            telephone=f"+334681{n:05d}", horaires="Tu-Fr 14:00-18:00; Sa 09:00-12:00",
            services=["Aide aux démarches administratives"], source="Banc d'essai",
            date_maj=date(2026, 1, 5), demonstration=True, commune_ref=c))  # fmt: skip
    Lieu.objects.bulk_create(lieux)
    donnees_ecrites(Lieu)
    moment = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)
    cas = [m.Signalement(commune=c, categorie=alea.choice(m.Categorie.values),
                         statut=alea.choice(m.Statut.values), adresse="1 rue du Moulin",
                         description="Cas du banc d'essai", cree_le=moment, modifie_le=moment,
                         demonstration=True)
           for c in alea.sample(communes, 150) for _ in range(alea.randrange(1, 5))]  # fmt: skip
    m.Signalement.objects.bulk_create(cas)
    donnees_ecrites(m.Signalement)
    Orientation.objects.bulk_create(
        Orientation(commune=c, niveau="debutant", besoins=["demarche"], services=[],
                    lieux_proposes=[], lieux_retenus=[])
        for c in alea.sample(communes, 100) for _ in range(alea.randrange(1, 12))
    )  # fmt: skip
    print(f"{len(codes)} communes : {len(series)} points FttH, {len(mobiles)} lignes mobiles, "
          f"{len(lieux)} lieux, {len(cas)} difficultés (données générées)")  # fmt: skip
    return codes


def plancher(pages_html: list[str]) -> tuple[float, list[int]]:
    """WeasyPrint alone on pages already in memory: seconds, and the pages of each sheet."""
    from sun.connectivite.fiches.rendu import document

    debut, nombres = time.perf_counter(), []
    for html in pages_html:
        rendu = document(html)
        nombres.append(len(rendu.pages))
        rendu.write_pdf()
    return time.perf_counter() - debut, nombres


def main() -> int:
    dossier = Path(tempfile.mkdtemp(prefix="sun-bench-fiches-"))
    env = {**os.environ, "SUN_VAR_DIR": str(dossier), "SUN_DEPARTEMENT": "11",
           "DJANGO_SETTINGS_MODULE": "sun.settings"}  # fmt: skip
    for variable in ("SUN_CACHE_URL", "DATABASE_URL"):
        env.pop(variable, None)
    try:
        subprocess.run([SUN, "preparer", "--sans-demo"], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        subprocess.run([SUN, "pilotage", "importer", str(RACINE / "plans" / "aude.yaml")],
                       env=env, check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        os.environ.clear()
        os.environ.update(env)
        import django

        django.setup()
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from sun.connectivite.fiches.donnees import rassembler_fiches
        from sun.connectivite.fiches.rendu import ecrire_toutes, html_de_la_fiche, pdf_du_html

        codes = generer(random.Random(433))
        pdf_du_html(html_de_la_fiche(rassembler_fiches(codes[:1])[codes[0]]))  # WeasyPrint warm
        # The HTML pages of the floor, prepared first (their data gathered apart, untimed).
        pages_html = [html_de_la_fiche(f) for f in rassembler_fiches(codes).values()]
        # Floor before and after the sheets: the machine's load drifts over a few minutes.
        plancher_avant, nombres = plancher(pages_html)
        sortie = dossier / "fiches"
        debut = time.perf_counter()
        with CaptureQueriesContext(connection) as requetes:
            ecrits = ecrire_toutes(sortie, codes)
        total = time.perf_counter() - debut
        assert len(ecrits) == len(codes), (len(ecrits), len(codes))
        plancher_apres, _ = plancher(pages_html)
        # The parts of the sheets, measured apart (for the record): gathering, then the HTML.
        debut = time.perf_counter()
        fiches = rassembler_fiches(codes)
        collecte = time.perf_counter() - debut
        debut = time.perf_counter()
        for f in fiches.values():
            html_de_la_fiche(f)
        gabarits = time.perf_counter() - debut
        nombres.sort()
        plancher_moyen = (plancher_avant + plancher_apres) / 2
        n = len(codes)
        print(f"Fiches de toutes les communes (collecte + HTML + PDF + écriture) : {total:.1f} s, "
              f"{1000 * total / n:.0f} ms par fiche, {len(requetes.captured_queries)} requêtes SQL "
              "en tout")  # fmt: skip
        print(f"  dont collecte des données de {n} communes : {collecte:.2f} s ; HTML des {n} "
              f"fiches : {gabarits:.2f} s")  # fmt: skip
        print(f"Plancher, WeasyPrint seul sur les {n} pages HTML prêtes : {plancher_avant:.1f} s "
              f"avant, {plancher_apres:.1f} s après ; {1000 * plancher_moyen / n:.0f} ms par "
              "fiche en moyenne")  # fmt: skip
        print(f"Pages par fiche : {nombres[0]} à {nombres[-1]} (médiane {nombres[n // 2]}, "
              f"{sum(1 for p in nombres if p > 2)} fiche(s) de plus de 2 pages)")  # fmt: skip
        ratio = total / plancher_moyen
        print(f"Ratio fiches / plancher : ×{ratio:.2f} (objectif ≤ ×1,5)")
        return 0 if ratio <= 1.5 else 1
    finally:
        shutil.rmtree(dossier, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(RACINE / "src"))
    sys.exit(main())
