"""Masking of free texts (answers to « Souhaitez-vous nous en dire plus ? », imported JDMA
verbatims) BEFORE they are stored: nobody, moderators included, ever reads what was masked.

Replaced: e-mail addresses (also « arobase … point … »), French phone numbers (0X XX XX XX XX
with spaces, dots or dashes, +33, 0033, +33 (0)), social security numbers (13 or 15 digits)
and names of persons:
- a civility and what follows it (« M. Dupont », « Madame Martin », « Mme de La Tour »): the
  civility is kept, the name masked; « Madame la Maire », « Madame, Monsieur » are kept;
- what follows « je m'appelle », « mon nom est », « nom : », « je me nomme », « signé »…;
- a known first name followed by a capitalised or all-capitals word (« Julie Ferrand »,
  « Jean DUPONT »), except after « rue », « collège », « Saint »… (« rue Jean Jaurès »);
- a capitalised word inside a sentence followed by an all-capitals word (« Kylian MBAPPE »),
  unless it is an acronym (CAF, MDPH…);
- a known first name alone after « merci », « à », « par », « avec » (« merci à Sophie »);
- a signature: the last line alone, or what follows « Cordialement », when it is one to three
  capitalised words.
Place names (the communes of the département, given by the caller, and a few others) and
common capitalised words (Département, Maison, France Services…) are kept. The rules are
heuristics, tested both ways (tests/qualite/test_avis_masquage.py): what they miss, the
moderation step catches before a text is published."""

import re
import unicodedata
from dataclasses import dataclass

from sun.qualite.satisfaction.prenoms import AVANT_UN_LIEU, MOTS_COURANTS, PRENOMS, SIGLES, mots

MASQUE_COURRIEL = "[courriel masqué]"
MASQUE_TELEPHONE = "[téléphone masqué]"
MASQUE_NUMERO = "[numéro masqué]"
MASQUE_NOM = "[nom masqué]"

COURRIEL = re.compile(
    r"[\w.+'-]+(?:\s+point\s+[\w+'-]+)*\s*(?:@|\(at\)|\[at\]|\s(?:arobase|arobaze)\s)\s*[\w-]+"
    r"(?:(?:\.|\s+point\s+|\(point\))[\w-]+)+",
    re.IGNORECASE,
)
TELEPHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?|0)[1-9](?:[\s.\-]?\d{2}){4}(?!\d)"
)
NIR = re.compile(
    r"(?<!\d)[12]\s?\d{2}\s?(?:0[1-9]|1[0-2]|[2-9]\d)\s?(?:\d{2}|2[ABab])\s?\d{3}\s?\d{3}"
    r"(?:\s?\d{2})?(?!\d)"
)
MOT = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")

# Civilities: written any way, or only capitalised / followed by a dot when short.
CIVILITES_LONGUES = {"monsieur", "madame", "mademoiselle", "docteur", "maitre", "professeur"}
CIVILITES_COURTES = {"M", "Mr", "Mme", "Mlle", "Melle", "Dr", "Me", "Pr", "Mmes", "MM"}
PARTICULES = {"de", "du", "des", "d", "le", "la", "van", "von", "di", "da"}
TITRES = {
    "maire", "president", "presidente", "directeur", "directrice", "prefet", "prefete",
    "ministre", "depute", "deputee", "senateur", "senatrice", "conseiller", "conseillere",
    "juge", "adjoint", "adjointe", "responsable", "agent", "agente", "assistante", "assistant",
    "secretaire", "chef", "cheffe", "medecin", "infirmiere", "infirmier",
}  # fmt: skip
MOTS_VIDES = {
    "et", "ou", "mais", "donc", "car", "je", "j", "tu", "il", "elle", "nous", "vous", "on",
    "qui", "que", "pour", "avec", "sans", "dans", "sur", "a", "au", "aux", "en", "est", "suis",
    "ai", "pas", "ne", "merci", "bonjour", "de", "du", "des", "le", "la", "les", "un", "une",
}  # fmt: skip
CUES_PRENOM = {"merci", "a", "par", "avec", "grace", "aupres"}
INTRODUCTIONS = re.compile(
    r"\b(?:je\s+m['’]\s?appelle|je\s+me\s+nomme|mon\s+nom\s+(?:est|c['’]est|:)|"
    r"mon\s+pr[ée]nom\s+(?:est|c['’]est|:)|(?<!\w)nom\s*:|pr[ée]nom\s*:)",
    re.IGNORECASE,
)
INTRODUCTIONS_FAIBLES = re.compile(r"\b(?:sign[ée]e?\s*:?|moi\s+c['’]est|je\s+suis)\s", re.I)
FORMULES = re.compile(
    r"\b(?:bien\s+)?(?:cordialement|salutations(?:\s+distinguées)?|bien\s+à\s+vous|"
    r"sincèrement|merci(?:\s+d['’]avance|\s+beaucoup|\s+encore)?)\s*[,.!]?\s*",
    re.IGNORECASE,
)
LIEUX_CONNUS = mots(
    """
aude carcassonne narbonne limoux castelnaudary lezignan-corbieres quillan leucate gruissan
coursan trebes cuxac-d'aude sigean bram chalabre couiza espéraza esperaza montolieu paris
toulouse montpellier perpignan beziers nimes marseille lyon occitanie france europe pyrenees
corbieres minervois lauragais razes
"""
)


