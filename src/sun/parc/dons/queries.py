"""Reads of the donations: what each account sees, the retired items still available, the
items of a donation with their age, and what a place's public page shows."""

import uuid
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear

from sun.parc.cycle_vie import age_en_annees
from sun.parc.dons import lignes, permissions
from sun.parc.models import Don, Equipement, Sortie
from sun.parc.referentiel import Etat, TypeEquipement


def dons_visibles(user) -> QuerySet[Don]:
    dons = Don.objects.select_related("lieu", "lieu__structure")
    if permissions.voit_tout(user):
        return dons
    structures = permissions.structures_de(user)
    if not structures:
        return dons.none()
    return dons.filter(lieu__structure__in=structures)


def filtrer(dons: QuerySet[Don], statut: str = "", texte: str = "") -> QuerySet[Don]:
    if statut in Don.Statut.values:
        dons = dons.filter(statut=statut)
    if texte:
        dons = dons.filter(Q(numero__icontains=texte) | Q(beneficiaire__icontains=texte)
                           | Q(lieu__commune__icontains=texte))  # fmt: skip
    return dons


def don_visible(user, pk) -> Don | None:
    """The donation if `user` may see it, else None (the view answers 404)."""
    don = Don.objects.select_related("lieu", "lieu__structure", "cree_par").filter(pk=pk).first()
    return don if don is not None and permissions.peut_voir(user, don) else None


def par_numero(numero: str) -> Don | None:
    return Don.objects.select_related("lieu").filter(numero=numero.strip().upper()).first()


def disponibles(don: Don, type_: str = "") -> QuerySet[Equipement]:
    """Retired items in no open donation (demonstration items for a demonstration donation)."""
    equipements = (Equipement.objects.filter(etat=Etat.REFORME, demonstration=don.demonstration)
                   .exclude(pk__in=lignes.ids_proposes_ouverts())
                   .select_related("site").order_by("type", "date_reforme", "nom"))  # fmt: skip
    if type_ in TypeEquipement.values:
        equipements = equipements.filter(type=type_)
    return equipements


def equipements(don: Don) -> list[Equipement]:
    """The items of a donation: its exits once handed over, else the items offered."""
    if don.statut == Don.Statut.REMIS:
        return list(Equipement.objects.filter(sortie__don=don).select_related("sortie", "site")
                    .order_by("type", "nom", "cle"))  # fmt: skip
    return list(lignes.equipements_du_don(don).select_related("site"))


def age(equipement: Equipement, jour: date) -> float | None:
    """Age in years on `jour` (None when the acquisition date is unknown)."""
    return age_en_annees(equipement.date_acquisition, jour)


def dons_remis_reels():
    """Handed-over donations that count: real ones (demonstration never counts)."""
    return Don.objects.filter(statut=Don.Statut.REMIS, demonstration=False)


def sorties_donnees(demonstration: bool = False) -> QuerySet[Sortie]:
    """Exits of handed-over donations (real by default), items of the same kind."""
    return Sortie.objects.filter(don__statut=Don.Statut.REMIS, don__demonstration=demonstration,
                                 equipement__demonstration=demonstration)  # fmt: skip


def materiel_recu(lieu) -> list[dict]:
    """What the place's public page shows: items received per year and type (no serial
    number), from the handed-over donations the place chose to show. Demonstration donations
    only on a demonstration place."""
    sorties = Sortie.objects.filter(don__lieu=lieu, don__statut=Don.Statut.REMIS,
                                    don__visible_sur_lieu=True)  # fmt: skip
    if not lieu.demonstration:
        sorties = sorties.filter(don__demonstration=False)
    lignes_ = (sorties.annotate(annee=ExtractYear("date")).values("annee", "equipement__type")
               .annotate(n=Count("pk")).order_by("-annee", "equipement__type"))  # fmt: skip
    libelles = dict(TypeEquipement.choices)
    return [{"annee": l["annee"], "type": libelles.get(l["equipement__type"], "Autre"),
             "nombre": l["n"]} for l in lignes_]  # fmt: skip


def lieux_cherches(texte: str, limite: int = 20) -> list:
    """Places of the register whose name or commune contains `texte` (the choice of the
    receiving place), active ones first."""
    from sun.inclusion.models import Lieu

    texte = (texte or "").strip()
    if len(texte) < 2:
        return []
    return list(Lieu.objects.filter(Q(nom__icontains=texte) | Q(commune__icontains=texte))
                .exclude(statut=Lieu.Statut.FERME).select_related("structure")
                .order_by("nom")[:limite])  # fmt: skip


def lieu(pk):
    """The place of the register `pk` names (a UUID), or None."""
    from sun.inclusion.models import Lieu

    try:
        pk = uuid.UUID(str(pk)) if pk else None
    except ValueError:
        return None
    return Lieu.objects.select_related("structure").filter(pk=pk).first() if pk else None


def equipements_par_pk(ids) -> QuerySet[Equipement]:
    return Equipement.objects.filter(pk__in=list(ids)).order_by("type", "nom", "cle")
