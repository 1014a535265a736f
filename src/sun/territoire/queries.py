"""Reads of the territory: the configured département, the search key, and the lists and totals
the pages and the API show.

The chainable reads of communes (search, relations, codes) are the methods of the model's
manager, `sun.territoire.models.CommuneQuerySet`: this module imports the models, the models
never import it.
"""

from django.conf import settings
from django.db.models import Count, QuerySet, Sum

from sun.core.text import normaliser_recherche
from sun.territoire.models import EPCI, Commune, CommuneQuerySet, Departement, SubdivisionCommune


def cle_recherche(nom: str, codes_postaux: list[str], code_insee: str) -> str:
    return " ".join([normaliser_recherche(nom), *codes_postaux, code_insee.lower()])


def departement_configure() -> Departement | None:
    """The département this installation serves (SUN_DEPARTEMENT), or None if not loaded."""
    return Departement.objects.filter(code=settings.SUN_DEPARTEMENT).first()


# --- communes ---------------------------------------------------------------------------------
def communes_filtrees(
    texte: str | None, departement: str | None, epci: str | None, *, geometrie: bool
) -> CommuneQuerySet:
    """Communes matching the text (else by INSEE code), in a département and an EPCI when given;
    outlines only when asked for."""
    communes = Commune.objects.avec_relations()
    communes = communes.recherche(texte) if texte else communes.order_by("code_insee")
    communes = communes.du_departement(departement.upper() if departement else None)
    communes = communes.de_l_epci(epci)
    return communes if geometrie else communes.sans_geometrie()


def commune_avec_departement(code_insee: str) -> Commune | None:
    return Commune.objects.select_related("departement").de_code(code_insee).first()


def subdivisions() -> QuerySet[SubdivisionCommune]:
    """Arrondissements and communes déléguées or associées, with their commune."""
    return SubdivisionCommune.objects.select_related("commune")


def communes_de_l_epci(epci: EPCI) -> CommuneQuerySet:
    return epci.communes.select_related("departement").sans_geometrie().order_by("nom")


def communes_pour_la_carte(departement: Departement) -> list[Commune]:
    return list(departement.communes.select_related("epci").sans_geometrie().order_by("nom"))


def population_totale(communes: QuerySet[Commune]) -> int | None:
    return communes.aggregate(total=Sum("population_municipale"))["total"]


# --- EPCI and départements ------------------------------------------------------------------------
def epcis_du_departement(code: str) -> QuerySet[EPCI]:
    return EPCI.objects.filter(departements__code=code).order_by("nom")


def epcis_avec_totaux() -> QuerySet[EPCI]:
    """EPCI with `nb_communes` and `population` (municipal population of their communes)."""
    return EPCI.objects.annotate(
        nb_communes=Count("communes", distinct=True),
        population=Sum("communes__population_municipale"),
    ).prefetch_related("departements")


def epci_avec_totaux(code_siren: str) -> EPCI | None:
    return epcis_avec_totaux().filter(code_siren=code_siren).first()


def epcis_filtres(departement: str | None, texte: str | None) -> QuerySet[EPCI]:
    epcis = epcis_avec_totaux().order_by("nom")
    if departement:
        epcis = epcis.filter(departements__code=departement.upper())
    if texte:
        epcis = epcis.filter(nom__icontains=texte)
    return epcis


def departements_avec_totaux() -> QuerySet[Departement]:
    """Départements with `nb` (communes) and `population`, by code."""
    return Departement.objects.annotate(
        nb=Count("communes"), population=Sum("communes__population_municipale")
    ).order_by("code")
