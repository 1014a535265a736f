"""Reads of the difficulties reported by communes: the cases a user may see, filtered, their
counts per commune and category (one aggregate query), the rows of the CSV export."""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from sun.comptes.roles import a_role
from sun.connectivite.models import (
    CLOS,
    OUVERTS,
    Categorie,
    EvenementSignalement,
    Signalement,
    Statut,
)
from sun.connectivite.signalements import permissions
from sun.territoire.models import Commune

# Status filters beside the statuses themselves.
GROUPES_STATUT = {"ouverts": ("En cours (non clos)", OUVERTS), "clos": ("Clos", CLOS)}


def visibles(user) -> QuerySet:
    """The cases `user` may see: a commune account, its commune's; agents, administrators
    and partners, every commune of the served département; anyone else, none."""
    cases = Signalement.objects.select_related("commune", "signale_par")
    if permissions.est_traitant(user):
        return cases.filter(commune__departement__code=settings.SUN_DEPARTEMENT)
    compte = permissions.compte_commune(user)
    if compte is None:
        return cases.none()
    return cases.filter(commune_id=compte.commune_id)


def filtrer(cases: QuerySet, commune: str = "", categorie: str = "", statut: str = "") -> QuerySet:
    """Narrow by commune (INSEE code), category and status (a status, « ouverts » or « clos »);
    an unknown value filters nothing out rather than failing."""
    if commune:
        cases = cases.filter(commune__code_insee=commune)
    if categorie in Categorie.values:
        cases = cases.filter(categorie=categorie)
    if statut in GROUPES_STATUT:
        cases = cases.filter(statut__in=GROUPES_STATUT[statut][1])
    elif statut in Statut.values:
        cases = cases.filter(statut=statut)
    return cases


def detail(user, pk: int) -> Signalement | None:
    """The case `pk` with its history, if `user` may see it (None otherwise: the view answers
    404, a commune account never learns that another commune's case exists)."""
    etapes = EvenementSignalement.objects.select_related("auteur").order_by("quand", "pk")
    return (
        visibles(user)
        .select_related("commune__departement")
        .prefetch_related(Prefetch("evenements", queryset=etapes))
        .filter(pk=pk)
        .first()
    )


def cas_des_communes(codes, reels: bool = True) -> dict[str, list[Signalement]]:
    """Every case of each commune of `codes` ({code: [cases, newest first]}), in one query:
    what each commune's sheet lists (demonstration cases left out unless `reels` is False)."""
    cases = Signalement.objects.filter(commune__code_insee__in=list(codes))
    if reels:
        cases = cases.reels()
    par_code: dict[str, list[Signalement]] = {}
    for s in cases.select_related("commune").order_by("commune__code_insee", "-cree_le", "-pk"):
        par_code.setdefault(s.commune.code_insee, []).append(s)
    return par_code


def communes_signalables(user) -> QuerySet:
    """The communes `user` may report for (its own for a commune account)."""
    if a_role(user, permissions.AGENT, permissions.ADMIN):
        return Commune.objects.du_departement(settings.SUN_DEPARTEMENT).order_by("cle_recherche")
    compte = permissions.compte_commune(user)
    if compte is None:
        return Commune.objects.none()
    return Commune.objects.filter(pk=compte.commune_id)


def communes_avec_cas(cases: QuerySet) -> list[tuple[str, str]]:
    """(INSEE code, name) of the communes having at least one of `cases`, by name."""
    return list(
        cases.order_by("commune__nom").values_list("commune__code_insee", "commune__nom").distinct()
    )


@dataclass
class LigneComptes:
    code_insee: str
    nom: str
    par_categorie: list[int] = field(default_factory=list)
    total: int = 0
    ouverts: int = 0
    resolus: int = 0


@dataclass
class Comptes:
    categories: list[tuple[str, str]]  # (value, label) of the categories shown, in order
    lignes: list[LigneComptes]
    total: LigneComptes


def comptes(cases: QuerySet) -> Comptes:
    """Counts per commune and category of `cases` (one aggregate query), with the open and
    solved cases of each commune and the totals; only the categories that occur are columns."""
    rangs = (
        cases.order_by()
        .values("commune__code_insee", "commune__nom", "categorie")
        .annotate(
            n=Count("pk"),
            ouverts=Count("pk", filter=Q(statut__in=OUVERTS)),
            resolus=Count("pk", filter=Q(statut=Statut.RESOLU)),
        )
    )
    rangs = list(rangs)
    presentes = {r["categorie"] for r in rangs}
    categories = [(v, lab) for v, lab in Categorie.choices if v in presentes]
    colonne = {v: i for i, (v, _) in enumerate(categories)}
    par_commune: dict[str, LigneComptes] = {}
    total = LigneComptes("", "Total", [0] * len(categories))
    for r in rangs:
        code = r["commune__code_insee"]
        ligne = par_commune.setdefault(
            code, LigneComptes(code, r["commune__nom"], [0] * len(categories))
        )
        for cible in (ligne, total):
            cible.par_categorie[colonne[r["categorie"]]] += r["n"]
            cible.total += r["n"]
            cible.ouverts += r["ouverts"]
            cible.resolus += r["resolus"]
    lignes = sorted(par_commune.values(), key=lambda lg: (-lg.total, lg.nom))
    return Comptes(categories, lignes, total)


EN_TETE_CSV = [
    "numero", "code_insee", "commune", "categorie", "adresse", "identifiant_ban",
    "nombre_locaux", "statut", "operateur", "signale_le", "transmis_le", "clos_le",
    "description", "demonstration",
]  # fmt: skip


def lignes_csv(cases: QuerySet) -> Iterator[list]:
    """The header then one row per case (no account names: who reported is not exported)."""
    yield EN_TETE_CSV

    def jour(d):  # local time, as on the pages
        return timezone.localtime(d).strftime("%Y-%m-%d %H:%M") if d else ""

    for s in cases.order_by("-cree_le", "pk").iterator(chunk_size=500):
        yield [
            s.pk, s.commune.code_insee, s.commune.nom, s.get_categorie_display(), s.adresse,
            s.identifiant_ban, s.nombre_locaux, s.get_statut_display(), s.operateur,
            jour(s.cree_le), jour(s.transmis_le), jour(s.clos_le), s.description,
            "oui" if s.demonstration else "non",
        ]  # fmt: skip
