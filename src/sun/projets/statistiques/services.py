"""The writes of the typology of hotline calls (schéma 11.3): add a type, rename it (its
sub-types follow), deactivate or reactivate it (kept for history), merge two types (the
requests of the one merged move to the other, which remains). Each checks before writing,
inside one transaction, and raises Refus with a French message."""

from django.db import transaction

from sun.projets.erreurs import Refus
from sun.projets.models import Demande, TypeDemande
from sun.projets.models.demandes import Nature
from sun.projets.statistiques.typologie import LONGUEUR_MAX, SEPARATEUR, cle, normaliser


def _libelle(libelle: str) -> str:
    propre = normaliser(libelle)
    if not propre:
        raise Refus("Indiquez le libellé du type, par exemple « Logiciel > Messagerie ».",
                    champ="libelle")  # fmt: skip
    if any(not m for m in propre.split(SEPARATEUR)):
        raise Refus("Le chemin du type a un niveau vide : écrivez par exemple « Logiciel > "
                    "Messagerie », sans « > » au début, à la fin ni en double.", champ="libelle")  # fmt: skip
    if len(propre) > LONGUEUR_MAX:
        raise Refus(f"Libellé trop long : {LONGUEUR_MAX} caractères au plus.", champ="libelle")
    return propre


def _pris(libelle: str, sauf: set[int] = frozenset()) -> TypeDemande | None:
    voulu = cle(libelle)
    return next((t for t in TypeDemande.objects.exclude(pk__in=sauf) if cle(t.libelle) == voulu),
                None)  # fmt: skip


def _nature(nature: str) -> str:
    if nature and nature not in Nature.values:
        raise Refus("Nature inconnue : évolution, incident ou question.", champ="nature")
    return nature


@transaction.atomic
def ajouter_type(libelle: str, nature: str = "") -> TypeDemande:
    """A new type of the typology (origin SUN)."""
    libelle, nature = _libelle(libelle), _nature(nature)
    if existant := _pris(libelle):
        raise Refus(f"Le type « {existant.libelle} » existe déjà.", champ="libelle")
    return TypeDemande.objects.create(libelle=libelle, nature=nature,
                                      source=TypeDemande.Source.SUN)  # fmt: skip


@transaction.atomic
def renommer_type(type_: TypeDemande, libelle: str, nature: str | None = None) -> TypeDemande:
    """Rename a type; the types below it (« Ancien > … ») follow. Refused if a new label is
    taken by another type."""
    libelle = _libelle(libelle)
    ancien = type_.libelle
    dessous = list(TypeDemande.objects.filter(libelle__startswith=ancien + SEPARATEUR))
    renommes = {t.pk: libelle + t.libelle[len(ancien) :] for t in dessous}
    groupe = {type_.pk, *renommes}
    for nouveau in [libelle, *renommes.values()]:
        if len(nouveau) > LONGUEUR_MAX:
            raise Refus(f"Libellé trop long pour un sous-type : « {nouveau[:60]}… ».",
                        champ="libelle")  # fmt: skip
        if existant := _pris(nouveau, groupe):
            raise Refus(f"Le type « {existant.libelle} » existe déjà : choisissez un autre "
                        "libellé ou fusionnez les deux types.", champ="libelle")  # fmt: skip
    if nature is not None:
        type_.nature = _nature(nature)
    type_.libelle = libelle
    type_.save(update_fields=["libelle", "nature"])
    for t in dessous:
        t.libelle = renommes[t.pk]
        t.save(update_fields=["libelle"])
    return type_


@transaction.atomic
def changer_activite(type_: TypeDemande, actif: bool) -> TypeDemande:
    """Deactivate a type (no longer offered, its requests keep it) or reactivate it."""
    type_.actif = bool(actif)
    type_.save(update_fields=["actif"])
    return type_


@transaction.atomic
def fusionner_types(absorbe: TypeDemande, cible: TypeDemande) -> int:
    """Move the requests of `absorbe` to `cible`, then delete `absorbe`; the number moved.
    (Re-importing known tickets does not create it again; a new ticket of that GLPI
    category would.)"""
    if absorbe is None or cible is None:
        raise Refus("Choisissez les deux types à fusionner.", champ="cible")
    if absorbe.pk == cible.pk:
        raise Refus("Choisissez deux types différents.", champ="cible")
    if TypeDemande.objects.filter(libelle__startswith=absorbe.libelle + SEPARATEUR).exists():
        raise Refus(f"« {absorbe.libelle} » a des sous-types : fusionnez-les ou renommez-les "
                    "d'abord.", champ="absorbe")  # fmt: skip
    deplaces = Demande.objects.filter(type=absorbe).update(type=cible)
    absorbe.delete()
    return deplaces
