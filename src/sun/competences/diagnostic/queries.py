"""Reads of the skills diagnoses (never a person's answers outside their own pages)."""

from sun.competences.queries import Demonstration


class DiagnosticQuerySet(Demonstration):
    def termines(self):
        return self.filter(termine_le__isnull=False)

    def brouillons(self):
        return self.filter(termine_le__isnull=True)
