"""The network directory: who works where, filterable by commune, EPCI and programme, and the
writes a médiateur or an administrator makes on a record."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet

from sun.comptes.roles import Role, a_role
from sun.inclusion.models import LieuActivite, Mediateur

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


def peut_modifier(user, mediateur: Mediateur) -> bool:
    """Administrators edit every record; a médiateur edits their own."""
    if a_role(user, Role.ADMINISTRATEUR):
        return True
    return a_role(user, Role.MEDIATEUR) and mediateur.compte_id == user.pk


def peut_creer(user) -> bool:
    return a_role(user, Role.ADMINISTRATEUR)


@transaction.atomic
def ajouter_lieu_activite(mediateur: Mediateur, lieu, debut: date) -> LieuActivite:
    activite, _ = LieuActivite.objects.get_or_create(mediateur=mediateur, lieu=lieu, debut=debut)
    return activite


@transaction.atomic
def terminer_lieu_activite(lieu_activite: LieuActivite, fin: date) -> None:
    if fin < lieu_activite.debut:
        raise ValueError(
            f"La date de fin ({fin:%d/%m/%Y}) précède le début ({lieu_activite.debut:%d/%m/%Y})."
        )
    lieu_activite.fin = fin
    lieu_activite.save(update_fields=["fin"])