@dataclass(frozen=True)
class Jeton:
    debut: int
    fin: int
    mot: str

    @property
    def cle(self) -> str:
        return sans_accents(re.sub(r"^[dlDL]['’](?=[A-ZÀ-Ý])", "", self.mot)).lower()

    @property
    def majuscules(self) -> bool:
        return len(self.mot) >= 2 and self.mot.isupper()

    @property
    def capitalise(self) -> bool:
        mot = re.sub(r"^[dlDL]['’](?=[A-ZÀ-Ý])", "", self.mot)
        return mot[:1].isupper() and not (len(mot) >= 2 and mot.isupper())

    @property
    def initiale(self) -> bool:
        return len(self.mot) == 1 and self.mot.isupper()


def sans_accents(texte: str) -> str:
    decompose = unicodedata.normalize("NFD", texte)
    return "".join(c for c in decompose if not unicodedata.combining(c)).replace("’", "'")


def cle_de_lieu(nom: str) -> str:
    """How a place name is compared: lower case, no accents, spaces as dashes."""
    return re.sub(r"\s+", "-", sans_accents(nom).lower().strip())


def masquer(texte: str, lieux: frozenset[str] = frozenset()) -> str:
    """The text with e-mail addresses, phone numbers, social security numbers and names of
    persons replaced. `lieux`: place names to keep (`cle_de_lieu` of each)."""
    if not texte:
        return texte
    texte = COURRIEL.sub(MASQUE_COURRIEL, texte)
    texte = NIR.sub(MASQUE_NUMERO, texte)
    texte = TELEPHONE.sub(MASQUE_TELEPHONE, texte)
    return _masquer_noms(texte, LIEUX_CONNUS | lieux)


class _Analyse:
    def __init__(self, texte: str, lieux: frozenset[str]):
        self.texte, self.lieux = texte, lieux
        self.jetons = [Jeton(m.start(), m.end(), m.group()) for m in MOT.finditer(texte)]
        self.zones: list[tuple[int, int]] = []

    def nom_possible(self, j: Jeton) -> bool:
        """Capitalised or all capitals, and neither a common word, an acronym nor a place."""
        if j.initiale:
            return True
        if not (j.capitalise or j.majuscules):
            return False
        cle = j.cle
        if cle in MOTS_COURANTS or cle in TITRES or cle in self.lieux:
            return False
        return not (j.majuscules and cle in SIGLES)

    def colle(self, a: Jeton, b: Jeton, point: bool = True) -> bool:
        """`b` follows `a` on the same line, separated by spaces (and an initial's dot)."""
        entre = self.texte[a.fin : b.debut]
        point = point and (a.initiale or a.mot in CIVILITES_COURTES)
        return bool(re.fullmatch(r"\.?[ \t\u00a0]+" if point else r"[ \t\u00a0]+", entre))

    def masquer(self, premier: Jeton, dernier: Jeton) -> None:
        fin = dernier.fin + (
            1 if dernier.initiale and self.texte[dernier.fin : dernier.fin + 1] == "." else 0
        )
        self.zones.append((premier.debut, fin))

    def debut_de_phrase(self, j: Jeton) -> bool:
        avant = self.texte[: j.debut].rstrip(" \t\u00a0«\"'(-—")
        return not avant or avant[-1] in ".!?:\n…"

    def suite_de_noms(self, i: int, maximum: int = 4) -> int:
        """Index of the last name-like token from i (particles allowed inside), or i - 1."""
        dernier, j = i - 1, i
        while j < len(self.jetons) and j - i < maximum:
            courant = self.jetons[j]
            if j > i and not self.colle(self.jetons[j - 1], courant):
                break
            if courant.cle in PARTICULES and j + 1 < len(self.jetons):
                if not self.colle(courant, self.jetons[j + 1], point=False):
                    break
                j += 1  # « de La Tour »: kept only if a name follows
                continue
            if not self.nom_possible(courant):
                break
            dernier, j = j, j + 1
        return dernier


def _est_civilite(a: _Analyse, i: int) -> bool:
    j = a.jetons[i]
    if sans_accents(j.mot).lower() in CIVILITES_LONGUES:
        return True
    if j.mot in CIVILITES_COURTES:
        suite = a.texte[j.fin : j.fin + 1]
        return suite == "." or (j.mot != "M" and suite in " \u00a0")
    return False


