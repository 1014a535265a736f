"""Identifiers sent by a form (a hidden field, a choice): a value that is no valid key of the
model names nothing. Looking it up directly would raise (ValueError, ValidationError, an
integer too large for the database) and answer a server error; these helpers answer a 400
page in French instead."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import render

ENTIER_MAX = 2**63 - 1  # the largest key either database stores


def objet_envoye(queryset, valeur):
    """The object of `queryset` whose primary key is `valeur` (text from a form), or None when
    `valeur` is not a valid key or names no object."""
    try:
        cle = queryset.model._meta.pk.to_python(valeur)
    except (ValidationError, TypeError, ValueError):
        return None
    if cle is None or (isinstance(cle, int) and not -ENTIER_MAX <= cle <= ENTIER_MAX):
        return None
    return queryset.filter(pk=cle).first()


def requete_invalide(request, raison: str):
    """The 400 page: what was wrong with the form sent, and what to do."""
    return render(request, "400.html", {"raison": raison}, status=400)


class ChoixMultiplesBornes(forms.ModelMultipleChoiceField):
    """A multiple choice of objects that refuses integer keys beyond the database's range as
    invalid choices (Django's own field lets them reach SQLite, which raises OverflowError)."""

    def _check_values(self, value):
        if isinstance(self.queryset.model._meta.pk, models.IntegerField):
            for cle in value or ():
                try:
                    hors_limites = abs(int(str(cle))) > ENTIER_MAX
                except ValueError:
                    continue  # Django's check says it is no valid key
                if hors_limites:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": cle},
                    )
        return super()._check_values(value)
