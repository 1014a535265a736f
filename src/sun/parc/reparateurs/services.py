"""Writes of the repair directory: create, edit, unpublish and publish again an actor. Every
check is in `verification`; a refusal raises RefusReparateur(message, champ), nothing
written."""

from django.db import transaction

from sun.parc.models import Reparateur
from sun.parc.reparateurs.verification import RefusReparateur, Repertoire, verifier

__all__ = ["RefusReparateur", "creer_reparateur", "depublier", "modifier_reparateur", "publier"]


def _verifie(donnees: dict) -> dict:
    repertoire = Repertoire.pour(str(donnees.get("commune") or ""),
                                 str(donnees.get("code_postal") or "").strip())  # fmt: skip
    return verifier(donnees, repertoire)


def _doublon(champs: dict, sauf: int | None = None) -> None:
    meme = Reparateur.objects.filter(nom__iexact=champs["nom"], code_postal=champs["code_postal"],
                                     demonstration=False).exclude(pk=sauf)  # fmt: skip
    if meme.exists():
        raise RefusReparateur(f"« {champs['nom']} » ({champs['code_postal']}) est déjà dans "
                              "l'annuaire : modifiez sa fiche.", "nom")  # fmt: skip


@transaction.atomic
def creer_reparateur(donnees: dict, *, publie: bool = True,
                     demonstration: bool = False) -> Reparateur:  # fmt: skip
    """A new actor of the directory from a form's or a file's values."""
    champs = _verifie(donnees)
    if not demonstration:
        _doublon(champs)
    return Reparateur.objects.create(**champs, publie=publie, demonstration=demonstration)


@transaction.atomic
def modifier_reparateur(reparateur: Reparateur, donnees: dict) -> Reparateur:
    """Replace the fields of `reparateur` by `donnees`, checked the same way."""
    champs = _verifie(donnees)
    if not reparateur.demonstration:
        _doublon(champs, sauf=reparateur.pk)
    for nom, valeur in champs.items():
        setattr(reparateur, nom, valeur)
    reparateur.save()
    return reparateur


def depublier(reparateur: Reparateur) -> Reparateur:
    """Take the actor off the public directory (kept, with its history of interventions)."""
    if not reparateur.publie:
        raise RefusReparateur(f"« {reparateur.nom} » n'est déjà plus publié.", "publie")
    reparateur.publie = False
    reparateur.save(update_fields=["publie", "date_maj"])
    return reparateur


def publier(reparateur: Reparateur) -> Reparateur:
    if reparateur.publie:
        raise RefusReparateur(f"« {reparateur.nom} » est déjà publié.", "publie")
    reparateur.publie = True
    reparateur.save(update_fields=["publie", "date_maj"])
    return reparateur
