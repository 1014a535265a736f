"""Realistic generated call exports (demonstration data, tests, benchmark), written in a
shipped layout: Asterisk's Master.csv, Webex Calling's Detailed Call History, SUN's template.

Arrivals follow a Poisson process whose rate varies by weekday (Monday busiest, Friday
quietest) and by half-hour (morning peak 9 h–11 h, lunch dip, smaller afternoon peak) within
the opening hours, 8 h 30–17 h Monday to Friday; a few calls come before, after and on
Saturday morning (outside hours). Outcomes: answered with a queue's rate (lower at the peaks),
abandoned after an exponential patience, some overflow, voicemail and IVR-only calls; waits
exponential, talk times log-normal (about 4 minutes). Every value is generated: no real call.
"""

import csv
import math
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sun.qualite.models import Issue

PARIS = ZoneInfo("Europe/Paris")
POIDS_JOUR = {1: 1.25, 2: 1.1, 3: 0.95, 4: 1.0, 5: 0.8, 6: 0.0, 7: 0.0}
# Half-hours of the opening (8 h 30 = 17 … 16 h 30 = 33) and their relative rate.
POIDS_DEMI_HEURE = {17: 0.7, 18: 1.2, 19: 1.5, 20: 1.5, 21: 1.3, 22: 1.1, 23: 0.9, 24: 0.5,
                    25: 0.4, 26: 0.6, 27: 0.9, 28: 1.1, 29: 1.1, 30: 0.9, 31: 0.7, 32: 0.6,
                    33: 0.4}  # fmt: skip
HORS_HORAIRES = {15: 0.08, 16: 0.15, 34: 0.12, 35: 0.06, 36: 0.03}  # before 8 h 30, after 17 h
SAMEDI = {18: 0.05, 19: 0.06, 20: 0.06, 21: 0.05, 22: 0.04}


@dataclass(frozen=True)
class Profil:
    """A queue's traffic: mean calls per open weekday, pick-up rate, waits, talk."""

    code: str
    appels_par_jour: float
    decroche: float = 0.8
    attente_moyenne_s: float = 45
    patience_moyenne_s: float = 70
    conversation_moyenne_s: float = 240


@dataclass
class AppelGenere:
    identifiant: str
    file: str
    debut: datetime  # local (Paris), naive
    issue: str
    attente_s: int
    conversation_s: int
    appelant: str


PROFILS_DEMO = (
    Profil("demo-accueil-social", 110, decroche=0.68, attente_moyenne_s=70, patience_moyenne_s=60),
    Profil("demo-mdph", 70, decroche=0.82, attente_moyenne_s=40, conversation_moyenne_s=330),
    Profil("demo-standard", 150, decroche=0.9, attente_moyenne_s=15, conversation_moyenne_s=60),
)


def _poisson(alea: random.Random, lam: float) -> int:
    if lam > 30:
        return max(0, round(alea.gauss(lam, math.sqrt(lam))))
    seuil, k, p = math.exp(-lam), 0, alea.random()
    while p > seuil:
        k += 1
        p *= alea.random()
    return k


def _issue(alea: random.Random, profil: Profil, charge: float) -> tuple[str, int, int]:
    """(outcome, wait, talk) of a call arriving in opening hours at this relative load."""
    u = alea.random()
    if u < 0.03:
        return Issue.SVI_SEUL, 0, alea.randint(20, 60)
    if u < 0.05:
        return Issue.MESSAGERIE, alea.randint(30, 90), alea.randint(15, 60)
    if u < 0.07:
        return Issue.DEBORDEMENT, alea.randint(0, 5), 0
    decroche = profil.decroche * (1.08 - 0.12 * charge)
    if alea.random() < decroche:
        attente = min(900, int(alea.expovariate(1 / (profil.attente_moyenne_s * charge))))
        mu = math.log(profil.conversation_moyenne_s) - 0.32
        return Issue.DECROCHE, attente, min(3600, max(5, int(alea.lognormvariate(mu, 0.8))))
    return Issue.ABANDON_ATTENTE, min(900, int(alea.expovariate(1 / profil.patience_moyenne_s))), 0


