"""Indicators of the wing besoins (declared with sun.core.indicators.declarer): the needs
formalised before a purchase (schéma 11.2), i.e. submitted to the IT service with every
section of the template filled. Demonstration needs never count."""

from sun.core.indicators import (
    Indicateur,
    Niveau,
    TerritoireInconnu,
    Valeur,
    declarer,
    note_demonstration,
)

SOURCE = "Expressions de besoin (SUN)"


def _base(niveau, code):
    from sun.competences.models import Direction
    from sun.projets.models import ExpressionBesoin

    qs = ExpressionBesoin.objects.all()
    if Niveau(niveau) == Niveau.DIRECTION:
        direction = Direction.objects.filter(code=code).first()
        if direction is None:
            raise TerritoireInconnu(f"Direction inconnue : « {code} ».")
        qs = qs.de_direction(direction)
    return qs


def besoins_formalises(niveau, code) -> Valeur:
    qs = _base(niveau, code).formalises()
    reels = qs.reels()
    dernier = reels.order_by("-soumis_le").values_list("soumis_le", flat=True).first()
    jour = dernier.date() if dernier else None
    return Valeur(reels.count(), jour, SOURCE,
                  note_demonstration(qs.de_demonstration().count(), "besoins"))  # fmt: skip


declarer(Indicateur(
    code="projets.besoins_formalises",
    libelle="Besoins formalisés dans un cahier des charges fonctionnel",
    unite="besoins",
    niveaux=(Niveau.DEPARTEMENT, Niveau.DIRECTION),
    calcul=besoins_formalises,
    source=SOURCE,
    description="Expressions de besoin soumises au service informatique avec toutes les "
                "sections du modèle de cahier des charges renseignées (schéma 11.2).",
    sens="hausse",
))  # fmt: skip
