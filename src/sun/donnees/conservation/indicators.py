"""Indicators of the wing « conservation » (registered through sun.donnees.indicators), at the
level of the département: how much of SUN's own records the tableau de gestion covers with a
rule the Archives départementales validated (schéma 10.2, 10.3), and the elimination slips
waiting for their visa."""

from django.utils import timezone

from sun.core.indicators import Indicateur, Niveau, Valeur, declarer
from sun.donnees.conservation import types
from sun.donnees.models import BordereauElimination, RegleConservation, StatutBordereau

SOURCE = "Tableau de gestion de SUN"
NIVEAUX = (Niveau.DEPARTEMENT,)


def part_types_couverts(niveau: Niveau, code: str) -> Valeur:
    """Share of SUN's record types with at least one rule validated by the Archives."""
    connus = set(types.codes())
    valides = set(RegleConservation.objects.filter(
        type_enregistrement__in=connus, valide_archives_le__isnull=False,
    ).values_list("type_enregistrement", flat=True))  # fmt: skip
    if not connus:
        return Valeur(None, timezone.localdate(), SOURCE)
    return Valeur(round(100 * len(valides) / len(connus), 1), timezone.localdate(), SOURCE,
                  f"{len(valides)} type(s) d'enregistrements sur {len(connus)} ont une règle "
                  "validée par les Archives départementales.")  # fmt: skip


def bordereaux_en_attente(niveau: Niveau, code: str) -> Valeur:
    n = BordereauElimination.objects.filter(statut=StatutBordereau.PROPOSE).count()
    return Valeur(n, timezone.localdate(), SOURCE)


declarer(Indicateur(
    code="donnees.regles_validees",
    libelle="Part des enregistrements de SUN couverts par une règle de conservation validée "
            "par les Archives", unite="%", niveaux=NIVEAUX, calcul=part_types_couverts,
    source=SOURCE, sens="hausse",
    description="Types d'enregistrements que SUN tient (demandes, appels, avis, signalements, "
                "journaux…) dont la règle du tableau de gestion porte la date de validation des "
                "Archives départementales.",
))  # fmt: skip
declarer(Indicateur(
    code="donnees.bordereaux_en_attente",
    libelle="Bordereaux d'élimination en attente du visa des Archives",
    unite="bordereaux", niveaux=NIVEAUX, calcul=bordereaux_en_attente, source=SOURCE,
    sens="baisse",
    description="Bordereaux proposés par la purge de SUN que les Archives départementales n'ont "
                "encore ni visés ni refusés : rien n'est éliminé sans ce visa (Code du "
                "patrimoine, L212-2 et R212-14).",
))  # fmt: skip