def appels(profils, debut: date, fin: date, graine: str = "sun") -> Iterator[AppelGenere]:
    """The calls of every queue from `debut` to `fin` (included), day by day; a day's calls
    depend on the seed, the queue and the day only (the same day generates the same calls)."""
    jour = debut
    while jour <= fin:
        semaine = jour.isoweekday()
        for profil in profils:
            alea = random.Random(f"{graine}-{profil.code}-{jour.isoformat()}")
            base = profil.appels_par_jour / sum(POIDS_DEMI_HEURE.values())
            creneaux = {**({d: p * POIDS_JOUR[semaine] for d, p in POIDS_DEMI_HEURE.items()}
                           if semaine <= 5 else {}),
                        **(HORS_HORAIRES if semaine <= 5 else SAMEDI if semaine == 6 else {})}  # fmt: skip
            rang = 0
            for demi_heure, poids in sorted(creneaux.items()):
                ouvert = semaine <= 5 and demi_heure in POIDS_DEMI_HEURE
                secondes = sorted(alea.randrange(1800) for _ in range(_poisson(alea, base * poids)))
                for s in secondes:
                    rang += 1
                    moment = datetime.combine(jour, time(demi_heure // 2, 30 * (demi_heure % 2)))
                    moment += timedelta(seconds=s)
                    if ouvert:
                        issue, attente, conversation = _issue(alea, profil, poids)
                    else:
                        issue, attente, conversation = Issue.HORS_HORAIRES, 0, alea.randint(12, 25)
                    appelant = f"0{alea.choice('4466667')}{alea.randrange(10**8):08d}"
                    yield AppelGenere(f"{profil.code}-{jour:%Y%m%d}-{rang:05d}", profil.code,
                                      moment, issue, attente, conversation, appelant)  # fmt: skip
        jour += timedelta(days=1)


def profils_pour(total: int, jours: int, files: int = 8) -> list[Profil]:
    """`files` queues whose calls over `jours` days add up to about `total`."""
    ouvres = jours * 5 / 7
    par_file = total / files / ouvres / 1.045  # outside-hours calls add about 4.5 %
    return [Profil(f"file-{k + 1:02d}", par_file * (0.6 + 0.8 * k / max(files - 1, 1)),
                   decroche=0.65 + 0.3 * (k % 3) / 2) for k in range(files)]  # fmt: skip


# --- writers --------------------------------------------------------------------------------
DISPOSITION = {Issue.DECROCHE: "ANSWERED", Issue.ABANDON_ATTENTE: "NO ANSWER",
               Issue.DEBORDEMENT: "BUSY", Issue.SVI_SEUL: "ANSWERED",
               Issue.MESSAGERIE: "ANSWERED", Issue.HORS_HORAIRES: "ANSWERED"}  # fmt: skip
APPLICATION = {Issue.SVI_SEUL: "Playback", Issue.MESSAGERIE: "VoiceMail",
               Issue.HORS_HORAIRES: "Playback"}  # fmt: skip


def _heure(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def ligne_asterisk(a: AppelGenere, rang: int) -> list:
    """One Master.csv row (cdr_csv: texts quoted, numbers not; no header)."""
    repond = DISPOSITION[a.issue] == "ANSWERED"
    reponse = a.debut + timedelta(seconds=a.attente_s)
    fin = reponse + timedelta(seconds=a.conversation_s)
    contexte = "fermeture" if a.issue == Issue.HORS_HORAIRES else "accueil"
    application = APPLICATION.get(a.issue, "Queue")
    epoque = int(a.debut.replace(tzinfo=PARIS).timestamp())
    return ["", a.appelant, a.file, contexte, f'"Usager" <{a.appelant}>', f"SIP/operateur-{rang:08x}",
            f"SIP/poste{rang % 40 + 1:02d}-{rang + 1:08x}" if a.issue == Issue.DECROCHE else "",
            application, f"{a.file},t,,,300" if application == "Queue" else "accueil-message",
            _heure(a.debut), _heure(reponse) if repond else "", _heure(fin),
            a.attente_s + a.conversation_s, a.conversation_s if repond else 0,
            DISPOSITION[a.issue], "DOCUMENTATION", f"{epoque}.{rang}", ""]  # fmt: skip


ENTETE_WEBEX = ["Start time", "Answer time", "Release time", "Answered", "Answer indicator",
                "Direction", "Duration", "Ring duration", "Call outcome", "Call outcome reason",
                "Calling number", "Called number", "User", "User type", "Location",
                "Department ID", "Call ID", "Correlation ID", "Local call ID", "Original reason",
                "Redirect reason", "Related reason"]  # fmt: skip


def _utc(moment: datetime) -> str:
    return (
        moment.replace(tzinfo=PARIS).astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    )


def lignes_webex(a: AppelGenere, rang: int) -> list[dict]:
    """The legs of one call: the queue's, then each agent rung (one answers if answered)."""
    correlation = str(uuid.UUID(int=random.Random(a.identifiant).getrandbits(128)))
    fin = a.debut + timedelta(seconds=a.attente_s + a.conversation_s)
    commun = {"Direction": "TERMINATING", "Calling number": a.appelant, "Location": "Carcassonne",
              "Correlation ID": correlation, "Call outcome": "Success", "Call outcome reason": "Normal"}  # fmt: skip
    file = {**commun, "Start time": _utc(a.debut), "Answer time": _utc(a.debut), "Release time": _utc(fin),
            "Answered": "true", "Answer indicator": "Yes", "Duration": a.attente_s + a.conversation_s,
            "Ring duration": 0, "Called number": "+33468110000", "User": a.file,
            "User type": "CallCenterStandard", "Call ID": f"SSE{rang}@10.0.0.1", "Local call ID": f"{rang}:0",
            "Redirect reason": "TimeOfDay" if a.issue == Issue.HORS_HORAIRES else ""}  # fmt: skip
    if a.issue == Issue.SVI_SEUL:  # the auto attendant alone: no queue's leg
        return [{**file, "User": "Standard automatique", "User type": "AutomatedAttendantVideo"}]
    if a.issue == Issue.DEBORDEMENT:
        file["Redirect reason"] = "Deflection"
    jambes = [file]
    if a.issue == Issue.MESSAGERIE:
        reponse = a.debut + timedelta(seconds=a.attente_s)
        jambes.append({**commun, "Start time": _utc(reponse), "Answer time": _utc(reponse),
                       "Release time": _utc(fin), "Answered": "true", "Answer indicator": "Yes",
                       "Duration": a.conversation_s, "Called number": "2199", "User": "Messagerie",
                       "User type": "VoiceMailGroup", "Call ID": f"SSE{rang}v@10.0.0.1",
                       "Local call ID": f"{rang}:3", "Original reason": "NoAnswer"})  # fmt: skip
    if a.issue in (Issue.DECROCHE, Issue.ABANDON_ATTENTE):
        sonne = a.debut + timedelta(seconds=min(5, a.attente_s))
        jambes.append({**commun, "Start time": _utc(sonne), "Answer time": "",
                       "Release time": _utc(min(sonne + timedelta(seconds=15), a.debut + timedelta(seconds=a.attente_s))),
                       "Answered": "false", "Answer indicator": "No", "Duration": 0, "Ring duration": 15,
                       "Called number": "2101", "User": "Agent A", "User type": "User",
                       "Call ID": f"SSE{rang}b@10.0.0.1", "Local call ID": f"{rang}:1",
                       "Original reason": "CallQueue", "Related reason": "CallQueue"})  # fmt: skip
    if a.issue == Issue.DECROCHE:
        reponse = a.debut + timedelta(seconds=a.attente_s)
        jambes.append({**commun, "Start time": _utc(reponse - timedelta(seconds=min(3, a.attente_s))),
                       "Answer time": _utc(reponse), "Release time": _utc(fin), "Answered": "true",
                       "Answer indicator": "Yes", "Duration": a.conversation_s, "Ring duration": 3,
                       "Called number": "2102", "User": "Agent B", "User type": "User",
                       "Call ID": f"SSE{rang}c@10.0.0.1", "Local call ID": f"{rang}:2",
                       "Original reason": "CallQueue", "Related reason": "CallQueue"})  # fmt: skip
    return jambes


def ligne_modele(a: AppelGenere) -> list:
    return [a.identifiant, _heure(a.debut), a.file, a.issue, a.attente_s, a.conversation_s,
            a.appelant, ""]  # fmt: skip


def ecrire(
    chemin: Path, appels_generes, disposition: str = "asterisk-cdr", limite: int | None = None
) -> int:
    """Write the calls in a shipped layout; return how many calls were written."""
    from sun.qualite.telephonie.importation.correspondances import COLONNES_MODELE

    nombre = 0
    with Path(chemin).open("w", encoding="utf-8", newline="") as sortie:
        if disposition == "webex-calling":
            ecrivain = csv.DictWriter(sortie, fieldnames=ENTETE_WEBEX, restval="")
            ecrivain.writeheader()
        else:
            ecrivain = csv.writer(
                sortie,
                quoting=csv.QUOTE_NONNUMERIC
                if disposition == "asterisk-cdr"
                else csv.QUOTE_MINIMAL,
            )
            if disposition == "modele-sun":
                ecrivain.writerow(COLONNES_MODELE)
        for a in appels_generes:
            if limite is not None and nombre >= limite:
                break
            nombre += 1
            if disposition == "asterisk-cdr":
                ecrivain.writerow(ligne_asterisk(a, nombre))
            elif disposition == "webex-calling":
                ecrivain.writerows(lignes_webex(a, nombre))
            else:
                ecrivain.writerow(ligne_modele(a))
    return nombre
