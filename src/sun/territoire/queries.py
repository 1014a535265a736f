"""Reads of the territory: search, aggregates."""

from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When

from sun.core.text import normaliser_recherche


def cle_recherche(nom: str, codes_postaux: list[str], code_insee: str) -> str:
    return " ".join([normaliser_recherche(nom), *codes_postaux, code_insee.lower()])


class CommuneQuerySet(models.QuerySet):
    def du_departement(self, code: str | None):
        return self.filter(departement__code=code) if code else self

    def recherche(self, texte: str):
        """Accent- and case-insensitive search by name, postal code or INSEE code.

        Every word typed must appear; exact codes come first, then names starting with the
        text, then the most populated communes.
        """
        requete = normaliser_recherche(texte)
        if not requete:
            return self.none()
        filtre = Q()
        for mot in requete.split():
            filtre &= Q(cle_recherche__contains=mot)
        rang = Case(
            # An exact INSEE or postal code (the key ends with the INSEE code).
            When(
                Q(code_insee__iexact=requete) | Q(cle_recherche__contains=f" {requete} "),
                then=Value(0),
            ),
            When(cle_recherche__startswith=requete, then=Value(1)),
            When(cle_recherche__contains=f" {requete}", then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        )
        return (
            self.filter(filtre)
            .annotate(rang=rang)
            .order_by("rang", models.F("population_municipale").desc(nulls_last=True), "nom")
        )

    def avec_relations(self):
        return self.select_related("departement", "epci")

    def sans_geometrie(self):
        return self.defer("geometrie")


def departement_configure():
    """The département this installation serves (SUN_DEPARTEMENT), or None if not loaded."""
    from django.conf import settings

    from sun.territoire.models import Departement

    return Departement.objects.filter(code=settings.SUN_DEPARTEMENT).first()
