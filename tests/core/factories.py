"""The journal of imports (every kind of import records a line there)."""

import factory
from factory.django import DjangoModelFactory

from sun.core.models import JournalImport


class JournalImportFactory(DjangoModelFactory):
    """An import of places that went through, by `auteur` if given."""

    class Meta:
        model = JournalImport

    genre = "lieux"
    libelle = "Lieux de médiation numérique"
    source = "Hub test"
    fichier = factory.Sequence(lambda n: f"lieux-{n}.csv")
    format = "CSV, standard v1"
    statut = JournalImport.Statut.ENREGISTRE
    compteurs = factory.LazyFunction(lambda: {"lues": 2, "nouveaux": 2})
