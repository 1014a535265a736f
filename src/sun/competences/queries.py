"""Reads of the organisation (directions, people); each wing keeps its own reads in its
`queries.py` (formations/, diagnostic/, referents/)."""

from django.db import models


class Demonstration(models.QuerySet):
    def reels(self):
        return self.filter(demonstration=False)

    def de_demonstration(self):
        return self.filter(demonstration=True)


class DirectionQuerySet(Demonstration):
    pass


class PersonneQuerySet(Demonstration):
    pass
