"""Tools, needs, requests, panel members, calls and applications for tests, written straight
to the database (the services have their own tests). Contents are synthetic."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from sun.accessibilite.models import ServiceNumerique
from sun.projets.models import (
    AppelAProjets,
    Candidature,
    Consultation,
    Demande,
    ExpressionBesoin,
    MembrePanel,
    TypeDemande,
)
from tests.competences.factories import DirectionFactory
from tests.pilotage.factories import ActionFactory


class OutilFactory(DjangoModelFactory):
    """A tool of the département: an entry of the register of digital services."""

    class Meta:
        model = ServiceNumerique
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"outil-{n}")
    nom = factory.Sequence(lambda n: f"Outil n° {n}")
    url = factory.LazyAttribute(lambda o: f"https://intranet.example.org/{o.slug}")
    type = "logiciel"
    public = "agents"


class TypeDemandeFactory(DjangoModelFactory):
    class Meta:
        model = TypeDemande
        django_get_or_create = ("libelle",)

    libelle = factory.Sequence(lambda n: f"Logiciel > Type n° {n}")
    nature = "evolution"


class DemandeFactory(DjangoModelFactory):
    class Meta:
        model = Demande

    titre = factory.Sequence(lambda n: f"Pouvoir exporter la liste n° {n} en tableur")
    description = "Aujourd'hui il faut recopier la liste à la main."
    nature = "evolution"
    type = factory.SubFactory(TypeDemandeFactory)
    outil = factory.SubFactory(OutilFactory)
    direction = factory.SubFactory(DirectionFactory)
    creee_le = factory.LazyFunction(timezone.now)


class BesoinFactory(DjangoModelFactory):
    class Meta:
        model = ExpressionBesoin

    titre = factory.Sequence(lambda n: f"Gérer les réservations de salles n° {n}")
    direction = factory.SubFactory(DirectionFactory)


class MembrePanelFactory(DjangoModelFactory):
    class Meta:
        model = MembrePanel

    type = "usager"
    prenom = "Dominique"
    courriel = factory.Sequence(lambda n: f"panel{n}@example.org")
    code_insee = "11069"
    consentement_le = factory.LazyFunction(timezone.now)
    jeton = factory.Sequence(lambda n: f"jeton-de-test-{n:040d}")


class ConsultationFactory(DjangoModelFactory):
    class Meta:
        model = Consultation

    demande = factory.SubFactory(DemandeFactory)
    question = "Cette évolution vous serait-elle utile ?"
    close_le = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))


class AppelFactory(DjangoModelFactory):
    class Meta:
        model = AppelAProjets

    titre = factory.Sequence(lambda n: f"Appel à projets n° {n}")
    financeur = "Agence nationale de la cohésion des territoires"
    programme = "France Numérique Ensemble"
    date_limite = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    beneficiaires = "Collectivités, associations"
    montant_max = 50000
    lien = "https://www.example.org/appel"


class CandidatureFactory(DjangoModelFactory):
    class Meta:
        model = Candidature

    appel = factory.SubFactory(AppelFactory)
    action = factory.SubFactory(ActionFactory)
    montant_demande = 20000
