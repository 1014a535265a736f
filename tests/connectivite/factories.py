"""Rows of connectivity files for tests, written straight to the database (the importers have
their own tests on real and synthetic files). Dates and figures are synthetic."""

from datetime import date

from sun.connectivite.models import (
    CalendrierCuivre,
    CommuneFtth,
    CouvertureMobile,
    DebitFilaireCommune,
    DeploiementFtth,
    Edition,
    Genre,
    MeilleureTechnoCommune,
)

T1_2026 = date(2026, 3, 31)


def edition(genre: str, date_edition: date = T1_2026, **champs) -> Edition:
    edition, _ = Edition.objects.get_or_create(
        genre=genre, date_edition=date_edition,
        defaults={"source": f"Test ({genre})", "fichier": f"{genre}.csv", **champs},
    )  # fmt: skip
    return edition


def fixe(
    code: str,
    nbr: int = 1000,
    ftth: int = 800,
    cu_30: int = 150,
    sat: int = 50,
    thd30: int | None = None,
    date_edition: date = T1_2026,
) -> MeilleureTechnoCommune:
    """Best technology and wired speeds of a commune (the two MCI files)."""
    ligne = MeilleureTechnoCommune.objects.create(
        edition=edition(Genre.MCI_MEILLEURE_TECHNO, date_edition), code_insee=code, nbr=nbr,
        nbr_elig_8=ftth + cu_30 + sat, elig_ftth=ftth, elig_coax=0, elig_cu_30=cu_30,
        elig_thdr=0, elig_cu_8=0, elig_4gf=0, elig_hdr=0, elig_sat=sat,
    )  # fmt: skip
    thd30 = ftth + cu_30 if thd30 is None else thd30
    DebitFilaireCommune.objects.create(
        edition=edition(Genre.MCI_DEBIT_FILAIRE, date_edition), code_insee=code, nbr=nbr,
        inel_hd=max(nbr - thd30 - 20, 0), elig_hd05=min(thd30 + 20, nbr), elig_hd3=min(thd30 + 20, nbr),
        elig_bhd8=min(thd30 + 10, nbr), elig_thd30=thd30, elig_thd100=ftth, elig_thd1g=ftth,
    )  # fmt: skip
    return ligne


def serie(
    code: str,
    valeurs: list[tuple[date, int]],
    locaux_estimes: int = 1000,
    date_edition: date = date(2025, 12, 31),
) -> Edition:
    """The FttH observatory series of a commune."""
    e = edition(Genre.FTTH, date_edition)
    CommuneFtth.objects.create(edition=e, code_insee=code, locaux_estimes=locaux_estimes,
                               siren_epci="", commune_rurale=True)  # fmt: skip
    DeploiementFtth.objects.bulk_create(
        DeploiementFtth(edition=e, code_insee=code, trimestre=t, locaux_raccordables=n)
        for t, n in valeurs
    )
    return e


def cuivre(
    code: str,
    lot: str = "3",
    date_fc: date | None = date(2026, 1, 31),
    date_ft: date | None = date(2027, 1, 31),
    genre: str = Genre.CUIVRE_ORANGE,
    date_edition: date = date(2025, 3, 31),
    **champs,
) -> CalendrierCuivre:
    return CalendrierCuivre.objects.create(
        edition=edition(genre, date_edition), code_insee=code, lot=lot, date_fc=date_fc,
        date_ft=date_ft, **champs,
    )  # fmt: skip


def mobile(
    code: str,
    techno: str = "4G",
    operateur: str = "20801",
    pop_tbc: float = 60.0,
    pop_bc: float = 30.0,
    couv_nc: float = 5.0,
    date_edition: date = date(2025, 9, 30),
) -> CouvertureMobile:
    reste_pop = 100 - pop_tbc - pop_bc
    return CouvertureMobile.objects.create(
        edition=edition(Genre.MOBILE, date_edition), code_insee=code, techno=techno,
        operateur=operateur, couv_nc=couv_nc, couv_cl=15.0, couv_bc=40.0,
        couv_tbc=100 - couv_nc - 55.0, pop_nc=reste_pop / 2, pop_cl=reste_pop / 2,
        pop_bc=pop_bc, pop_tbc=pop_tbc,
    )  # fmt: skip


def commune_complete(code: str) -> None:
    """Every kind of data for one commune: fixed eligibility, a FttH series since 2017, a
    copper calendar and 4G coverage for the four operators."""
    fixe(code)
    serie(code, [(date(annee, 12, 31), min(1000, 100 * (annee - 2016))) for annee in
                 range(2017, 2026)])  # fmt: skip
    cuivre(code, nb_log_refus_tiers=12, nb_log_blocage_eligibilite=3)
    for operateur in ("20801", "20810", "20815", "20820"):
        mobile(code, operateur=operateur)
