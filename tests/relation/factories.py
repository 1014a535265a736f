"""Services, démarches with their channels, and requests recorded through the services (so
that counters and history are those of real use)."""

from datetime import date

import factory
from factory.django import DjangoModelFactory

from sun.relation.models import Canal, Demarche, ServiceInstructeur
from sun.relation.registre.services import Coordonnees, enregistrer_demande


class ServiceFactory(DjangoModelFactory):
    class Meta:
        model = ServiceInstructeur
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"service-{n}")
    nom = factory.Sequence(lambda n: f"Direction n° {n}")
    adresse_postale = "Hôtel du Département, allée Raymond-Courrière, 11855 Carcassonne Cedex 9"
    telephone = "04 68 11 68 11"
    courriel = "accueil@example.fr"
    horaires = "du lundi au vendredi, de 8 h 30 à 17 h"


class DemarcheFactory(DjangoModelFactory):
    class Meta:
        model = Demarche
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"demarche-{n}")
    titre = factory.Sequence(lambda n: f"Demander l'aide n° {n}")
    resume = "Une aide pour vivre chez soi. Vous remplissez un dossier. Le service vous répond."
    publics = ["particuliers"]
    theme = "autonomie"
    service = factory.SubFactory(ServiceFactory)
    regime = "sva"
    delai_valeur = 2
    delai_unite = "mois"
    base_legale = "CRPA L231-1"
    ouverte_le = date(2016, 1, 1)

    @factory.post_generation
    def canaux(self, create, extracted, **kwargs):
        if not create:
            return
        for ordre, valeurs in enumerate(
            extracted or [{"type": "courrier", "adresse": "BP 1, 11000 Carcassonne"}]
        ):
            Canal.objects.create(demarche=self, ordre=ordre, **valeurs)


def demande(
    demarche=None,
    *,
    recue_le=date(2024, 1, 10),
    canal="telephone",
    nom="Jeanne Martin",
    courriel="jeanne@example.fr",
    code_postal="11000",
    aujourd_hui=date(2024, 6, 1),
    **autres,
):
    """A request recorded as an agent would (today is `aujourd_hui`)."""
    return enregistrer_demande(
        demarche or DemarcheFactory(), canal=canal, recue_le=recue_le,
        coordonnees=Coordonnees(nom=nom, courriel=courriel, code_postal=code_postal),
        aujourd_hui=aujourd_hui, **autres,
    )  # fmt: skip