def _prenom(j: Jeton) -> bool:
    return (j.capitalise or j.majuscules) and all(p in PRENOMS for p in j.cle.split("-"))


def _masquer_noms(texte: str, lieux: frozenset[str]) -> str:
    a = _Analyse(texte, lieux)
    jetons = a.jetons
    for i, j in enumerate(jetons):
        precedent = jetons[i - 1] if i else None
        if _est_civilite(a, i) and i + 1 < len(jetons) and a.colle(j, jetons[i + 1]):
            if (fin := a.suite_de_noms(i + 1)) > i:
                a.masquer(jetons[i + 1], jetons[fin])
            continue
        if precedent is not None and precedent.cle in AVANT_UN_LIEU:
            continue
        suivant = jetons[i + 1] if i + 1 < len(jetons) else None
        if _prenom(j) and suivant and a.colle(j, suivant) and a.nom_possible(suivant):
            a.masquer(j, jetons[max(i + 1, a.suite_de_noms(i + 1, 2))])
        elif (j.capitalise and suivant and suivant.majuscules and a.colle(j, suivant)
              and not a.debut_de_phrase(j) and a.nom_possible(j) and a.nom_possible(suivant)):  # fmt: skip
            a.masquer(j, suivant)
        elif _prenom(j) and j.capitalise and precedent is not None and precedent.cle in CUES_PRENOM:
            a.masquer(j, j)
    _apres_introductions(a)
    _signature(a)
    return _remplacer(texte, a.zones)


def _jeton_apres(a: _Analyse, position: int) -> int | None:
    for k, j in enumerate(a.jetons):
        if j.debut >= position:
            return k
    return None


def _apres_introductions(a: _Analyse) -> None:
    """« je m'appelle jean dupont », « mon nom est Martin »: up to two words of any case (three
    capitalised); after « signé », « je suis », « moi c'est »: name-like words only."""
    for fortes, motif in ((True, INTRODUCTIONS), (False, INTRODUCTIONS_FAIBLES)):
        for trouve in motif.finditer(a.texte):
            k = _jeton_apres(a, trouve.end())
            if k is None or not re.fullmatch(r"[\s:,]*", a.texte[trouve.end() : a.jetons[k].debut]):
                continue
            premier = a.jetons[k]
            if not fortes:
                je_suis = trouve.group().lower().startswith("je")
                if not (_prenom(premier) if je_suis else a.nom_possible(premier)):
                    continue
                fin = a.suite_de_noms(k, 3)
                a.masquer(premier, a.jetons[max(fin, k)])
                continue
            if premier.cle in MOTS_VIDES or "'" in premier.cle:
                continue
            dernier = k
            while dernier + 1 < len(a.jetons) and dernier - k < 2:
                suivant = a.jetons[dernier + 1]
                if not a.colle(a.jetons[dernier], suivant) or suivant.cle in MOTS_VIDES:
                    break
                minuscule = not (suivant.capitalise or suivant.majuscules)
                if minuscule and ("'" in suivant.cle or dernier - k >= 1):
                    break
                dernier += 1
            a.masquer(premier, a.jetons[dernier])


def _signature(a: _Analyse) -> None:
    """The last line alone, or the words after a closing formula at the end: one to three
    name-like words."""
    texte = a.texte.rstrip(" \t\n.!-—")
    if not texte:
        return
    debuts = [texte.rfind("\n") + 1 if "\n" in texte.strip() else -1]
    debuts += [f.end() for f in FORMULES.finditer(texte)]
    for debut in debuts:
        if debut < 0:
            continue
        fin_texte = len(texte)
        mots = [j for j in a.jetons if debut <= j.debut and j.fin <= fin_texte + 1]
        reste = texte[debut:].strip(" \t,.-—")
        if not mots or len(mots) > 3 or not reste:
            continue
        if not re.fullmatch(r"[^\W\d_]+(?:[-'’.\s]+[^\W\d_]+)*\.?", reste):
            continue
        if all(a.nom_possible(j) for j in mots):
            a.masquer(mots[0], mots[-1])


def _remplacer(texte: str, zones: list[tuple[int, int]]) -> str:
    fusionnees: list[list[int]] = []
    for debut, fin in sorted(zones):
        if fusionnees and debut <= fusionnees[-1][1] + 1:
            fusionnees[-1][1] = max(fusionnees[-1][1], fin)
        else:
            fusionnees.append([debut, fin])
    morceaux, position = [], 0
    for debut, fin in fusionnees:
        morceaux += [texte[position:debut], MASQUE_NOM]
        position = fin
    return "".join(morceaux) + texte[position:]
