"""The indicator registry, readable by anyone: definitions and computed values."""

from datetime import date

from ninja import Router, Schema

from sun.api.documentation import ERREURS
from sun.core import indicators
from sun.core.indicators import Niveau

router = Router(tags=["Indicateurs"])


class Definition(Schema):
    code: str
    libelle: str
    unite: str
    niveaux: list[str]
    source: str
    description: str


class ValeurSchema(Schema):
    indicateur: str
    libelle: str
    unite: str
    niveau: str
    territoire: str
    valeur: float | None
    date: date | None
    source: str


@router.get("", response={200: list[Definition], **ERREURS}, summary="Indicateurs déclarés")
def liste(request):
    return [
        {
            "code": i.code,
            "libelle": i.libelle,
            "unite": i.unite,
            "niveaux": [n.value for n in i.niveaux],
            "source": i.source,
            "description": i.description,
        }
        for i in indicators.tous()
    ]


@router.get(
    "/{code}/{niveau}/{territoire}",
    response={200: ValeurSchema, **ERREURS},
    summary="Valeur d'un indicateur",
)
def valeur(request, code: str, niveau: Niveau, territoire: str):
    """Par exemple `/api/indicateurs/territoire.population/departement/11`."""
    indicateur = indicators.obtenir(code)
    resultat = indicateur.calculer(niveau, territoire.upper())
    return {
        "indicateur": indicateur.code,
        "libelle": indicateur.libelle,
        "unite": indicateur.unite,
        "niveau": niveau.value,
        "territoire": territoire.upper(),
        "valeur": resultat.valeur,
        "date": resultat.date,
        "source": resultat.source,
    }
