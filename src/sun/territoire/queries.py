"""Reads of the territory: the configured département, the search key, and the lists and totals
the pages and the API show.

The chainable reads of communes (search, relations, codes) are the methods of the model's
manager, `sun.territoire.models.CommuneQuerySet`: this module imports the models, the models
never import it.
"""

import json
from collections.abc import Sequence

from django.conf import settings
from django.db.models import Count, QuerySet, Sum

from sun.territoire.index_communes import Resultats, index_communes
from sun.territoire.models import EPCI, Commune, CommuneQuerySet, Departement, SubdivisionCommune


def departement_configure() -> Departement | None:
    """The département this installation serves (SUN_DEPARTEMENT), or None if not loaded."""
    return Departement.objects.filter(code=settings.SUN_DEPARTEMENT).first()


# --- communes ---------------------------------------------------------------------------------
def communes_filtrees(
    departement: str | None, epci: str | None, *, geometrie: bool
) -> CommuneQuerySet:
    """Communes by INSEE code, in a département and an EPCI when given; outlines only when
    asked for. (A search by text goes through the index: `communes_cherchees`.)"""
    communes = Commune.objects.avec_relations().order_by("code_insee")
    communes = communes.du_departement(departement.upper() if departement else None)
    communes = communes.de_l_epci(epci)
    return communes if geometrie else communes.sans_geometrie()


def communes_cherchees(texte: str, departement: str | None, epci: str | None) -> Resultats:
    """The text search of communes, from this process's index (see `index_communes`)."""
    return index_communes().chercher(texte, departement, epci)


class CommunesTrouvees(Sequence):
    """The communes a text search found, as model objects a page at a time (for a Paginator),
    each with `trouvee_par`: the former commune it was found by, if any."""

    def __init__(self, resultats: Resultats):
        self.resultats = resultats

    def __len__(self) -> int:
        return len(self.resultats)

    def __getitem__(self, tranche):
        if not isinstance(tranche, slice):
            return self[tranche : tranche + 1][0]
        debut, fin, _ = tranche.indices(len(self))
        trouvees = self.resultats.tranche(debut, fin)
        par_pk = (
            Commune.objects.avec_relations()
            .sans_geometrie()
            .in_bulk([t.commune.pk for t in trouvees])
        )
        communes = []
        for trouvee in trouvees:
            commune = par_pk[trouvee.commune.pk]
            commune.trouvee_par = trouvee.subdivision
            communes.append(commune)
        return communes


def communes_trouvees(texte: str, departement: str | None) -> CommunesTrouvees:
    return CommunesTrouvees(communes_cherchees(texte, departement, None))


def contours_des_communes(pks: list[int]) -> dict[int, dict]:
    lignes = Commune.objects.filter(pk__in=pks).exclude(geometrie="").values_list("pk", "geometrie")
    return {pk: json.loads(geometrie) for pk, geometrie in lignes}


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
