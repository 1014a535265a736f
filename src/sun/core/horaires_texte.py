"""Opening hours as French sources write them, read into the OSM `opening_hours` syntax.

`osm_depuis_texte` reads free text (« du lundi au vendredi de 9h à 12h et de 14h à 17h »,
« lun-ven 8h30-12h », « 9h-12h du lundi au vendredi », « le mardi matin »…) accent- and
case-insensitively; `osm_depuis_colonnes` reads hours split over the columns of a file. Both
return (expression, remarks): "" when nothing was understood, and every part left out is told
in a French remark. Hours are never invented: a clause holding a word not understood is left
out whole; « fermé », « sauf » only remove hours (« fermé le mercredi », « fermé de 12h à
14h »; « fermé les jours fériés » adds « PH off »); « sur rendez-vous », reversed or impossible
slots (« 14h-9h », « 25h ») are remarks; a lone time after its day (« mercredi 14h ») is an
open end (« We 14:00+ ») with a remark; half-days without hours take MATIN, APRES_MIDI, JOURNEE.

Column keys (`osm_depuis_colonnes`): an OSM day for a whole-day column, « Mo » … « Su », or an
OSM day, a colon and a half-day for a half-day column, « Mo:matin » or « Mo:apres-midi » (the
half-day read case- and accent-insensitively). A cell holds hours (« 9h00-12h00 / 14h-17h »),
free text read as above for that day, nothing, a negative mark (« fermé », « non », « - ») or an
affirmative one (« oui », « X », « ouvert »): the conventional hours in a half-day column, a
remark in a whole-day column, whose hours are unknown.
"""

import re
from dataclasses import dataclass, field
from itertools import groupby

from unidecode import unidecode

from sun.core.horaires import OSM_JOURS, HorairesInvalides, normaliser, valider

# Conventional hours of a half-day named without hours (« le mardi matin »).
MATIN = ("09:00", "12:00")
APRES_MIDI = ("14:00", "17:00")
JOURNEE = ("09:00", "17:00")  # « journée », « toute la journée »

NOMS_JOURS = {
    "lundi": 0, "lun": 0, "lu": 0, "mardi": 1, "mar": 1, "ma": 1,
    "mercredi": 2, "mer": 2, "merc": 2, "me": 2, "jeudi": 3, "jeu": 3, "je": 3,
    "vendredi": 4, "ven": 4, "vend": 4, "ve": 4, "samedi": 5, "sam": 5, "sa": 5,
    "dimanche": 6, "dim": 6, "di": 6,
}  # fmt: skip
# « tous les jours », « 7j/7 »; « en semaine », « jours ouvrés »; « jours ouvrables »; week-end.
GROUPES_JOURS = {"tous": range(7), "semaine": range(5), "ouvrables": range(6), "weekend": (5, 6)}
# Words without meaning for the schedule; any other word makes its clause not understood.
MOTS_VIDES = frozenset({
    "le", "la", "les", "l", "l'", "de", "du", "des", "d", "d'", "en", "sur", "par", "oui",
    "ouvert", "ouverte", "ouverts", "ouvertes", "ouverture", "ouvertures", "horaire", "horaires",
    "heures", "accueil", "public", "permanence", "permanences", "uniquement", "seulement",
    "egalement", "aussi", "puis", "continue", "tout", "toute", "tous", "toutes", "chaque",
})  # fmt: skip
AFFIRMATIFS = frozenset({"oui", "x", "o", "ouvert", "ouverte", "1", "yes", "✓", "✔", "☑"})
NEGATIFS = frozenset({"non", "n", "no", "0", "ferme", "fermee", "-", "--", "/", "✗", "✘"})
# Column keys, read case-, accent-, space- and hyphen-insensitively: « Mo », « Mo:matin »,
# « Mo:apres-midi » (« mo : Après midi » too) → (day index, half-day or None).
CLES_COLONNES = {
    f"{jour.lower()}{suffixe}": (i, demi)
    for i, jour in enumerate(OSM_JOURS)
    for suffixe, demi in (("", None), (":matin", "matin"), (":apresmidi", "apres-midi"))
}

