"""Reads of the repair directory: the public list with its filters (activity, commune, EPCI),
the choices the filters offer, the agent list."""

from django.conf import settings
from django.db.models import Max, Q, QuerySet

from sun.parc.models import Activite, Reparateur


def publies() -> QuerySet[Reparateur]:
    return Reparateur.objects.filter(publie=True).select_related("commune", "commune__epci")


def filtres(activite: str = "", commune: str = "", epci: str = "") -> QuerySet[Reparateur]:
    """The published actors doing `activite`, in the commune `commune` (INSEE code) or the EPCI
    `epci` (SIREN); an unknown value filters nothing out but is ignored by the form."""
    actifs = publies()
    if activite in Activite.values:
        # JSON lists: read in Python for SQLite and PostgreSQL alike (a directory is small).
        pks = [pk for pk, a in actifs.values_list("pk", "activites") if activite in (a or [])]
        actifs = actifs.filter(pk__in=pks)
    if commune:
        actifs = actifs.filter(commune__code_insee=commune)
    elif epci:
        actifs = actifs.filter(commune__epci__code_siren=epci)
    return actifs.order_by("demonstration", "commune__nom", "nom")


def communes_avec_acteurs() -> list[tuple[str, str]]:
    """(INSEE code, name) of the communes with a published actor, by name."""
    return list(
        publies().exclude(commune=None).order_by("commune__nom")
        .values_list("commune__code_insee", "commune__nom").distinct()
    )  # fmt: skip


def epcis_du_departement() -> list[tuple[str, str]]:
    from sun.territoire.queries import epcis_du_departement as epcis

    return list(epcis(settings.SUN_DEPARTEMENT).values_list("code_siren", "nom"))


def derniere_mise_a_jour():
    return publies().aggregate(d=Max("date_maj"))["d"]


def compte_demonstration() -> int:
    return publies().filter(demonstration=True).count()


def pour_l_espace(texte: str = "", statut: str = "") -> QuerySet[Reparateur]:
    """Every actor, published or not, for the agent list; `statut`: publie, depublie, demo."""
    acteurs = Reparateur.objects.select_related("commune").order_by("nom")
    if texte:
        acteurs = acteurs.filter(Q(nom__icontains=texte) | Q(commune__nom__icontains=texte))
    if statut == "publie":
        acteurs = acteurs.filter(publie=True)
    elif statut == "depublie":
        acteurs = acteurs.filter(publie=False)
    elif statut == "demo":
        acteurs = acteurs.filter(demonstration=True)
    return acteurs


# --- the indicators ---------------------------------------------------------------------------
def reconditionnements():
    """Who refurbished each real item, as three lists of (equipment, refurbisher or None):
    items bought refurbished, refurbishing events (oldest first), exits to reuse through a
    provider."""
    from sun.parc.models import Equipement, EvenementCycleVie, Sortie
    from sun.parc.referentiel import VOIES_REEMPLOI, Achat

    achats = Equipement.objects.reels().filter(achat=Achat.RECONDITIONNE)
    evenements = EvenementCycleVie.objects.filter(
        genre=EvenementCycleVie.Genre.RECONDITIONNEMENT, equipement__demonstration=False
    ).order_by("date", "enregistre_le", "pk")
    sorties = Sortie.objects.filter(voie__in=VOIES_REEMPLOI, prestataire__isnull=False,
                                    equipement__demonstration=False)  # fmt: skip
    return (
        list(achats.values_list("pk", "reconditionneur_id")),
        list(
            evenements.values_list(
                "equipement_id", "prestataire_id", "equipement__reconditionneur_id"
            )
        ),
        list(sorties.values_list("equipement_id", "prestataire_id")),
    )


def localisation_des_acteurs(pks) -> dict[int, tuple[str | None, str]]:
    """{actor: (département of its commune, postcode)}."""
    lignes = Reparateur.objects.filter(pk__in=list(pks)).values_list(
        "pk", "commune__departement__code", "code_postal"
    )
    return {pk: (departement, code_postal) for pk, departement, code_postal in lignes}


def acteurs_reels_publies(codes_insee: list[str] | None):
    """(activities, last update) of the published real actors, in the communes `codes_insee`
    (all when None)."""
    acteurs = Reparateur.objects.filter(publie=True, demonstration=False)
    if codes_insee is not None:
        acteurs = acteurs.filter(commune__code_insee__in=codes_insee)
    return list(acteurs.values_list("activites", "date_maj"))
