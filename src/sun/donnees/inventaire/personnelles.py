"""Which fields of SUN's models hold personal data, by name: the test that keeps the register
of SUN's own processing true (tests/donnees/test_inventaire_registre.py) walks every concrete
model of the `sun.*` apps with this rule, and every field it finds must belong to a model a
processing of `traitements_sun` covers, or be in `NON_PERSONNELS` with the reason why it is
not personal data."""

from collections.abc import Iterable

from django.conf import settings
from django.db import models

# Words that, as one part of a field's name (split on « _ »), say it may identify or describe
# a person: identity and contact, free text written by a person, an address, a network address.
MOTS_PERSONNELS = frozenset({
    "nom", "prenom", "courriel", "courriels", "email", "telephone", "adresse", "appelant",
    "ip", "contact", "commentaire", "commentaires", "texte", "message", "verbatim",
    "beneficiaire", "destinataire", "responsable", "referent", "auteur", "constat",
})  # fmt: skip


def est_compte(champ) -> bool:
    """A relation to an account (auth.User): who wrote, decided or owns a record."""
    modele = getattr(champ, "related_model", None)
    return modele is not None and modele._meta.label == settings.AUTH_USER_MODEL


def est_personnel(champ) -> bool:
    if not getattr(champ, "concrete", False) and not isinstance(champ, models.ManyToManyField):
        return False
    if champ.is_relation:
        return est_compte(champ)
    return bool(MOTS_PERSONNELS & set(champ.name.lower().split("_")))


def modeles_de_sun() -> list[type[models.Model]]:
    from django.apps import apps

    return [m for m in apps.get_models()
            if m.__module__.startswith("sun.") and not m._meta.abstract
            and not m._meta.proxy]  # fmt: skip


def champs_personnels(modeles: Iterable[type[models.Model]]) -> list[str]:
    """« app_label.Modele.champ » of every field the rule finds, in the models given."""
    trouves = []
    for modele in modeles:
        for champ in modele._meta.get_fields(include_hidden=False):
            if champ.auto_created and not champ.concrete:
                continue
            if est_personnel(champ):
                trouves.append(f"{modele._meta.label}.{champ.name}")
    return trouves
