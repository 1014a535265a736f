"""Reads of the organisation (directions, people); each wing keeps its own reads in its
`queries.py` (formations/, diagnostic/, referents/)."""

from django.db import models
from django.db.models import Count, Q


class Demonstration(models.QuerySet):
    def reels(self):
        return self.filter(demonstration=False)

    def de_demonstration(self):
        return self.filter(demonstration=True)


class DirectionQuerySet(Demonstration):
    def par_code(self, code: str):
        """The direction of that code, or None."""
        return self.filter(code=code).first()

    def avec_effectifs(self):
        """Each direction with `nb_personnes` (agents and managers recorded in it)."""
        return self.annotate(
            nb_personnes=Count("personnes", filter=~Q(personnes__categorie="elu"), distinct=True)
        )

    def codes_existants(self, codes) -> set[str]:
        return set(self.filter(code__in=list(codes)).values_list("code", flat=True))


class PersonneQuerySet(Demonstration):
    def agents(self):
        """Agents and managers (not the elected officials)."""
        return self.exclude(categorie="elu")

    def elus(self):
        return self.filter(categorie="elu")

    def encadrants(self):
        return self.filter(categorie="encadrant")

    def recherche(self, texte: str = ""):
        """People whose name, first name or e-mail contains each word of `texte`."""
        qs = self
        for mot in (texte or "").split():
            qs = qs.filter(Q(nom__icontains=mot) | Q(prenom__icontains=mot)
                           | Q(courriel__icontains=mot))  # fmt: skip
        return qs

    def equipe_de(self, personne):
        """The team of a manager: the people whose recorded manager is `personne` (a manager
        may register them to a session)."""
        if personne is None:
            return self.none()
        return self.filter(responsable=personne)

    def pour_liste(self):
        return self.select_related("direction", "responsable")
