"""Reads of the register of lieux for the agent space: the filtered list, a place's history,
the imports, the review queues (duplicates, error reports), and the desk orientations with
their statistics."""

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from sun.core.models import JournalImport
from sun.core.queries import journal_des_imports
from sun.inclusion.lieux import orientation as o
from sun.inclusion.models import (
    HistoriqueLieu,
    Lieu,
    Orientation,
    PaireDoublon,
    SignalementErreur,
    SourceLieu,
)

NIVEAUX = {n.code: n for n in o.NIVEAUX}


class LieuQuerySet(QuerySet):
    """Chainable filters of the register's list; an empty or unknown value filters nothing."""

    def cherchant(self, texte: str) -> "LieuQuerySet":
        """Every word in the name, the commune, or equal to the postal code or the SIRET."""
        filtre = Q()
        for mot in texte.split():
            filtre &= (
                Q(nom__icontains=mot)
                | Q(commune__icontains=mot)
                | Q(code_postal=mot)
                | Q(pivot=mot)
            )
        return self.filter(filtre) if texte else self

    def au_statut(self, statut: str) -> "LieuQuerySet":
        return self.filter(statut=statut) if statut in Lieu.Statut.values else self

    def de_la_source(self, source: str) -> "LieuQuerySet":
        return self.filter(sources__source=source).distinct() if source else self


def registre() -> LieuQuerySet:
    """The register's places by name, with their structure."""
    return LieuQuerySet(Lieu).select_related("structure").order_by("nom")


def lieu_detaille() -> QuerySet[Lieu]:
    return Lieu.objects.select_related("structure", "commune_ref")


def lieu_public() -> QuerySet[Lieu]:
    """Places with their commune and its département (the public page of a place)."""
    return Lieu.objects.select_related("commune_ref__departement")


def sources_du_registre() -> QuerySet:
    """The names of the sources places were imported from, sorted."""
    return SourceLieu.objects.order_by("source").values_list("source", flat=True).distinct()


def historique(lieu: Lieu, nombre: int = 100) -> QuerySet[HistoriqueLieu]:
    return lieu.historique.select_related("auteur", "import_lieux")[:nombre]


def derniers_imports(nombre: int = 10) -> QuerySet[JournalImport]:
    """The last imports of places, from the record of every import."""
    return journal_des_imports("lieux")[:nombre]


def paires_a_revoir(source: str = "", score_min: int = 0) -> QuerySet[PaireDoublon]:
    """Pairs of possible duplicates the comparison could not settle alone, with both places,
    the most alike first; `source`: pairs where one place comes from that import source."""
    paires = PaireDoublon.objects.filter(statut=PaireDoublon.Statut.A_REVOIR, score__gte=score_min)
    if source:
        lieux = SourceLieu.objects.filter(source=source, disparu_le=None).values("lieu_id")
        paires = paires.filter(Q(lieu_a__in=lieux) | Q(lieu_b__in=lieux))
    return (
        paires.select_related("lieu_a", "lieu_b")
        .prefetch_related("lieu_a__sources", "lieu_b__sources").order_by("-score", "pk")
    )  # fmt: skip


def sources_des_paires() -> list[tuple[str, int]]:
    """Import sources of the places waiting in the review queue, with their number of pairs."""
    en_attente = PaireDoublon.objects.filter(statut=PaireDoublon.Statut.A_REVOIR).order_by()
    dans_la_file = Q(lieu__in=en_attente.values("lieu_a")) | Q(lieu__in=en_attente.values("lieu_b"))
    sources = (
        SourceLieu.objects.filter(dans_la_file, disparu_le=None)
        .values_list("source", flat=True).distinct().order_by("source")
    )  # fmt: skip
    return [(s, paires_a_revoir(s).count()) for s in sources]


def signalements(statut: str) -> QuerySet[SignalementErreur]:
    """The error reports of a status, with their place and who closed them."""
    return SignalementErreur.objects.filter(statut=statut).select_related("lieu", "traite_par")


# --- desk orientation -------------------------------------------------------------------------
def lieux_dans_l_ordre(identifiants: list[str]) -> list[Lieu]:
    """The places of `identifiants` (their primary keys as text) that still exist, in order."""
    par_id = {str(pk): lieu for pk, lieu in Lieu.objects.in_bulk(identifiants).items()}
    return [par_id[i] for i in identifiants if i in par_id]


def orientations() -> QuerySet[Orientation]:
    return Orientation.objects.select_related("commune")


def statistiques_orientations() -> dict:
    """Counts only: in all, per month (24 latest), per level, per need, per commune (30 first)."""
    tout = Orientation.objects.all()
    par_besoin: dict[str, int] = {}
    for besoins in tout.values_list("besoins", flat=True):
        for besoin in besoins:
            par_besoin[besoin] = par_besoin.get(besoin, 0) + 1
    return {
        "total": tout.count(),
        "par_mois": tout.annotate(mois=TruncMonth("date")).values("mois")
        .annotate(nombre=Count("id")).order_by("-mois")[:24],
        "par_niveau": [(NIVEAUX[c["niveau"]].libelle if c["niveau"] in NIVEAUX else c["niveau"], c["nombre"])
                       for c in tout.values("niveau").annotate(nombre=Count("id")).order_by("-nombre")],
        "par_besoin": sorted(((o.BESOINS[b][0], n) for b, n in par_besoin.items() if b in o.BESOINS),
                             key=lambda x: -x[1]),
        "par_commune": tout.exclude(commune=None).values("commune__nom", "commune__code_insee")
        .annotate(nombre=Count("id")).order_by("-nombre")[:30],
    }  # fmt: skip
