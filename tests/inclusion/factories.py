"""Places, structures, médiateurs and their activity, built straight in the database.

For tests of what reads the register (pages, searches, the network, statistics). Tests of the
import itself go through `importer_lieux` with the rows of tests/inclusion/outils.py instead.
Every place lies in a real commune of the loaded territory (Carcassonne unless told), near its
centre, and is located exactly.
"""

from datetime import UTC, date, datetime

import factory
from factory.django import DjangoModelFactory

from sun.inclusion.models import (
    Activite,
    Lieu,
    LieuActivite,
    Mediateur,
    Orientation,
    PaireDoublon,
    SignalementErreur,
    Structure,
)
from tests.territoire.factories import commune

DEMARCHES = "Aide aux démarches administratives"
OUTILS = "Maîtrise des outils numériques du quotidien"


class StructureFactory(DjangoModelFactory):
    class Meta:
        model = Structure
        django_get_or_create = ("pivot",)

    pivot = factory.Sequence(lambda n: f"{22110000000000 + n}")
    nom = factory.Sequence(lambda n: f"Structure n° {n}")
    adresse = "1 place de la Mairie"
    commune_ref = factory.LazyFunction(commune)


class LieuFactory(DjangoModelFactory):
    """`LieuFactory(commune_ref=commune("11206"))` puts the place in Limoux, address included."""

    class Meta:
        model = Lieu

    nom = factory.Sequence(lambda n: f"Espace numérique n° {n}")
    commune_ref = factory.LazyFunction(commune)
    commune = factory.LazyAttribute(lambda o: o.commune_ref.nom)
    code_insee = factory.LazyAttribute(lambda o: o.commune_ref.code_insee)
    code_postal = factory.LazyAttribute(lambda o: (o.commune_ref.codes_postaux or [""])[0])
    adresse = factory.Sequence(lambda n: f"{n + 1} rue de la République")
    # A few hundred metres apart, around the centre of the commune.
    latitude = factory.LazyAttributeSequence(lambda o, n: o.commune_ref.latitude + (n % 7) * 0.001)
    longitude = factory.LazyAttributeSequence(
        lambda o, n: o.commune_ref.longitude + (n % 5) * 0.001
    )
    precision_localisation = Lieu.Precision.EXACTE
    typologie = factory.LazyFunction(lambda: ["EPN"])
    telephone = factory.Sequence(lambda n: f"+334681{n % 100000:05d}")
    horaires = "Tu-Fr 14:00-18:00; Sa 09:00-12:00"
    services = factory.LazyFunction(lambda: [DEMARCHES, OUTILS])
    frais_a_charge = factory.LazyFunction(lambda: ["Gratuit"])
    modalites_acces = factory.LazyFunction(lambda: ["Se présenter"])
    source = "Hub test"
    date_maj = date(2024, 5, 2)


class MediateurFactory(DjangoModelFactory):
    class Meta:
        model = Mediateur

    prenom = factory.Sequence(lambda n: f"Camille{n}")
    nom = factory.Sequence(lambda n: f"Martin{n}")
    profil = Mediateur.Profil.CONSEILLER_NUMERIQUE
    employeur = factory.SubFactory(StructureFactory)
    courriel = factory.LazyAttribute(lambda m: f"{m.prenom}.{m.nom}@example.fr".lower())


class LieuActiviteFactory(DjangoModelFactory):
    """A médiateur working at a place since `debut` (still there unless `fin` is given)."""

    class Meta:
        model = LieuActivite

    mediateur = factory.SubFactory(MediateurFactory)
    lieu = factory.SubFactory(LieuFactory)
    debut = date(2024, 1, 2)


class ActiviteFactory(DjangoModelFactory):
    """An individual accompaniment at a place, entered in SUN; `type="collectif"` with
    `accompagnements=N` for a workshop of N participants."""

    class Meta:
        model = Activite

    type = "individuel"
    mediateur = factory.SubFactory(MediateurFactory)
    date = date(2025, 3, 10)
    duree = 45
    type_lieu = "lieu_activite"
    lieu = factory.SubFactory(LieuFactory)
    commune = factory.LazyAttribute(lambda a: a.lieu.commune_ref if a.lieu else commune())
    thematiques = factory.LazyFunction(lambda: ["email"])
    accompagnements = 1
    source = Activite.Source.SAISIE
    creation = datetime(2025, 3, 10, 10, 0, tzinfo=UTC)


class PaireDoublonFactory(DjangoModelFactory):
    """Two places of the same name next door, waiting for a coordinator."""

    class Meta:
        model = PaireDoublon

    lieu_a = factory.SubFactory(LieuFactory, nom="Médiathèque Grain d'Aile")
    lieu_b = factory.SubFactory(
        LieuFactory,
        nom="Médiathèque Grain d'Aile",
        commune_ref=factory.SelfAttribute("..lieu_a.commune_ref"),
    )
    score = 72
    details = factory.LazyFunction(lambda: {"nom": 1.0, "adresse": 0.9, "distance_m": 30})


class SignalementFactory(DjangoModelFactory):
    class Meta:
        model = SignalementErreur

    lieu = factory.SubFactory(LieuFactory)
    sujet = SignalementErreur.Sujet.HORAIRES
    message = "Le lieu est fermé le mardi désormais."


class OrientationFactory(DjangoModelFactory):
    """A person oriented at a desk, towards the places given (their identifiers)."""

    class Meta:
        model = Orientation

    commune = factory.LazyFunction(commune)
    niveau = "debutant"
    besoins = factory.LazyFunction(lambda: ["demarche"])
    services = factory.LazyFunction(lambda: [DEMARCHES])
    lieux_proposes = factory.LazyFunction(list)
    lieux_retenus = factory.LazyFunction(list)
