"""Writes of activity records: create or update one (quick form, CSV template, La Coop), edit
or delete an entry made in SUN."""

from django.db import models, transaction
from django.utils import timezone

from sun.core.versions import donnees_ecrites
from sun.inclusion.models import Activite


def _comparable(valeur):
    return valeur.pk if isinstance(valeur, models.Model) else valeur


def _valeur_actuelle(activite: Activite, champ: str):
    """The stored value, a foreign key as its id (no query for the related row)."""
    if activite._meta.get_field(champ).is_relation:
        return getattr(activite, f"{champ}_id")
    return getattr(activite, champ)


@transaction.atomic
def enregistrer_activite(
    valeurs: dict, source: str, identifiant_source: str = "", saisi_par=None, **autres
) -> tuple[Activite, str]:
    """Create or update one activity; returns it and « nouvelle », « modifiee » or « inchangee ».
    Who entered it and when it was created are set once, at creation."""
    valeurs = {**valeurs, **autres}
    creation = valeurs.pop("creation", None)
    existante = None
    if identifiant_source:
        existante = Activite.objects.filter(
            source=source, identifiant_source=identifiant_source
        ).first()
    if existante is None:
        activite = Activite.objects.create(
            source=source, identifiant_source=identifiant_source, saisi_par=saisi_par,
            creation=creation or timezone.now(), **valeurs,
        )  # fmt: skip
        return activite, "nouvelle"
    if creation is not None:
        valeurs["creation"] = creation
    changes = [
        c for c, val in valeurs.items() if _valeur_actuelle(existante, c) != _comparable(val)
    ]
    if not changes:
        return existante, "inchangee"
    for c in changes:
        setattr(existante, c, valeurs[c])
    existante.save(update_fields=changes)
    return existante, "modifiee"


@transaction.atomic
def modifier_activite(activite: Activite, valeurs: dict) -> Activite:
    """Apply checked values to an activity entered in SUN (who entered it is kept)."""
    valeurs = {c: v for c, v in valeurs.items() if c != "creation"}
    for champ, valeur in valeurs.items():
        setattr(activite, champ, valeur)
    activite.modification = timezone.now()
    activite.save()
    return activite


def supprimer_activite(activite: Activite) -> None:
    """Delete an activity entered in SUN (imported records are never deleted here)."""
    activite.delete()
    donnees_ecrites(Activite)
