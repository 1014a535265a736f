"""The daily jobs of the plan: recompute the indicators SUN computes, remind the pilots of
their deadlines (sun.core.taches.quotidien)."""

from django.utils import timezone

from sun.core.taches import quotidien
from sun.pilotage.relances import relancer
from sun.pilotage.services import calculer_indicateurs


def recalculer_indicateurs() -> str:
    calculs = calculer_indicateurs()
    faits = sum(1 for c in calculs if c.valeur)
    return f"{faits} indicateur(s) calculé(s) sur {len(calculs)}"


def relancer_pilotes() -> str:
    echeances = relancer(timezone.localdate())
    envoyes = sum(len(e.envoyes) for e in echeances)
    return f"{envoyes} relance(s) envoyée(s) pour {len(echeances)} échéance(s)"


quotidien.declarer("indicateurs", "Recalcul des indicateurs du plan", recalculer_indicateurs)
quotidien.declarer("relances", "Relances des pilotes (échéances)", relancer_pilotes)
