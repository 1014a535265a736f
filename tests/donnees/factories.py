"""Datasets, resources, inventory entries and retention rules for tests, written straight to
the database (the services have their own tests). Contents are synthetic."""

import factory
from factory.django import DjangoModelFactory

from sun.donnees.models import (
    EntreeInventaire,
    JeuDeDonnees,
    PointDepart,
    RegleConservation,
    Ressource,
    SortFinal,
    StatutJeu,
)


class JeuFactory(DjangoModelFactory):
    class Meta:
        model = JeuDeDonnees

    slug = factory.Sequence(lambda n: f"jeu-{n}")
    titre = factory.Sequence(lambda n: f"Jeu de données n° {n}")
    description = "Un jeu de données de test, décrit en plus de quelques mots."
    editeur = "Département de l'Aude"
    contact_nom = "Service de la donnée"
    contact_email = "donnees@example.org"
    themes = factory.LazyFunction(lambda: ["institutions"])
    mots_cles = factory.LazyFunction(lambda: ["test"])
    couverture_spatiale = factory.LazyFunction(lambda: ["11"])
    frequence = "annual"
    statut = StatutJeu.BROUILLON


class RessourceFactory(DjangoModelFactory):
    class Meta:
        model = Ressource

    jeu = factory.SubFactory(JeuFactory)
    titre = factory.Sequence(lambda n: f"Fichier n° {n}")
    format = "csv"


class EntreeInventaireFactory(DjangoModelFactory):
    class Meta:
        model = EntreeInventaire

    nom = factory.Sequence(lambda n: f"Base n° {n}")
    service = "Direction des solidarités"
    finalite = "Suivre les aides accordées."


class RegleFactory(DjangoModelFactory):
    class Meta:
        model = RegleConservation
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"R-{n:04d}")
    typologie = "Dossiers de test"
    dua_valeur = 5
    point_depart = PointDepart.CLOTURE
    sort_final = SortFinal.DETRUIRE
