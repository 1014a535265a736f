"""Reads of the calls for projects, applications and funding."""

from sun.projets.queries import Demonstration


class AppelQuerySet(Demonstration):
    pass


class CandidatureQuerySet(Demonstration):
    def obtenues(self):
        return self.filter(statut="obtenue", montant_obtenu__isnull=False)
