"""Indicators of the wing demandes (declared with sun.core.indicators.declarer): requests on
the tools open now, closed this year, and the median lead time from creation to close.
Demonstration requests never count; tickets imported from GLPI count (they are real)."""

from datetime import timedelta
from statistics import median

from django.utils import timezone

from sun.core.indicators import (
    SEUIL_PERSONNES,
    Indicateur,
    Niveau,
    TerritoireInconnu,
    Valeur,
    declarer,
    note_demonstration,
    note_trop_peu,
)

SOURCE = "SUN, demandes d'évolution, incidents et questions sur les outils (saisies dans SUN " \
         "ou tickets GLPI importés)"  # fmt: skip
_NIVEAUX = (Niveau.DEPARTEMENT, Niveau.DIRECTION)
# A median lead time over fewer requests than this is not shown.
MINIMUM_DELAI = SEUIL_PERSONNES


def _base(niveau, code):
    """The requests of the level (all of them, or those of the direction `code`)."""
    from sun.competences.models import Direction
    from sun.projets.models import Demande

    qs = Demande.objects.all()
    if Niveau(niveau) == Niveau.DIRECTION:
        direction = Direction.objects.filter(code=code).first()
        if direction is None:
            raise TerritoireInconnu(f"Direction inconnue : « {code} ».")
        qs = qs.de_direction(direction)
    return qs


def _valeur(qs, nombre_de) -> Valeur:
    demo = nombre_de(qs.de_demonstration())
    return Valeur(nombre_de(qs.reels()), timezone.localdate(), SOURCE,
                  note_demonstration(demo, "demandes"))  # fmt: skip


def demandes_ouvertes(niveau, code) -> Valeur:
    return _valeur(_base(niveau, code).ouvertes(), lambda q: q.count())


def _debut_annee():
    maintenant = timezone.localtime()
    return maintenant.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)


def demandes_closes(niveau, code) -> Valeur:
    debut = _debut_annee()
    qs = _base(niveau, code).closes_entre(debut, debut.replace(year=debut.year + 1))
    return _valeur(qs, lambda q: q.count())


def delais_jours(qs) -> list[float]:
    return [(fin - debut).total_seconds() / 86400
            for debut, fin in qs.values_list("creee_le", "close_le")]  # fmt: skip


def delai_median_jours(niveau, code) -> Valeur:
    maintenant = timezone.now()
    qs = _base(niveau, code).closes_entre(maintenant - timedelta(days=365), maintenant)
    note_demo = note_demonstration(qs.de_demonstration().count(), "demandes")
    delais = delais_jours(qs.reels())
    if len(delais) < MINIMUM_DELAI:
        note = note_trop_peu(len(delais), MINIMUM_DELAI, "demandes closes sur 12 mois")
        return Valeur(None, timezone.localdate(), SOURCE,
                      " ; ".join(n for n in (note, note_demo) if n))  # fmt: skip
    return Valeur(round(median(delais), 1), timezone.localdate(), SOURCE, note_demo)


declarer(Indicateur(
    code="projets.demandes_ouvertes",
    libelle="Demandes ouvertes sur les outils",
    unite="demandes",
    niveaux=_NIVEAUX,
    calcul=demandes_ouvertes,
    source=SOURCE,
    description="Évolutions, incidents et questions nouvelles, qualifiées, planifiées ou en "
                "cours (les doublons ne comptent pas). Les demandes de démonstration ne "
                "comptent jamais.",
))  # fmt: skip

declarer(Indicateur(
    code="projets.demandes_closes",
    libelle="Demandes sur les outils closes dans l'année",
    unite="demandes",
    niveaux=_NIVEAUX,
    calcul=demandes_closes,
    source=SOURCE,
    description="Demandes réalisées ou rejetées depuis le 1er janvier (les doublons ne "
                "comptent pas). Les demandes de démonstration ne comptent jamais.",
    sens="hausse",
))  # fmt: skip

declarer(Indicateur(
    code="projets.delai_median_jours",
    libelle="Délai médian de traitement des demandes sur les outils",
    unite="jours",
    niveaux=_NIVEAUX,
    calcul=delai_median_jours,
    source=SOURCE,
    description="Médiane du nombre de jours entre la création et la clôture des demandes "
                "réalisées ou rejetées ces 12 derniers mois ; non affiché sous 5 demandes.",
    sens="baisse",
))  # fmt: skip
