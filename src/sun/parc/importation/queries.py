"""Reads of the inventory import, in bulk (never a query per row): the communes, the sites,
what a source already has for a batch of keys, its tables of statuses and types; and the
reads of the agent-space page of the tables."""

from collections import defaultdict

from django.db.models import Count, Max

from sun.core.imports import masse
from sun.core.text import plier
from sun.parc.models import CorrespondanceStatut, CorrespondanceType, Equipement, Site

# Compared with the file, in this order, after the primary key and the key.
COMPARES = (
    "source_id", "nom", "type", "type_source", "fabricant", "modele", "numero_serie",
    "numero_inventaire", "date_acquisition", "prix_acquisition", "achat", "date_fin_garantie",
    "proprietaire", "site_id", "commune_id", "etat", "statut_source", "date_mise_en_service",
    "date_reforme", "commentaire",
)  # fmt: skip


def communes() -> tuple[dict[str, int], dict[str, list[int]]]:
    """({INSEE code: pk}, {folded name: [pk…]}) of every commune of the territory."""
    from sun.territoire.models import Commune

    par_code, par_nom = {}, defaultdict(list)
    for pk, code, nom in Commune.objects.values_list("pk", "code_insee", "nom"):
        par_code[code] = pk
        par_nom[plier(nom)].append(pk)
    return par_code, dict(par_nom)


def sites() -> dict[str, int]:
    return dict(Site.objects.values_list("nom", "pk"))


def existants(source: str, cles: list[str]) -> dict[str, tuple]:
    """{key: (pk, *COMPARES, exit id or None, categorie_deee)} of the source's items among
    `cles`."""
    trouves = {}
    for lot in masse.par_lots(cles, 5000):
        for pk, cle, *valeurs in Equipement.objects.filter(source=source, cle__in=lot).values_list(
            "pk", "cle", *COMPARES, "sortie__id", "categorie_deee"
        ):
            trouves[cle] = (pk, *valeurs)
    return trouves


def source_vide(source: str) -> bool:
    return not Equipement.objects.filter(source=source).exists()


def cle_max() -> int:
    """The highest primary key of the items (0 if none): what an insert adds is above it."""
    return Equipement.objects.aggregate(m=Max("pk"))["m"] or 0


def cles_vers_pk(source: str, cles: list[str]) -> dict[str, int]:
    trouves = {}
    for lot in masse.par_lots(cles, 5000):
        trouves.update(
            Equipement.objects.filter(source=source, cle__in=lot).values_list("cle", "pk")
        )
    return trouves


def absents_du_fichier(source: str, cles) -> int:
    """How many items of the source have a key the file does not have."""
    return sum(
        1
        for cle in Equipement.objects.filter(source=source)
        .values_list("cle", flat=True)
        .iterator(chunk_size=5000)
        if cle not in cles
    )


def tables(source: str) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """({status: (état, route)}, {type: SUN type}) of a source."""
    statuts = {
        s: (e, v)
        for s, e, v in CorrespondanceStatut.objects.filter(source=source).values_list(
            "statut_source", "etat", "voie"
        )
    }
    types = dict(
        CorrespondanceType.objects.filter(source=source).values_list("type_source", "type")
    )
    return statuts, types


# --- the agent-space page -----------------------------------------------------------------------
def sources() -> list[dict]:
    """Every source with a table or equipment: its name, its item count, its two tables."""
    noms = set(CorrespondanceStatut.objects.values_list("source", flat=True).distinct())
    noms |= set(CorrespondanceType.objects.values_list("source", flat=True).distinct())
    comptes = dict(
        Equipement.objects.order_by()
        .values_list("source")
        .annotate(n=Count("pk"))
        .values_list("source", "n")
    )
    noms |= set(comptes)
    statuts, types = defaultdict(list), defaultdict(list)
    for c in CorrespondanceStatut.objects.order_by("source", "statut_source"):
        statuts[c.source].append(c)
    for c in CorrespondanceType.objects.order_by("source", "type_source"):
        types[c.source].append(c)
    vus_statuts, vus_types = _vus()
    return [
        {"nom": nom, "equipements": comptes.get(nom, 0), "statuts": statuts[nom],
         "types": types[nom], "statuts_vus": vus_statuts.get(nom, {}),
         "types_vus": vus_types.get(nom, {})}
        for nom in sorted(noms)
    ]  # fmt: skip


def _vus() -> tuple[dict, dict]:
    """{source: {status of the source: item count}}, and the same for types."""
    statuts, types = defaultdict(dict), defaultdict(dict)
    for source, statut, n in (
        Equipement.objects.order_by()
        .values_list("source", "statut_source")
        .annotate(n=Count("pk"))
        .values_list("source", "statut_source", "n")
    ):
        statuts[source][statut] = n
    for source, type_, n in (
        Equipement.objects.order_by()
        .values_list("source", "type_source")
        .annotate(n=Count("pk"))
        .values_list("source", "type_source", "n")
    ):
        types[source][type_] = n
    return dict(statuts), dict(types)
