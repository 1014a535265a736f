"""Reads of the network of digital referents."""

from django.db import models


class ReferentQuerySet(models.QuerySet):
    def actifs(self):
        return self.filter(actif=True)

    def reels(self):
        return self.filter(direction__demonstration=False)

    def pour_annuaire(self):
        """Active referents with their person and direction, in the directory's order."""
        return (self.actifs().select_related("personne", "direction")
                .order_by("direction__nom", "personne__nom", "personne__prenom"))  # fmt: skip

    def pour_gestion(self):
        """Every referent (active or not), for the directory's editors."""
        return self.select_related("personne", "direction").order_by(
            "direction__nom", "-actif", "personne__nom"
        )

    def de_direction(self, code: str):
        return self.filter(direction__code=code)

    def directions_couvertes(self, directions) -> int:
        """How many of `directions` have at least one active referent."""
        return self.actifs().filter(direction__in=directions).values("direction").distinct().count()


def homonyme(direction, nom: str, prenom: str):
    """A person of `direction` with that name and first name (case ignored), or None: adding
    a referent « as a new person » must not duplicate someone already recorded."""
    from sun.competences.models import Personne

    return Personne.objects.filter(direction=direction, nom__iexact=nom,
                                   prenom__iexact=prenom).first()  # fmt: skip
