"""The rule that spots a likely duplicate: two titles whose normalised words mostly coincide
(rapidfuzz `token_set_ratio` ≥ SEUIL). Normalising drops case, accents, punctuation and the
small French words that say nothing (« le », « de », « pouvoir »…), so that « Pouvoir exporter
la liste des agents » and « exporter liste agents » are the same request."""

import re
import unicodedata

from rapidfuzz import fuzz

from sun.projets.erreurs import Refus

SEUIL = 85
MOTS_VIDES = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d",
        "au",
        "aux",
        "a",
        "et",
        "ou",
        "en",
        "dans",
        "sur",
        "pour",
        "par",
        "avec",
        "sans",
        "ce",
        "cet",
        "cette",
        "ces",
        "mon",
        "ma",
        "mes",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "qui",
        "que",
        "quoi",
        "dont",
        "il",
        "elle",
        "on",
        "nous",
        "vous",
        "ils",
        "elles",
        "je",
        "j",
        "est",
        "sont",
        "pas",
        "ne",
        "n",
        "plus",
        "pouvoir",
        "possibilite",
        "faire",
    ]
)


def normaliser(titre: str) -> str:
    """Lower case, no accents, no punctuation, no empty words, single spaces."""
    texte = unicodedata.normalize("NFKD", titre or "")
    texte = "".join(c for c in texte if not unicodedata.combining(c)).lower()
    mots = re.findall(r"[a-z0-9]+", texte)
    return " ".join(m for m in mots if m not in MOTS_VIDES)


def proximite(titre_a: str, titre_b: str) -> float:
    """0 to 100. A title of one word is compared whole (a single word is a subset of many
    titles, which `token_set_ratio` would score 100)."""
    a, b = normaliser(titre_a), normaliser(titre_b)
    if not a or not b:
        return 0.0
    if len(a.split()) < 2 or len(b.split()) < 2:
        return fuzz.ratio(a, b)
    return fuzz.token_set_ratio(a, b)


def proches(titre: str, candidates) -> list:
    """The candidates (objects with a `titre`) close to `titre`, the closest first."""
    notes = [(proximite(titre, c.titre), c) for c in candidates]
    return [c for note, c in sorted(notes, key=lambda x: -x[0]) if note >= SEUIL]


class DoublonProbable(Refus):
    """A submission refused because open requests look the same (`demandes`)."""

    def __init__(self, demandes: list):
        self.demandes = list(demandes)
        noms = ", ".join(f"n° {d.pk} « {d.titre} »" for d in self.demandes)
        debut = ("Des demandes proches existent déjà" if len(self.demandes) > 1
                 else "Une demande proche existe déjà")  # fmt: skip
        super().__init__(
            f"{debut} : {noms}. Soutenez-la plutôt, ou cochez « Ce n'est pas la même demande » "
            "pour envoyer la vôtre : rien n'a été enregistré.",
            champ="titre",
        )
