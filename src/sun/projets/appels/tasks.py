"""Daily jobs of the calls wing: reminders before a deadline (rules in rappels.py)."""

from django.utils import timezone

from sun.core.taches import quotidien
from sun.projets.appels.rappels import rappeler


def rappeler_appels() -> str:
    rappels = rappeler(timezone.localdate())
    envoyes = sum(len(r.destinataires) for r in rappels if not r.echec)
    echecs = sum(1 for r in rappels if r.echec)
    fin = f" ; {echecs} en échec (nouvel essai demain)" if echecs else ""
    return f"{envoyes} rappel(s) envoyé(s) pour {len(rappels)} appel(s) à projets{fin}"


quotidien.declarer("rappels_appels", "Rappels avant la date limite des appels à projets",
                   rappeler_appels)  # fmt: skip
