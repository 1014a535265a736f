"""Reads of the network directory: who works where, filterable by commune, EPCI and programme;
the employers; a médiateur's record and places."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from sun.inclusion.models import LieuActivite, Mediateur, Structure
from sun.territoire.models import Commune

PROGRAMMES = {
    "conseillers_numeriques": "Conseillers numériques",
    "aidants_connect": "Aidants Connect",
    "france_services": "France Services",
    "coordination": "Coordination",
}


@dataclass
class FiltresAnnuaire:
    q: str = ""
    commune: str = ""  # code INSEE of a place where the médiateur works
    epci: str = ""  # SIREN
    programme: str = ""
    profil: str = ""
    anciens: bool = False  # include médiateurs no longer active

    @classmethod
    def depuis(cls, donnees) -> "FiltresAnnuaire":
        programme = donnees.get("programme", "")
        profil = donnees.get("profil", "")
        return cls(
            q=donnees.get("q", "").strip()[:100],
            commune=donnees.get("commune", "").strip()[:5],
            epci=donnees.get("epci", "").strip()[:9],
            programme=programme if programme in PROGRAMMES else "",
            profil=profil if profil in Mediateur.Profil.values else "",
            anciens=donnees.get("anciens") == "1",
        )


def lieux_en_cours(le: date | None = None) -> Q:
    """Q on LieuActivite: the médiateur works there on `le` (today by default)."""
    le = le or date.today()
    return Q(debut__lte=le) & (Q(fin__isnull=True) | Q(fin__gte=le))


def annuaire(filtres: FiltresAnnuaire) -> QuerySet[Mediateur]:
    mediateurs = Mediateur.objects.select_related("employeur", "employeur__commune_ref")
    if not filtres.anciens:
        mediateurs = mediateurs.filter(actif=True)
    for mot in filtres.q.split():
        mediateurs = mediateurs.filter(
            Q(nom__icontains=mot) | Q(prenom__icontains=mot) | Q(employeur__nom__icontains=mot)
        )
    en_cours = LieuActivite.objects.filter(lieux_en_cours())
    if filtres.commune:
        mediateurs = mediateurs.filter(
            lieux_activite__in=en_cours.filter(lieu__commune_ref__code_insee=filtres.commune)
        )
    if filtres.epci:
        mediateurs = mediateurs.filter(
            lieux_activite__in=en_cours.filter(lieu__commune_ref__epci__code_siren=filtres.epci)
        )
    if filtres.profil:
        mediateurs = mediateurs.filter(profil=filtres.profil)
    if filtres.programme == "conseillers_numeriques":
        mediateurs = mediateurs.filter(
            profil__in=[Mediateur.Profil.CONSEILLER_NUMERIQUE, Mediateur.Profil.COORDINATEUR_CONSEILLER_NUMERIQUE]
        )  # fmt: skip
    elif filtres.programme == "aidants_connect":
        mediateurs = mediateurs.filter(aidant_connect=True)
    elif filtres.programme == "coordination":
        mediateurs = mediateurs.filter(
            profil__in=[Mediateur.Profil.COORDINATEUR, Mediateur.Profil.COORDINATEUR_CONSEILLER_NUMERIQUE]
        )  # fmt: skip
    elif filtres.programme == "france_services":
        mediateurs = mediateurs.filter(
            lieux_activite__in=en_cours.filter(
                lieu__dispositif_programmes_nationaux__contains="France Services"
            )
        )
    return mediateurs.distinct().prefetch_related(
        Prefetch(
            "lieux_activite",
            queryset=en_cours.select_related("lieu", "lieu__commune_ref").order_by("debut"),
            to_attr="lieux_actuels",
        )
    )


def communes_du_reseau() -> QuerySet[Commune]:
    """The communes where at least one médiateur works today (the directory's filter)."""
    return Commune.objects.filter(
        lieux__mediateurs__in=LieuActivite.objects.filter(lieux_en_cours())
    ).distinct().order_by("nom")  # fmt: skip


def structures_du_reseau() -> QuerySet[Structure]:
    """Employers with an active médiateur or a place, with `nb_mediateurs` and `nb_lieux`."""
    return Structure.objects.select_related("commune_ref").annotate(
        nb_mediateurs=Count("mediateurs", filter=Q(mediateurs__actif=True), distinct=True),
        nb_lieux=Count("lieux", distinct=True),
    ).filter(Q(nb_mediateurs__gt=0) | Q(nb_lieux__gt=0)).order_by("nom")  # fmt: skip


def fiche_du_compte(compte) -> Mediateur | None:
    """The directory's record linked to an account, if any."""
    return Mediateur.objects.filter(compte=compte).first()


def mediateurs_detailles() -> QuerySet[Mediateur]:
    return Mediateur.objects.select_related("employeur", "compte")


def lieux_d_activite(mediateur: Mediateur) -> QuerySet[LieuActivite]:
    """Every place where the médiateur works or worked, latest first."""
    return mediateur.lieux_activite.select_related("lieu", "lieu__commune_ref").order_by("-debut")
