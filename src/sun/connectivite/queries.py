"""Reads of the connectivity data: the newest edition of each kind, and the rows of many
communes at once (set-based: one query per kind of file, whatever the number of communes)."""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, Q

from sun.connectivite.models import (
    CalendrierCuivre,
    CommuneFtth,
    CouvertureMobile,
    DebitFilaireCommune,
    DeploiementFtth,
    Edition,
    Genre,
    MeilleureTechnoCommune,
    Signalement,
    TechnoCommune,
)

GENRES_CUIVRE = (Genre.CUIVRE_ORANGE, Genre.CUIVRE_GOUV)
MODELE_DU_GENRE = {
    Genre.MCI_MEILLEURE_TECHNO: MeilleureTechnoCommune,
    Genre.MCI_DEBIT_FILAIRE: DebitFilaireCommune,
    Genre.MCI_TECHNO: TechnoCommune,
    Genre.FTTH: CommuneFtth,
    Genre.CUIVRE_ORANGE: CalendrierCuivre,
    Genre.CUIVRE_GOUV: CalendrierCuivre,
    Genre.MOBILE: CouvertureMobile,
}


def edition_courante(genre: str, reelles: bool = False) -> Edition | None:
    return Edition.objects.plus_recente(genre, reelles=reelles)


def lignes_par_commune(genre: str, codes: Iterable[str]) -> tuple[Edition | None, dict]:
    """The newest edition of `genre` and its row for each of `codes` ({code: row})."""
    edition = edition_courante(genre)
    if edition is None:
        return None, {}
    modele = MODELE_DU_GENRE[genre]
    lignes = modele.objects.filter(edition=edition, code_insee__in=list(codes))
    return edition, {ligne.code_insee: ligne for ligne in lignes}


def series_ftth(codes: Iterable[str]) -> tuple[Edition | None, dict[str, list[tuple]]]:
    """The quarterly series of FttH-connectable premises of the newest observatory edition:
    {code: [(end of quarter, premises), …]} in date order."""
    edition = edition_courante(Genre.FTTH)
    if edition is None:
        return None, {}
    series: dict[str, list[tuple]] = defaultdict(list)
    lignes = (
        DeploiementFtth.objects.filter(edition=edition, code_insee__in=list(codes))
        .order_by("code_insee", "trimestre")
        .values_list("code_insee", "trimestre", "locaux_raccordables")
    )
    for code, trimestre, locaux in lignes:
        series[code].append((trimestre, locaux))
    return edition, dict(series)


def cuivre_par_commune(codes: Iterable[str], reelles: bool = False) -> dict[str, list]:
    """Every copper calendar row of `codes`, from both kinds of file, newest file first: the
    first is what the commune page shows, the others are its history (`reelles`: real
    editions only, as the indicators count)."""
    lignes = CalendrierCuivre.objects.filter(code_insee__in=list(codes))
    if reelles:
        lignes = lignes.filter(edition__demonstration=False)
    lignes = lignes.select_related("edition").order_by(
        "code_insee", "-edition__date_edition", "-edition__importee_le"
    )
    par_code: dict[str, list[CalendrierCuivre]] = defaultdict(list)
    for ligne in lignes:
        par_code[ligne.code_insee].append(ligne)
    return dict(par_code)


def mobile_par_commune(codes: Iterable[str]) -> tuple[Edition | None, dict[str, list]]:
    edition = edition_courante(Genre.MOBILE)
    if edition is None:
        return None, {}
    par_code: dict[str, list[CouvertureMobile]] = defaultdict(list)
    lignes = CouvertureMobile.objects.filter(edition=edition, code_insee__in=list(codes))
    for ligne in lignes.order_by("code_insee", "techno", "operateur"):
        par_code[ligne.code_insee].append(ligne)
    return edition, dict(par_code)


def signalements_par_commune(codes: Iterable[str]) -> dict[str, dict[str, int]]:
    """{code: {"ouverts": n, "resolus": n, "total": n}} for real (non-demonstration) cases."""
    from sun.connectivite.models import OUVERTS, Statut

    lignes = (
        Signalement.objects.reels()
        .filter(commune__code_insee__in=list(codes))
        .values("commune__code_insee")
        .annotate(
            total=Count("pk"),
            ouverts=Count("pk", filter=Q(statut__in=OUVERTS)),
            resolus=Count("pk", filter=Q(statut=Statut.RESOLU)),
        )
    )
    return {
        ligne["commune__code_insee"]: {k: ligne[k] for k in ("total", "ouverts", "resolus")}
        for ligne in lignes
    }
