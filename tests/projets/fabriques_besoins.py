"""Extra data for the wing « besoins » tests: a need with every section filled."""

from sun.projets.besoins import modele
from tests.projets.factories import BesoinFactory


def besoin_complet(**kwargs):
    valeurs = {s.code: s.exemple for s in modele.SECTIONS}
    valeurs.setdefault("criteres_sobriete", ["pages_legeres"])
    valeurs.update(kwargs)
    return BesoinFactory(**valeurs)
