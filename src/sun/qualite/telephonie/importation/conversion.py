"""One mapped row → one checked call (or one leg of it): dates read in their time zone, the
local calendar of Paris, durations, the outcome, the caller's keyed hash.

Refused, with the reason in the report: a missing or unreadable date, times that go backwards
(answer or end before the start), a talk time (or a wait) longer than a day, a negative
duration, an unknown outcome, a missing queue. The caller's number is never written anywhere,
not even in the report: only its HMAC-SHA256 keyed by SUN_TELEPHONIE_CLE (nothing without a
key)."""

import hmac
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sun.core.imports import Rapport
from sun.core.telephone import international
from sun.core.text import plier
from sun.qualite.models import Issue

PARIS = ZoneInfo("Europe/Paris")
JOUR_S = 24 * 3600
ISSUES = {i.value: i.value for i in Issue} | {plier(i.label): i.value for i in Issue}
LONGUEUR_MAX = 120  # identifiant, file, groupe_agents (the model's max_length)


class Jambe:
    """A checked call, or one leg of a call when the mapping groups legs (`appel`)."""

    __slots__ = (
        "appelant",
        "attente_s",
        "conversation_s",
        "debut",
        "file",
        "fin",
        "groupe_agents",
        "identifiant",
        "issue",
        "numero",
        "reponse",
    )  # fmt: skip

    def __init__(self, numero, identifiant, debut, reponse, fin, file, issue, attente_s,
                 conversation_s, appelant, groupe_agents):  # fmt: skip
        self.numero, self.identifiant, self.debut = numero, identifiant, debut
        self.reponse, self.fin, self.file, self.issue = reponse, fin, file, issue
        self.attente_s, self.conversation_s = attente_s, conversation_s
        self.appelant, self.groupe_agents = appelant, groupe_agents


def lire_date(texte: str, fuseau, format_: str = "") -> datetime:
    """« 2024-02-05 09:12:34 », « 2024-02-05T08:12:34.551Z », « 05/02/2024 09:12 », a Unix
    time, or the mapping's `format`; without an offset, in `fuseau`. ValueError otherwise."""
    if format_:
        moment = datetime.strptime(texte, format_)
    else:
        try:
            moment = datetime.fromisoformat(texte)
        except ValueError:
            if "/" in texte:
                jour, _, heure = texte.partition(" ")
                j, m, a = jour.split("/")
                h, mi, *s = (heure or "0:0").split(":")
                moment = datetime(int(a), int(m), int(j), int(h), int(mi), int(s[0]) if s else 0)
            elif texte.replace(".", "", 1).isdigit():
                return datetime.fromtimestamp(float(texte), UTC)
            else:
                raise
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=fuseau)


def lire_duree(texte) -> int:
    """Seconds, « 36 », « 36.0 » or « 36,4 » (rounded); ValueError if not a number."""
    try:
        return int(texte)
    except (ValueError, TypeError):
        return round(float(str(texte).strip().replace(",", ".")))


def calendrier(debut: datetime) -> tuple:
    """(day, weekday 1 = Monday, half-hour 0–47) of `debut` in Paris."""
    local = debut if debut.tzinfo is PARIS else debut.astimezone(PARIS)
    return local.date(), local.isoweekday(), local.hour * 2 + local.minute // 30


class Empreinte:
    """HMAC-SHA256 of the caller's normalised number, keyed; "" when there is no key."""

    def __init__(self, cle: str):
        self.cle = cle.encode() if cle else b""
        self.memoire: dict[str, str] = {}  # callers call again: computed once per number

    def __call__(self, numero) -> str:
        if not self.cle or not numero:
            return ""
        if (connue := self.memoire.get(numero)) is not None:
            return connue
        normalise = international(str(numero)) or "".join(c for c in str(numero) if c.isalnum())
        empreinte = hmac.digest(self.cle, normalise.encode(), "sha256").hex() if normalise else ""
        if len(self.memoire) > 200_000:
            self.memoire.clear()
        self.memoire[numero] = empreinte
        return empreinte