_LONGS = sorted((n for n in NOMS_JOURS if len(n) > 2), key=len, reverse=True)
_COURTS = "|".join(n for n in NOMS_JOURS if len(n) == 2)
# Two-letter names are days only when no longer word follows (« sa permanence », « je vous »).
_JOURS = "|".join(f"{n}s?" if len(n) > 4 else n for n in _LONGS)
_JOURS += rf"|(?:{_COURTS})\b(?!\s*(?!matin|apres|aprem|journ)[a-z']{{4}})"
_MOTIF = re.compile(
    r"(?P<h24>24\s*h?\s*/\s*24(?:\s*h)?|\bh\s*24\b)"
    r"|(?P<tous>\b7\s*j(?:ours)?\s*(?:/|sur)\s*7\b|\b7\s*/\s*7\b|\btous\s+les\s+jours\b"
    r"|\btlj\b|\bchaque\s+jour\b)"
    r"|(?P<semaine>\ben\s+semaine\b|\bjours?\s+ouvres\b)|(?P<ouvrables>\bjours?\s+ouvrables\b)"
    r"|(?P<weekend>\bweek[\s-]?ends?\b|\bfins?\s+de\s+semaine\b)"
    r"|(?P<feries>\b(?:jours?\s+)?feries?\b)"
    r"|(?P<rdv>\b(?:(?:sur|par)\s+)?(?:rendez[\s-]?vous|r\.?d\.?v\b\.?))"
    r"|(?P<ferme>\bfermee?s?\b|\bfermeture\b)|(?P<sauf>\bsauf\b|\bexcepte\b|\bhors\b)"
    r"|(?P<demi>\bapres[\s-]?midis?\b|\baprem\b|\bmatin(?:ee)?s?\b|\bjournees?\b)"
    r"|(?P<debut>\ba\s+partir\s+d(?:e\b|')|\bdes\b(?=\s*\d))|(?P<jusqua>\bjusqu'?\s*(?:a|au)\b)"
    r"|(?P<heure>(?<!\d)\d{1,2}\s*h(?:eures?)?(?![a-z])(?:\s*\d{2}(?!\d)(?!\s*[h:]))?"
    r"|(?<!\d)\d{1,2}:\d{2}(?!\d)|(?<![\d.])\d{1,2}\.\d{2}(?![\d.])|\bmidi\b|\bminuit\b)"
    rf"|(?P<jour>\b(?:{_JOURS})\b\.?)|(?P<nombre>\d+)|(?P<lien>-|/|&|\+|\bau\b|\ba\b|\bet\b)"
    r"|(?P<sep>[;\n|.*,()])|(?P<mot>[a-z]+'?)"
)
_OSM = re.compile(r"\b(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)\b|24/7", re.IGNORECASE)
_TIRETS = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))
_TEMPS = ("heure", "nombre")


DEMIS = {  # in minutes
    cle: tuple(int(t[:2]) * 60 + int(t[3:]) for t in heures)
    for cle, heures in {"matin": MATIN, "apres-midi": APRES_MIDI, "journee": JOURNEE}.items()
}
FERMETURES_DEMI = {"matin": (0, 720), "apres-midi": (720, 1440), "journee": (0, 1440)}


@dataclass
class _Jeton:
    genre: str
    debut: int = 0
    fin: int = 0
    valeur: object = None


