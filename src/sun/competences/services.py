"""Writes of the organisation: directions and people (each wing has its own services.py).

A member of staff has a `Personne` as soon as they use training or skills pages: created from
their account (`ma_personne`), in the direction they choose (`choisir_ma_direction`)."""

from django.db import transaction

from sun.competences.models import Direction, Personne


def ma_personne(user) -> Personne:
    """The person of `user`'s account, created from the account's names on first use."""
    personne = Personne.objects.filter(compte=user).select_related("direction").first()
    if personne is not None:
        return personne
    with transaction.atomic():
        personne, _ = Personne.objects.get_or_create(
            compte=user,
            defaults={
                "nom": user.last_name or user.username,
                "prenom": user.first_name or "",
                "courriel": user.email or "",
                "categorie": Personne.Categorie.AGENT,
            },
        )
    return personne


def choisir_ma_direction(user, direction: Direction) -> Personne:
    """Record the direction `user` works in (their figures count there, its referents see
    their requests)."""
    personne = ma_personne(user)
    personne.direction = direction
    personne.save(update_fields=["direction"])
    return personne