class Convertisseur:
    """Checks the mapped rows of one import (time zone and date formats of its mapping)."""

    def __init__(self, fuseau: str = "", formats: dict | None = None, cle: str = ""):
        self.fuseau = ZoneInfo(fuseau) if fuseau else PARIS
        self.formats = formats or {}
        self.empreinte = Empreinte(cle)

    def _date(self, numero, champ, ligne, rapport, obligatoire=False):
        texte = ligne.get(champ) or ""
        if texte and (not isinstance(texte, str) or texte[0] == " " or texte[-1] == " "):
            texte = str(texte).strip()
        if not texte:
            if obligatoire:
                rapport.refuser(numero, champ, "", "date et heure d'arrivée absentes")
                return False
            return None
        try:
            return lire_date(texte, self.fuseau, self.formats.get(champ, ""))
        except (ValueError, OverflowError, OSError):
            rapport.refuser(numero, champ, texte, "date et heure illisibles (attendu : "
                            "AAAA-MM-JJ HH:MM:SS, JJ/MM/AAAA HH:MM ou le « format » de la "
                            "correspondance)")  # fmt: skip
            return False

    def _duree(self, numero, champ, ligne, rapport):
        texte = ligne.get(champ)
        if texte in (None, ""):
            return None
        try:
            duree = lire_duree(texte)
        except ValueError:
            rapport.refuser(numero, champ, texte, "durée illisible (secondes attendues)")
            return False
        if duree < 0:
            rapport.refuser(numero, champ, texte, "durée négative")
            return False
        return duree

    def convertir(self, numero: int, ligne: dict, rapport: Rapport, groupe: bool) -> Jambe | None:
        if ligne.get("__colonnes_en_trop__"):
            rapport.refuser(numero, "", ligne["__colonnes_en_trop__"],
                            "plus de valeurs que de colonnes dans l'en-tête")  # fmt: skip
            return None
        ok = True
        cle = "appel" if groupe else "identifiant"
        identifiant = str(ligne.get(cle) or "").strip()
        if not identifiant or len(identifiant) > LONGUEUR_MAX:
            rapport.refuser(numero, cle, identifiant[:50], "identifiant de l'appel absent"
                            if not identifiant else f"identifiant de plus de {LONGUEUR_MAX} caractères")  # fmt: skip
            ok = False
        debut = self._date(numero, "debut", ligne, rapport, obligatoire=True)
        reponse = self._date(numero, "reponse", ligne, rapport)
        fin = self._date(numero, "fin", ligne, rapport)
        durees = {c: self._duree(numero, c, ligne, rapport)
                  for c in ("attente_s", "conversation_s", "duree_s")}  # fmt: skip
        if any(v is False for v in (debut, reponse, fin, *durees.values())):
            return None
        if reponse is not None and reponse < debut:
            rapport.refuser(numero, "reponse", ligne.get("reponse"),
                            f"heures à rebours : la réponse précède l'arrivée ({ligne.get('debut')})")  # fmt: skip
            ok = False
        if fin is not None and (fin < debut or (reponse is not None and fin < reponse)):
            avant = "la réponse" if fin >= debut else "l'arrivée"
            rapport.refuser(
                numero, "fin", ligne.get("fin"), f"heures à rebours : la fin précède {avant}"
            )
            ok = False
        if not ok:
            return None
        attente, conversation, duree = (
            durees["attente_s"],
            durees["conversation_s"],
            durees["duree_s"],
        )
        if conversation is None:
            conversation = int((fin - reponse).total_seconds()) if reponse and fin else 0
        if attente is None:
            if duree is not None:
                attente = duree - conversation
                if attente < 0:
                    rapport.refuser(numero, "conversation_s", conversation,
                                    f"conversation plus longue que la durée totale ({duree} s)")  # fmt: skip
                    return None
            elif reponse is not None or fin is not None:
                attente = int(((reponse or fin) - debut).total_seconds())
            else:
                attente = 0
        for champ, valeur in (("conversation_s", conversation), ("attente_s", attente)):
            if valeur > JOUR_S:
                quoi = "conversation" if champ == "conversation_s" else "attente"
                rapport.refuser(numero, champ, valeur, f"{quoi} de plus d'un jour ({valeur} s) : "
                                "relevé incohérent")  # fmt: skip
                ok = False
        brute = str(ligne.get("issue") or "").strip()
        issue = ISSUES.get(brute) or ISSUES.get(plier(brute))
        if issue is None:
            rapport.refuser(numero, "issue", brute, "issue inconnue (admises : "
                            + ", ".join(Issue.values) + ") : complétez la table « valeurs » ou "
                            "les règles de la correspondance")  # fmt: skip
            ok = False
        file = str(ligne.get("file") or "").strip()
        if not file and not groupe:
            rapport.refuser(numero, "file", "", "file d'attente absente")
            ok = False
        groupe_agents = str(ligne.get("groupe_agents") or "").strip()
        for champ, valeur in (("file", file), ("groupe_agents", groupe_agents)):
            if len(valeur) > LONGUEUR_MAX:
                rapport.refuser(numero, champ, valeur[:50], f"plus de {LONGUEUR_MAX} caractères")
                ok = False
        if not ok:
            return None
        return Jambe(numero, identifiant, debut, reponse, fin, file, issue, attente, conversation,
                     self.empreinte(ligne.get("appelant")), groupe_agents)  # fmt: skip