@dataclass
class _Clause:
    """Days and hours read together: « du lundi au jeudi 9h-12h 14h-17h »."""

    debut: int = -1
    fin: int = -1
    jours: list[int] = field(default_factory=list)
    creneaux: list[tuple[int, int | None]] = field(default_factory=list)
    demis: list[str] = field(default_factory=list)
    notes: list[tuple[str, int, int]] = field(default_factory=list)  # remark, span: bad slots…
    ferme: bool = False
    rdv: bool = False
    feries: bool = False
    inconnu: bool = False
    exclure: bool = False  # « tous les jours sauf le lundi »: days named next are removed
    jours_dabord: bool | None = None  # days came before any hours, « fermé » or « rdv »
    heures_dabord: bool | None = None  # hours came before any day: « 9h-12h du lundi… »

    @property
    def horaires(self) -> bool:
        return bool(self.creneaux or self.demis or self.notes)

    @property
    def contenu(self) -> bool:
        return self.horaires or self.ferme or self.rdv

    def ajouter(self, j: _Jeton) -> None:
        self.debut, self.fin = (j.debut if self.debut < 0 else self.debut), j.fin
        if j.genre == "jours":
            if self.exclure:
                self.jours = [d for d in self.jours if d not in j.valeur]
                return
            self.jours_dabord = not self.contenu if self.jours_dabord is None else self.jours_dabord
            self.jours += [d for d in j.valeur if d not in self.jours]
            return
        self.exclure = j.genre == "sauf"
        if j.genre in ("creneau", "demi", "ferme", "rdv") and self.jours_dabord is None:
            self.jours_dabord = False
        if j.genre in ("creneau", "demi") and self.heures_dabord is None:
            self.heures_dabord = not self.jours
        if j.genre == "creneau" and isinstance(j.valeur, str):  # what is wrong with the slot
            self.notes.append((j.valeur, j.debut, j.fin))
        elif j.genre == "creneau":
            self.creneaux.append(j.valeur)
            self.notes += [("heure de fin non précisée", j.debut, j.fin)] * (j.valeur[1] is None)
        elif j.genre == "demi":
            self.demis.append(j.valeur)
        elif j.genre in ("ferme", "rdv", "feries"):
            setattr(self, j.genre, True)
        elif j.genre != "sauf":
            self.inconnu = True


def _jetons(n: str) -> list[_Jeton]:
    """Tokens of the normalised text: days, times, half-days, links, separators, words."""
    bruts: list[_Jeton] = []
    for m in _MOTIF.finditer(n):
        genre, texte, (a, b) = m.lastgroup, m.group(), m.span()
        valeur: object = texte
        if genre == "h24":
            genre, valeur = "creneau", (0, 1440)
        elif genre in GROUPES_JOURS:
            genre, valeur = "jours", GROUPES_JOURS[genre]
        elif genre == "jour":
            nom = texte.rstrip(".")
            genre, valeur = "jours", (NOMS_JOURS.get(nom, NOMS_JOURS.get(nom[:-1])),)
        elif genre == "heure" and texte[0].isdigit():
            h, m, *_ = [*map(int, re.findall(r"\d+", texte)), 0]
            valeur = h * 60 + m if (h < 24 and m < 60) or (h, m) == (24, 0) else None
        elif genre == "heure":
            valeur = 720 if texte == "midi" else 0  # minuit
        elif genre == "demi":
            valeur = {"a": "apres-midi", "m": "matin", "j": "journee"}[texte[0]]
        elif genre == "mot":
            genre = "vide" if texte in MOTS_VIDES else "mot"
        elif genre == "sep":
            valeur = "faible" if texte == "," else "fort"
        bruts.append(_Jeton(genre, a, b, valeur))
    return [j for j in bruts if j.genre != "vide"]


def _creneau(j1: _Jeton, j2: _Jeton) -> _Jeton:
    """A slot from two times (« 9 » of « 9-12h » is an hour), or what is wrong with it."""
    debut, fin = (int(j.valeur) * 60 if j.genre == "nombre" else j.valeur for j in (j1, j2))
    fin = 1440 if fin == 0 else fin  # « 18h-minuit »
    if debut is None or fin is None or max(debut, fin) > 1440:
        return _Jeton("creneau", j1.debut, j2.fin, "heure impossible")
    return _Jeton("creneau", j1.debut, j2.fin, (debut, fin) if fin > debut else "créneau inversé")


