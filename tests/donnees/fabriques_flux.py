"""A small catalogue for the feeds' tests: published datasets with resources and versions
written straight to the database (no file: the feeds read only the rows). Synthetic."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from sun.donnees.models import StatutJeu, StatutValidation, VersionRessource
from tests.donnees.factories import JeuFactory, RessourceFactory


class VersionFactory(DjangoModelFactory):
    class Meta:
        model = VersionRessource

    ressource = factory.SubFactory(RessourceFactory)
    numero = factory.Sequence(lambda n: n + 1)
    fichier = factory.LazyAttribute(lambda v: f"{v.ressource.uuid}/{v.numero}.csv")
    nom_fichier = "fichier.csv"
    taille = 1234
    sha1 = "a9993e364706816aba3e25717850c26c9cd0d89d"
    sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    statut_validation = StatutValidation.VALIDE
    publiee = True
    publiee_le = factory.LazyFunction(timezone.now)


def catalogue_de_test() -> dict:
    """Two published datasets (three resources with a published file), a draft dataset and
    a resource whose only file is not published: neither of the last two is in the feeds."""
    maintenant = timezone.now()
    subventions = JeuFactory(
        slug="subventions", titre="Subventions accordées", statut=StatutJeu.PUBLIE,
        publie_le=maintenant, modifie_le=maintenant, themes=["economie", "solidarites"],
        mots_cles=["subventions", "associations"], couverture_spatiale=["11"],
        couverture_debut=dt.date(2024, 1, 1), couverture_fin=dt.date(2024, 12, 31),
        schema_id="scdl/subventions", schema_version="2.1.1", frequence="annual",
    )  # fmt: skip
    lieux = JeuFactory(
        slug="lieux", titre="Lieux de médiation numérique", statut=StatutJeu.PUBLIE,
        publie_le=maintenant, modifie_le=maintenant, themes=["solidarites"],
        couverture_spatiale=["11069", "11262"], maille="Communale", frequence="monthly",
        contact_email="", mots_cles=[],
    )  # fmt: skip
    brouillon = JeuFactory(slug="brouillon", titre="Brouillon")
    r1 = RessourceFactory(jeu=subventions, titre="Subventions 2024", format="csv",
                          schema_id="scdl/subventions", schema_version="2.1.1")  # fmt: skip
    r2 = RessourceFactory(jeu=lieux, titre="Lieux (CSV)", format="csv")
    r3 = RessourceFactory(jeu=lieux, titre="Lieux (GeoJSON)", format="geojson",
                          description="Les lieux avec leurs coordonnées.")  # fmt: skip
    sans_fichier = RessourceFactory(jeu=lieux, titre="Lieux (XLSX)", format="xlsx")
    VersionFactory(ressource=r1, numero=1)
    VersionFactory(ressource=r1, numero=2, sha1="da39a3ee5e6b4b0d3255bfef95601890afd80709")
    VersionFactory(ressource=r1, numero=3, publiee=False, publiee_le=None)
    VersionFactory(ressource=r2, numero=1)
    VersionFactory(ressource=r3, numero=1, taille=98765)
    VersionFactory(ressource=sans_fichier, numero=1, publiee=False, publiee_le=None)
    RessourceFactory(jeu=brouillon)
    return {"subventions": subventions, "lieux": lieux, "brouillon": brouillon,
            "ressources": [r1, r2, r3], "sans_fichier": sans_fichier}  # fmt: skip
