"""Directions, people, sessions, registrations, diagnoses and referents for tests, written
straight to the database (the services have their own tests). Contents are synthetic."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from sun.competences.models import Diagnostic, Direction, Inscription, Personne, Referent, Session


class DirectionFactory(DjangoModelFactory):
    class Meta:
        model = Direction
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"direction-{n}")
    nom = factory.Sequence(lambda n: f"Direction n° {n}")
    sigle = factory.Sequence(lambda n: f"D{n}")


class PersonneFactory(DjangoModelFactory):
    class Meta:
        model = Personne

    nom = factory.Sequence(lambda n: f"Nom{n}")
    prenom = "Camille"
    courriel = factory.Sequence(lambda n: f"personne{n}@example.org")
    categorie = Personne.Categorie.AGENT
    direction = factory.SubFactory(DirectionFactory)
    consentement_le = factory.LazyAttribute(
        lambda o: timezone.now() if o.categorie == Personne.Categorie.ELU else None
    )


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = Session

    titre = factory.Sequence(lambda n: f"Session n° {n}")
    theme = "cybersecurite"
    publics = factory.LazyFunction(lambda: ["agents", "encadrants"])
    competences = factory.LazyFunction(lambda: ["4.1", "4.2"])
    organisme = "cnfpt"
    format = "presentiel"
    duree_heures = 7
    debut = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    fin = factory.LazyAttribute(lambda o: o.debut + timedelta(hours=7))
    lieu = "Carcassonne, Hôtel du Département"
    places = 12


class InscriptionFactory(DjangoModelFactory):
    class Meta:
        model = Inscription

    session = factory.SubFactory(SessionFactory)
    personne = factory.SubFactory(PersonneFactory)
    categorie = factory.LazyAttribute(lambda o: o.personne.categorie)
    direction = factory.LazyAttribute(lambda o: o.personne.direction)


class DiagnosticFactory(DjangoModelFactory):
    class Meta:
        model = Diagnostic

    personne = factory.SubFactory(PersonneFactory)
    reponses = factory.LazyFunction(lambda: {})


class ReferentFactory(DjangoModelFactory):
    class Meta:
        model = Referent

    direction = factory.SubFactory(DirectionFactory)
    personne = factory.SubFactory(PersonneFactory, direction=factory.SelfAttribute("..direction"))
    perimetre = "Tous les services de la direction"
    courriel = factory.Sequence(lambda n: f"referent{n}@example.org")
    questions = "Messagerie\nImprimantes\nAccès aux applications"
