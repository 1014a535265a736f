"""Writes to the network directory: employers, médiateurs' records, the places where they
work."""

from datetime import date

from django import forms
from django.db import transaction

from sun.inclusion.models import Lieu, LieuActivite, Mediateur, Structure


def creer_structure(form: forms.ModelForm) -> Structure:
    """Create an employer from a validated structure form (its commune from the INSEE code)."""
    return form.save()


def enregistrer_mediateur(form: forms.ModelForm) -> Mediateur:
    """Create or update a médiateur's record from a validated form (and, when an administrator
    filled it in, the account linked to it)."""
    return form.save()


@transaction.atomic
def ajouter_lieu_activite(mediateur: Mediateur, lieu: Lieu, debut: date) -> LieuActivite:
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
