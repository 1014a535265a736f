"""Synthetic connectivity files with the exact headers of the real ones, for tests, the
benchmark and the demonstration: the three MCI commune files, the FttH observatory workbook
(sheet `Communes`, header on row 5, one column per quarter), Orange's trajectory file and the
government's copper file, a mobile coverage file. Figures are made up (labelled so in the
files' names and titles), drawn from a seed: the same call writes the same files."""

import csv
import functools
import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sun.connectivite.importation import mci
from sun.connectivite.importation.codes import PLM
from sun.connectivite.importation.cuivre import GOUV, ORANGE
from sun.connectivite.importation.dates import fin_de_trimestre
from sun.connectivite.importation.mobile import ENTETE as ENTETE_MOBILE
from sun.connectivite.models import Genre, Operateur

DEPARTEMENTS = [f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B"]
OUTRE_MER = ["971", "972", "973", "974", "976"]


def codes_communes(nombre: int | None = None, departement: str | None = None) -> list[str]:
    """Commune codes: those of the loaded territory (of `departement` if given), then, up to
    `nombre`, plausible codes (a real département, a free number) spread over France."""
    from sun.territoire.models import Commune

    communes = Commune.objects.all()
    if departement:
        communes = communes.filter(departement__code=departement)
    connus = sorted(communes.values_list("code_insee", flat=True))
    if nombre is None or len(connus) >= nombre:
        return connus[:nombre] if nombre else connus
    pris, codes = set(connus), list(connus)
    prefixes = [departement] if departement else DEPARTEMENTS + OUTRE_MER
    numero = 1
    while len(codes) < nombre:
        for prefixe in prefixes:
            code = prefixe + f"{numero:0{5 - len(prefixe)}d}"
            if code not in pris and len(code) == 5 and code not in PLM:
                pris.add(code)
                codes.append(code)
                if len(codes) >= nombre:
                    break
        numero += 1
        if numero >= 1000:
            break
    return sorted(codes)


def _departement(code: str) -> str:
    return code[:3] if code.startswith("97") else code[:2]


def _alea(code: str, graine: int) -> random.Random:
    return random.Random(f"{graine}-{code}")


def ecrire_mci(
    dossier: Path, codes: Iterable[str], date_edition: date, graine: int = 0
) -> list[Path]:
    """The three MCI commune files (`;`, UTF-8, type=all) of the edition `date_edition`."""
    dossier.mkdir(parents=True, exist_ok=True)
    tag = f"{date_edition.year}t{(date_edition.month - 1) // 3 + 1}"
    chemins = {g: dossier / f"synthetique-{tag}-{mci.FICHIERS[g]}" for g in mci.ENTETES}
    fichiers = {g: c.open("w", encoding="utf-8", newline="") for g, c in chemins.items()}
    try:
        ecrivains = {
            g: csv.writer(f, delimiter=";", lineterminator="\n") for g, f in fichiers.items()
        }
        for g, ecrivain in ecrivains.items():
            ecrivain.writerow(mci.ENTETES[g])
        for code in codes:
            for g, ligne in _lignes_mci(code, date_edition, graine).items():
                ecrivains[g].writerow(ligne)
    finally:
        for f in fichiers.values():
            f.close()
    return list(chemins.values())


@dataclass(frozen=True)
class Profil:
    """A commune's synthetic deployment: premises, the quarter fibre arrives (counted from
    T4 2017), how many quarters it takes, and the share it ends at. MCI eligibility and the
    observatory series are both read from it, so the two files of a commune agree."""

    locaux: int
    debut: int
    duree: int
    plafond: float

    def part(self, jour: date) -> float:
        trimestres = (jour.year - 2017) * 4 + (jour.month - 1) // 3 - 3
        if trimestres < self.debut:
            return 0.0
        return min(self.plafond, self.plafond * (trimestres - self.debut + 1) / self.duree)


@functools.lru_cache(maxsize=1)
def _populations() -> dict[str, int]:
    """Population of every commune of the loaded territory, read once per process."""
    from sun.territoire.models import Commune

    return dict(Commune.objects.exclude(population_municipale=None)
                .values_list("code_insee", "population_municipale"))  # fmt: skip


def _population(code: str) -> int | None:
    return _populations().get(code)


def profil(code: str, graine: int = 0) -> Profil:
    alea = _alea(code, graine)
    population = _population(code) or alea.randint(60, 5000)
    locaux = max(30, int(population * alea.uniform(0.55, 0.8)))
    plafond = 1.0 if alea.random() < 0.6 else alea.uniform(0.85, 0.99)
    return Profil(locaux, alea.randint(0, 26), alea.randint(3, 14), plafond)


def _lignes_mci(code: str, jour: date, graine: int) -> dict[str, list]:
    commune = profil(code, graine)
    nbr = commune.locaux
    ftth = min(nbr, int(nbr * commune.part(jour)))
    reste = nbr - ftth
    cu_30 = reste * 6 // 10
    quatre_g = reste * 3 // 10
    sat = reste - cu_30 - quatre_g
    tete = [code, f"Commune {code}", _departement(code), "00", nbr, "all"]
    thd30 = ftth + cu_30
    return {
        Genre.MCI_MEILLEURE_TECHNO: [*tete, nbr, ftth, 0, cu_30, 0, 0, quatre_g, 0, sat, jour],
        Genre.MCI_DEBIT_FILAIRE: [*tete, sat + quatre_g, nbr - sat, nbr - sat, thd30 + 5 if thd30 + 5 <= nbr else thd30,
                                  thd30, ftth, ftth, jour],
        Genre.MCI_TECHNO: [*tete, ftth, 0, nbr - sat, 0, nbr, 0, nbr, jour],
    }  # fmt: skip


def trimestres_ftth(
    dernier: tuple[int, int] = (2026, 3), nombre: int = 36
) -> list[tuple[int, int]]:
    """(year, quarter) of the workbook's columns, oldest first, ending at `dernier`."""
    annee, t = dernier
    liste = []
    for _ in range(nombre):
        liste.append((annee, t))
        annee, t = (annee, t - 1) if t > 1 else (annee - 1, 4)
    return liste[::-1]


def ecrire_ftth(dossier: Path, codes: Iterable[str], dernier: tuple[int, int] = (2026, 3),
                nombre: int = 36, graine: int = 0, ligne_entete: int = 5) -> Path:  # fmt: skip
    """The observatory workbook (openpyxl write-only): sheet `Communes`, title rows, the
    header on row `ligne_entete`, one column per quarter of `trimestres_ftth`."""
    from openpyxl import Workbook

    dossier.mkdir(parents=True, exist_ok=True)
    periodes = trimestres_ftth(dernier, nombre)
    annee, t = dernier
    chemin = dossier / f"{annee}t{t}-obs-hd-thd-deploiement-vf.xlsx"
    classeur = Workbook(write_only=True)
    sommaire = classeur.create_sheet("Sommaire")
    sommaire.append(["Données synthétiques (SUN) au format de l'observatoire de l'Arcep"])
    feuille = classeur.create_sheet("Communes")
    feuille.append([f"Déploiements FttH par commune — données synthétiques, T{t} {annee}"])
    for _ in range(ligne_entete - 2):
        feuille.append([])
    feuille.append(["Code commune", "Code département", "Code région", "Siren EPCI", "Nom commune",
                    "Nom EPCI", "Logements", "Établissements",
                    f"Meilleure estimation des locaux T{t} {annee}", "Source retenue pour l'estimation",
                    "Estimation locaux en cours de construction", "Commune rurale",
                    "Commune de montagne", "Zone très dense",
                    *[f"T{q} {a}" for a, q in periodes]])  # fmt: skip
    for code in codes:
        alea, commune = _alea(code, graine + 1), profil(code, graine)
        locaux = commune.locaux
        serie = [int(locaux * commune.part(fin_de_trimestre(a, q))) for a, q in periodes]
        feuille.append([code, _departement(code), "00", f"2000{alea.randint(10000, 99999)}",
                        f"Commune {code}", "EPCI", int(locaux * 0.9), locaux - int(locaux * 0.9),
                        locaux, "IPE", 0, "Oui" if locaux < 2000 else "Non",
                        "Oui" if alea.random() < 0.2 else "Non", "Non", *serie])  # fmt: skip
    classeur.save(chemin)
    return chemin


def ecrire_cuivre_orange(dossier: Path, calendrier: dict[str, tuple], date_fichier: date,
                         graine: int = 0) -> Path:  # fmt: skip
    """Orange's trajectory file as CSV (`;`), dates JJ/MM/AAAA; `calendrier`: {code: (lot,
    commercial closure, technical closure)}."""
    dossier.mkdir(parents=True, exist_ok=True)
    chemin = dossier / f"synthetique-trajectoire-cuivre-{date_fichier:%Y-%m-%d}.csv"
    with chemin.open("w", encoding="utf-8", newline="") as f:
        ecrivain = csv.writer(f, delimiter=";", lineterminator="\n")
        ecrivain.writerow(ORANGE)
        for code, (lot, fc, ft) in calendrier.items():
            alea = _alea(code, graine)
            ecrivain.writerow([code, lot, "Non", _fr(fc), _fr(ft), _fr(ft), _fr(fc), _fr(ft), "", "",
                               f"{alea.uniform(0.85, 1):.3f}", alea.randint(0, 12), alea.randint(0, 5)])  # fmt: skip
    return chemin


def ecrire_cuivre_gouv(dossier: Path, calendrier: dict[str, tuple], date_fichier: date) -> Path:
    """The government's copy (`fermeture-reseau-cuivre`, `;`), ISO dates."""
    dossier.mkdir(parents=True, exist_ok=True)
    chemin = dossier / f"fermeture-reseau-cuivre-synthetique-{date_fichier:%Y-%m-%d}.csv"
    with chemin.open("w", encoding="utf-8", newline="") as f:
        ecrivain = csv.writer(f, delimiter=";", lineterminator="\n")
        ecrivain.writerow(GOUV)
        for code, (lot, fc, ft) in calendrier.items():
            phrase = (
                f"L'arrêt des services interviendra au plus tard le {ft:%d/%m/%Y}." if ft else ""
            )
            ecrivain.writerow([code, f"Commune {code}", "", _departement(code), "", "", "",
                               ft or "", fc or "", f"Commune {code}", "", lot, phrase,
                               ft.year if ft else ""])  # fmt: skip
    return chemin


def ecrire_mobile(dossier: Path, codes: Iterable[str], annee: int = 2025, trimestre: int = 3,
                  graine: int = 0) -> Path:  # fmt: skip
    dossier.mkdir(parents=True, exist_ok=True)
    chemin = dossier / f"{annee}T{trimestre}_op_communes.csv"
    codes = list(codes)
    with chemin.open("w", encoding="utf-8", newline="") as f:
        ecrivain = csv.writer(f, delimiter=";", lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
        ecrivain.writerow(ENTETE_MOBILE)
        for techno, facteur in TECHNOS_MOBILE:
            for operateur in Operateur.values:
                for code in codes:
                    # One quality per commune and operator, so technologies stay in order.
                    qualite = _alea(f"{code}{operateur}", graine).uniform(0.35, 0.98)
                    alea = _alea(f"{code}{techno}{operateur}", graine)
                    territoire = _parts(alea, qualite * facteur * alea.uniform(0.6, 0.95))
                    population = _parts(alea, qualite * facteur)
                    ecrivain.writerow([techno, int(operateur), code, *territoire, *population])
    return chemin


# Share of the 4G good coverage each technology reaches (2G wide, 5G still partial).
TECHNOS_MOBILE = (("2G", 1.0), ("3G", 0.92), ("4G", 1.0), ("5G", 0.45))


def _parts(alea: random.Random, bien_couvert: float) -> list[float]:
    """Four shares (none, limited, good, very good) summing to 100, `bien_couvert` (0–1) of it
    in good or very good coverage."""
    bien = min(99.0, 100 * bien_couvert)
    tres_bien = bien * alea.uniform(0.3, 0.7)
    limite = (100 - bien) * alea.uniform(0.4, 0.8)
    parts = [100 - bien - limite, limite, bien - tres_bien, tres_bien]
    arrondies = [round(p, 2) for p in parts]
    arrondies[0] = round(100 - sum(arrondies[1:]), 2)
    return arrondies


def _fr(jour: date | None) -> str:
    return f"{jour:%d/%m/%Y}" if jour else ""


def calendrier_synthetique(codes: Iterable[str], graine: int = 0,
                           lots: tuple[str, ...] = ("3", "4", "4", "5", "5")) -> dict[str, tuple]:  # fmt: skip
    """{code: (lot, FC, FT)} spread over `lots` (3 to 5)."""
    dates = {"3": (date(2026, 1, 31), date(2027, 1, 31)), "4": (date(2027, 1, 31), date(2028, 1, 31)),
             "5": (date(2028, 1, 31), date(2029, 11, 30))}  # fmt: skip
    calendrier = {}
    for code in codes:
        lot = _alea(code, graine).choice(list(lots))
        calendrier[code] = (lot, *dates[lot])
    return calendrier


def ecrire_tout(dossier: Path, communes: int | None = None, departement: str | None = None,
                dernier_trimestre: tuple[int, int] = (2026, 3)) -> list[Path]:  # fmt: skip
    """Every kind of file for `communes` communes (the territory's, then plausible ones)."""
    codes = codes_communes(communes, departement)
    annee, t = dernier_trimestre
    calendrier = calendrier_synthetique(codes)
    return [
        *ecrire_mci(dossier, codes, fin_de_trimestre(annee, t)),
        ecrire_ftth(dossier, codes, dernier=(annee, t)),
        ecrire_cuivre_orange(dossier, calendrier, date(annee, 3, 31)),
        ecrire_cuivre_gouv(dossier, calendrier, date(annee, 3, 31)),
        ecrire_mobile(dossier, codes, annee, t),
    ]
