"""The plain-French sentences of the public portal that depend on a démarche's legal facts,
written once here (not in templates): what happens when the département does not answer
(CRPA L231-1 silence vaut acceptation, L231-4 silence vaut rejet) and durations in words."""

from django.conf import settings

from sun.relation.models import Regime

_EN_LETTRES = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit",
               9: "neuf", 10: "dix"}  # fmt: skip
_SINGULIER = {"jours": "jour", "semaines": "semaine", "mois": "mois"}


def duree(valeur: int, unite: str) -> str:
    """« deux mois », « trois mois », « 15 jours », « un mois », « une semaine »."""
    if valeur == 1:
        return ("une " if unite == "semaines" else "un ") + _SINGULIER.get(unite, unite)
    return f"{_EN_LETTRES.get(valeur, valeur)} {unite}"


def _au_bout_de(valeur: int, unite: str) -> str:
    texte = duree(valeur, unite)
    return f"au bout d'{texte}" if texte.startswith("un") else f"au bout de {texte}"


def sans_reponse(regime: str, valeur: int, unite: str, voies_de_recours: str = "") -> list[str]:
    """What happens if the service does not answer, in short sentences (the first one says
    it all; the next ones say what to do). `voies_de_recours`: the démarche's own remedies."""
    if regime == Regime.SVA:
        return [
            f"Sans réponse {_au_bout_de(valeur, unite)}, votre demande est acceptée.",
            "Ce délai commence quand le service a reçu votre dossier complet.",
            "Vous pouvez alors demander au service une attestation qui le prouve.",
        ]
    if regime == Regime.SVR:
        return [
            f"Sans réponse {_au_bout_de(valeur, unite)}, votre demande est refusée.",
            "Ce délai commence quand le service reçoit votre demande. S'il vous demande des "
            "pièces, il s'arrête jusqu'à ce que vous les envoyiez.",
            voies_de_recours.replace("{tribunal}", settings.SUN_RELATION_TRIBUNAL)
            if voies_de_recours.strip() else
            "Vous pouvez contester ce refus dans les deux mois : demandez au service de revoir "
            f"votre demande, ou saisissez {settings.SUN_RELATION_TRIBUNAL}.",
        ]  # fmt: skip
    return ["Le service vous répondra par écrit."]


def jours(n: int) -> str:
    """« moins d'un jour », « 1 jour », « 12 jours »."""
    if n <= 0:
        return "moins d'un jour"
    return f"{n} jour" + ("s" if n > 1 else "")
