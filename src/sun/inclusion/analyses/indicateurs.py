"""Indicators of the analyses wing: the digital fragility index of a commune or an EPCI."""

from sun.core.indicators import Indicateur, Niveau, Valeur, declarer
from sun.inclusion.analyses.ifn import SOURCE
from sun.inclusion.analyses.queries import indice_de_l_epci, indice_de_la_commune
from sun.territoire.indicators import communes_du


def fragilite(niveau: Niveau, code: str) -> Valeur:
    communes_du(niveau, code)  # TerritoireInconnu for a code that is not loaded
    indice = indice_de_la_commune(code) if niveau == Niveau.COMMUNE else indice_de_l_epci(code)
    if indice is None:
        return Valeur(None, None, SOURCE)
    return Valeur(round(indice.total, 2), indice.date_import.date(), indice.source)


declarer(
    Indicateur(
        code="inclusion.ifn",
        libelle="Indice de fragilité numérique",
        unite="sur 10",
        niveaux=(Niveau.COMMUNE, Niveau.EPCI),
        calcul=fragilite,
        source=SOURCE,
        sens="baisse",
        description="Moyenne de cinq critères notés de 0 à 10 (10 = le plus fragile) : absence "
        "de très haut débit, absence de 4G, pauvreté, part des 65 ans et plus, part des "
        "personnes peu ou pas diplômées ; non pondérée par la population. Date : celle de "
        "l'import du fichier.",
    )
)