def _assembler(jetons: list[_Jeton]) -> list[_Jeton]:
    """Pair times into slots (« 9h à 12h », « 9-12h ») and day names into ranges (« lun-ven »)."""
    sortie: list[_Jeton] = []
    k = 0
    while k < len(jetons):
        j, s1, s2 = [*jetons[k : k + 3], _Jeton(""), _Jeton("")][:3]
        lie = s1.genre == "jusqua" or (s1.genre == "lien" and s1.valeur in ("-", "a", "au", "/"))
        pas = 1
        if j.genre in _TEMPS and lie and s2.genre in _TEMPS and "heure" in (j.genre, s2.genre):
            sortie.append(_creneau(j, s2))
            pas = 3
        elif j.genre == "heure" and s1.genre == "heure":  # « 9h 12h »
            sortie.append(_creneau(j, s1))
            pas = 2
        elif j.genre == "heure" or (j.genre == "debut" and s1.genre == "heure"):
            seule, pas = (j, 1) if j.genre == "heure" else (s1, 2)
            ouvert = (seule.valeur, None) if seule.valeur in range(1440) else "heure impossible"
            sortie.append(_Jeton("creneau", j.debut, seule.fin, ouvert))
        elif j.genre == "jusqua" and s1.genre in _TEMPS:  # « jusqu'à 17h »: no opening time
            sortie.append(_Jeton("mot", j.debut, s1.fin))
            pas = 2
        elif j.genre == "jours" and lie and s1.valeur != "/" and s2.genre == "jours":
            premier, dernier = j.valeur[0], s2.valeur[-1]
            jours = tuple((premier + d) % 7 for d in range((dernier - premier) % 7 + 1))
            sortie.append(_Jeton("jours", j.debut, s2.fin, jours))
            pas = 3
        elif j.genre in ("nombre", "jusqua", "debut"):
            sortie.append(_Jeton("mot", j.debut, j.fin))
        elif j.genre != "lien":
            sortie.append(j)
        k += pas
    return sortie


def _fin_de_clause(c: _Clause, fort: bool, jetons: list[_Jeton], k: int) -> bool:
    """Whether a separator ends the clause: « lundi 9h-12h, mardi… » but « lundi, mardi… »."""
    if not (c.jours or c.contenu or c.inconnu or c.feries):
        return False
    if fort:  # days alone wait for their hours on the next line
        return not (c.jours and not c.contenu)
    if (c.inconnu and not c.jours and not c.horaires) or (c.jours and c.contenu and c.jours_dabord):
        return True
    suite = [j.genre for j in jetons[k + 1 :] if j.genre != "sep"]  # « 9h-12h lundi, samedi 10h »
    reste = suite[next((i for i, g in enumerate(suite) if g != "jours"), len(suite)) :]
    groupe = suite[:1] == ["jours"] and reste[:1] in (["creneau"], ["demi"], ["ferme"], ["rdv"])
    return c.contenu and not c.jours_dabord and groupe


def _clauses(jetons: list[_Jeton]) -> list[_Clause]:
    clauses = [_Clause()]
    for k, j in enumerate(jetons):
        c = clauses[-1]
        if j.genre == "sep":
            if _fin_de_clause(c, j.valeur == "fort", jetons, k):
                clauses.append(_Clause())
            continue
        if j.genre == "sauf" and (c.contenu or not c.jours):
            j = _Jeton("ferme", j.debut, j.fin)  # « 9h-12h sauf le mercredi »: a closure
        apres_virgule = k > 0 and jetons[k - 1].valeur == "faible"
        occupee = bool(c.creneaux or c.notes or c.ferme or c.rdv) or (apres_virgule and c.jours)
        if (
            (j.genre == "jours" and c.jours and c.jours_dabord and c.contenu)
            or (j.genre in ("creneau", "demi") and c.heures_dabord and c.jours)
            or (j.genre in ("ferme", "rdv") and occupee)
        ):
            clauses.append(_Clause())
        clauses[-1].ajouter(j)
    return [c for c in clauses if c.debut >= 0]


