"""Legs of one call → one call (Webex Calling: the queue's leg and one leg per agent rung share
a Correlation ID). The call arrives at its first leg's start, is answered if an agent's leg
was, waited until that answer (or until its last leg ended), talked for the answered leg's
talk time; its queue is the leg that names one. A group without a queue (a direct call to an
agent) is not a reception call: counted apart, not written.

The call's outcome is the best of its legs' (RANG): an agent's answer, outside hours,
voicemail or call-back, overflow, IVR only, then the queue's own leg (abandoned in the queue)
before an agent's unanswered ring."""

from sun.qualite.models import Issue
from sun.qualite.telephonie.importation.conversion import Jambe

RANG = {Issue.DECROCHE: 0, Issue.HORS_HORAIRES: 1, Issue.MESSAGERIE: 2, Issue.RAPPEL: 2,
        Issue.DEBORDEMENT: 3, Issue.SVI_SEUL: 4, Issue.ABANDON_ATTENTE: 5,
        Issue.ABANDON_SONNERIE: 6}  # fmt: skip
REPONDUES = (Issue.DECROCHE, Issue.MESSAGERIE)  # their leg's answer ends the wait


class Groupes:
    """The legs read so far, merged call by call (a few hundred bytes per call)."""

    def __init__(self):
        self.appels: dict[str, Jambe] = {}
        self.decroches: dict[str, Jambe] = {}  # the leg that answered (agent, voicemail)

    def ajouter(self, jambes: list[Jambe]) -> None:
        for j in jambes:
            appel = self.appels.get(j.identifiant)
            if appel is None:
                appel = self.appels[j.identifiant] = Jambe(
                    j.numero, j.identifiant, j.debut, None, j.fin, "", j.issue, 0, 0, "", ""
                )
            appel.debut = min(appel.debut, j.debut)
            if j.fin is not None:
                appel.fin = j.fin if appel.fin is None else max(appel.fin, j.fin)
            appel.file = appel.file or j.file
            appel.groupe_agents = appel.groupe_agents or j.groupe_agents
            appel.appelant = appel.appelant or j.appelant
            if RANG[j.issue] < RANG[appel.issue]:
                appel.issue = j.issue
            if j.issue in REPONDUES:
                premier = self.decroches.get(j.identifiant)
                if (
                    premier is None
                    or RANG[j.issue] < RANG[premier.issue]
                    or (
                        j.issue == premier.issue
                        and (j.reponse or j.debut) < (premier.reponse or premier.debut)
                    )
                ):
                    self.decroches[j.identifiant] = j

    def appels_finis(self):
        """Each merged call with its wait and talk time; None for a group with no queue."""
        for identifiant, appel in self.appels.items():
            if not appel.file:
                yield None
                continue
            decroche = self.decroches.get(identifiant)
            if decroche is not None and decroche.issue == appel.issue:
                reponse = decroche.reponse or decroche.debut
                appel.attente_s = max(0, int((reponse - appel.debut).total_seconds()))
                appel.conversation_s = decroche.conversation_s
            elif appel.fin is not None:
                appel.attente_s = max(0, int((appel.fin - appel.debut).total_seconds()))
            yield appel
