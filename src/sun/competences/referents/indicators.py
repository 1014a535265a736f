"""Indicators of the wing referents: active referents (département, per direction) and the
share of directions with at least one; demonstration directions never counted."""

from django.utils import timezone

from sun.competences.models import Direction, Referent
from sun.core.indicators import Indicateur, Niveau, Valeur, declarer, note_demonstration

SOURCE = "SUN, annuaire des référents numériques (schéma 8.2)"


def referents(niveau: Niveau, code: str) -> Valeur:
    qs = Referent.objects.actifs().reels()
    if niveau == Niveau.DIRECTION:
        qs = qs.de_direction(code)
    demo = Referent.objects.actifs().exclude(direction__demonstration=False).count()
    note = note_demonstration(demo, "référent") if niveau == Niveau.DEPARTEMENT else ""
    return Valeur(qs.count(), timezone.localdate(), SOURCE, note)


def directions_avec_referent(niveau: Niveau, code: str) -> Valeur:
    directions = Direction.objects.reels()
    total = directions.count()
    if not total:
        return Valeur(None, timezone.localdate(), SOURCE, "Aucune direction enregistrée.")
    couvertes = Referent.objects.directions_couvertes(directions)
    return Valeur(round(100 * couvertes / total, 1), timezone.localdate(), SOURCE,
                  f"{couvertes} direction(s) sur {total}.")  # fmt: skip


declarer(Indicateur(
    code="competences.referents", libelle="Référents numériques actifs", unite="référents",
    niveaux=(Niveau.DEPARTEMENT, Niveau.DIRECTION), calcul=referents, source=SOURCE,
    description="Référents numériques actifs de l'annuaire.", sens="hausse",
))  # fmt: skip
declarer(Indicateur(
    code="competences.directions_avec_referent",
    libelle="Directions ayant au moins un référent numérique", unite="%",
    niveaux=(Niveau.DEPARTEMENT,), calcul=directions_avec_referent, source=SOURCE,
    description="Part des directions ayant au moins un référent numérique actif.",
    sens="hausse",
))  # fmt: skip