def _analyser(texte: str, jours_defaut: list[int] | None = None) -> tuple[list, bool, list]:
    """Free text → (slots per day, « PH off », remarks); with jours_defaut (a column's day),
    hours without days are that day's."""
    simples = [c.lower() if c.isascii() else unidecode(c).lower() for c in texte.translate(_TIRETS)]
    origine = [i for i, simple in enumerate(simples) for _ in simple]  # position in texte
    clauses = _clauses(_assembler(_jetons("".join(simples))))
    par_jour, ph_off, remarques, precedents = [set() for _ in OSM_JOURS], False, [], None

    def cite(a: int, b: int) -> str:
        return "« " + texte[origine[a] : origine[b - 1] + 1].strip(" ,;:()\t\n") + " »"

    for c in clauses:
        extrait = cite(c.debut, c.fin)
        if c.inconnu or (c.heures_dabord and any(f is None for _, f in c.creneaux)):
            remarques.append(f"{extrait} non compris")
            continue
        remarques += [f"{cite(a, b)} : {note}" for note, a, b in c.notes]
        if c.ferme:
            remarques.append(f"{extrait} : fermé")
            continue
        jours = c.jours or jours_defaut or (precedents if c.horaires else None)
        remarques += [f"{extrait} : jours fériés non pris en compte"] * c.feries
        remarques += [f"{extrait} : sur rendez-vous"] * c.rdv
        couverts = {  # half-days a written slot covers take no conventional hours
            "matin": any(d < 720 for d, _ in c.creneaux),
            "apres-midi": any((f or 1440) > 780 or d >= 720 for d, f in c.creneaux),
            "journee": bool(c.creneaux),
        }
        demis = [DEMIS[d] for d in dict.fromkeys(c.demis) if not (couverts[d] or c.rdv)]
        creneaux = c.creneaux + demis
        if not jours:
            remarques += [f"{extrait} : horaires sans jours"] * c.horaires
            continue
        remarques += [f"{extrait} : jours sans horaires"] * (not (creneaux or c.notes or c.rdv))
        for jour in jours:
            par_jour[jour] |= set().union(*(_minutes(d, f) for d, f in creneaux))
        precedents = jours if creneaux else precedents
    for c in clauses:  # closures apply to every day they name, read before or after
        if c.inconnu or not c.ferme:
            continue
        ph_off = ph_off or c.feries
        jours = c.jours or jours_defaut or (list(range(7)) if c.horaires else [])
        fenetres = [(d, f or 1440) for d, f in c.creneaux]
        fenetres = fenetres or [FERMETURES_DEMI[d] for d in c.demis] or [(0, 1440)]
        for jour, (a, b) in ((jour, f) for jour in jours for f in fenetres):
            par_jour[jour] -= set(range(a, b)) | set(range(1440 + a, 1440 + b))
    return par_jour, ph_off, remarques


def _minutes(debut: int, fin: int | None) -> set[int]:
    """A slot as the set of its open minutes; an open end « 14:00+ » as {1440 + 840}."""
    return set(range(debut, fin)) if fin is not None else {1440 + debut}


def _suites(nombres) -> list[list[int]]:
    """[0, 1, 2, 4] → [[0, 1, 2], [4]]."""
    return [
        [n for _, n in g] for _, g in groupby(enumerate(sorted(nombres)), lambda p: p[1] - p[0])
    ]


def _jours_osm(jours: list[int]) -> str:
    """[0, 1, 2, 4] → « Mo-We,Fr »; two consecutive days as « Mo,Tu », as osm_depuis_plages."""
    return ",".join(
        f"{OSM_JOURS[s[0]]}-{OSM_JOURS[s[-1]]}" if len(s) > 2 else ",".join(OSM_JOURS[j] for j in s)
        for s in _suites(jours)
    )


