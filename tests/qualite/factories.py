"""Queues and calls of the telephone, created directly (the call importers are tested apart).
`Appel.jour`, `jour_semaine` and `demi_heure` follow `debut` in Europe/Paris, as the importer
stores them."""

from datetime import datetime
from zoneinfo import ZoneInfo

import factory
from factory.django import DjangoModelFactory

from sun.qualite.models import Appel, FileAttente, Issue

PARIS = ZoneInfo("Europe/Paris")


class FileAttenteFactory(DjangoModelFactory):
    class Meta:
        model = FileAttente
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"file-{n}")
    nom = factory.Sequence(lambda n: f"Accueil n° {n}")
    service = None


def _local(appel) -> datetime:
    return appel.debut.astimezone(PARIS)


class AppelFactory(DjangoModelFactory):
    class Meta:
        model = Appel

    file = factory.SubFactory(FileAttenteFactory)
    source = "test"
    identifiant = factory.Sequence(lambda n: f"appel-{n}")
    debut = datetime(2024, 3, 4, 9, 10, tzinfo=PARIS)  # a Monday
    jour = factory.LazyAttribute(lambda a: _local(a).date())
    jour_semaine = factory.LazyAttribute(lambda a: _local(a).isoweekday())
    demi_heure = factory.LazyAttribute(lambda a: _local(a).hour * 2 + _local(a).minute // 30)
    issue = Issue.DECROCHE
    attente_s = 10
    conversation_s = 180


def appels(file, nombre: int, debut: datetime, **champs) -> list[Appel]:
    """`nombre` calls of `file` at `debut` (same half-hour), written in one bulk insert."""
    modeles = [AppelFactory.build(file=file, debut=debut, **champs) for _ in range(nombre)]
    return Appel.objects.bulk_create(modeles)