def _plage(debut: int, fin: int | None) -> str:
    """(540, 720) → « 09:00-12:00 »; (840, None) → « 14:00+ »."""
    hm = [f"{m // 60:02d}:{m % 60:02d}" for m in (debut, fin) if m is not None]
    return "-".join(hm) if fin is not None else f"{hm[0]}+"


def _expression(par_jour: list[set], ph_off: bool, remarques: list[str]) -> tuple[str, list[str]]:
    """Days with the same slots grouped: « Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00 »."""
    regles: dict[tuple, list[int]] = {}
    for jour, minutes in enumerate(par_jour):
        plages = [(s[0], s[-1] + 1) for s in _suites(m for m in minutes if m < 1440)]
        plages += [(m - 1440, None) for m in sorted(minutes) if m >= 1440]
        if plages:
            regles.setdefault(tuple(plages), []).append(jour)
    remarques = list(dict.fromkeys(remarques))
    textes = [f"{_jours_osm(j)} {','.join(_plage(*c) for c in cr)}" for cr, j in regles.items()]
    try:
        return valider("; ".join(textes + ["PH off"] * ph_off)) if textes else "", remarques
    except HorairesInvalides as exc:  # a bug of this module, not of the source: say it
        return "", [*remarques, str(exc)]


def osm_depuis_texte(texte: str) -> tuple[str, list[str]]:
    """Free French text → (OSM expression or "", remarks on the parts not understood).

    « du lundi au vendredi de 9h à 12h et de 14h à 17h » → « Mo-Fr 09:00-12:00,14:00-17:00 »;
    « Lundi : 9h-12h ; Mardi : fermé » → (« Mo 09:00-12:00 », [« « Mardi : fermé » : fermé »]).
    Text already in OSM syntax is returned normalised by `sun.core.horaires.normaliser`.
    """
    texte = (texte or "").strip()
    if not texte:
        return "", []
    if _OSM.search(texte):
        try:
            return normaliser(texte), []
        except HorairesInvalides:
            pass
    expression, remarques = _expression(*_analyser(texte))
    return expression, remarques or ([] if expression else [f"« {texte} » non compris"])


def osm_depuis_colonnes(colonnes: dict[str, str]) -> tuple[str, list[str]]:
    """Hours over several columns → (OSM expression or "", remarks), days grouped.

    {« Mo:matin »: « oui », « Mo:apres-midi »: « 14h-17h », « Tu »: « fermé »}
    → « Mo 09:00-12:00,14:00-17:00 ». Keys: « Mo » … « Su », « Mo:matin », « Mo:apres-midi ».
    """
    par_jour, ph_off, remarques, fermes = [set() for _ in OSM_JOURS], False, [], set()
    for cle, valeur in colonnes.items():
        lue = CLES_COLONNES.get(re.sub(r"[\s_-]+", "", unidecode(str(cle)).lower()))
        texte = " ".join(str(valeur if valeur is not None else "").split())
        marque = texte if texte in AFFIRMATIFS | NEGATIFS else unidecode(texte).lower().strip(" .!")
        if lue is None:
            remarques.append(f"colonne « {cle} » ignorée : clés Mo … Su, Mo:matin, Mo:apres-midi")
        elif not texte:
            continue
        elif marque in NEGATIFS:
            fermes.add(lue[0])
        elif marque in AFFIRMATIFS and lue[1]:
            par_jour[lue[0]] |= _minutes(*DEMIS[lue[1]])
        elif marque in AFFIRMATIFS:
            remarques.append(f"{cle} : « {texte} », ouvert sans horaires précisés")
        else:
            cellule, ferie, notes = _analyser(texte, jours_defaut=[lue[0]])
            remarques += [f"{cle} : {r}" for r in notes]
            ph_off = ph_off or ferie
            for j, creneaux in enumerate(cellule):
                par_jour[j] |= creneaux
    contradictions = [OSM_JOURS[jour] for jour in sorted(fermes) if par_jour[jour]]
    remarques += [f"{j} : fermé dans une colonne, ouvert dans une autre" for j in contradictions]
    return _expression(par_jour, ph_off, remarques)
