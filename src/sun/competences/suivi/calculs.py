"""The training figures behind the indicators `competences.*` (declared in
formations/indicators.py and suivi/indicators.py): people trained, hours, satisfaction, share of
elected officials trained. A count of 1 to 4 people is not shown (value None and a note);
demonstration sessions never count (the note says how many lines were left out)."""

from django.utils import timezone

from sun.competences.models import Direction
from sun.competences.suivi import queries
from sun.core.indicators import (
    SEUIL_PERSONNES,
    Niveau,
    Periode,
    TerritoireInconnu,
    Valeur,
    note_demonstration,
    note_trop_peu,
)

SOURCE = "SUN, présences aux sessions de formation notées par le service formation"
SOURCE_ELUS = SOURCE + " ; élus suivis avec leur consentement"


def periode_par_defaut() -> Periode:
    """This calendar year, up to today."""
    aujourd_hui = timezone.localdate()
    return Periode.annee(aujourd_hui.year, jusqu_au=aujourd_hui)


def _direction(niveau: Niveau, code: str) -> Direction | None:
    if Niveau(niveau) != Niveau.DIRECTION:
        return None
    direction = Direction.objects.par_code(code)
    if direction is None:
        raise TerritoireInconnu(f"Direction inconnue : « {code} ».")
    return direction


def _notes(*notes: str) -> str:
    return " ; ".join(n for n in notes if n)


def _contexte(niveau, code, periode):
    periode = periode or periode_par_defaut()
    direction = _direction(niveau, code)
    demo = queries.presences_demonstration(periode.du, periode.au, direction=direction)
    return periode, direction, note_demonstration(demo, "présences en session")


def _personnes(niveau, code, periode, *, categories, theme=None, source=SOURCE) -> Valeur:
    periode, direction, note_demo = _contexte(niveau, code, periode)
    qs = queries.presences(periode.du, periode.au, categories=categories,
                           direction=direction, theme=theme)  # fmt: skip
    n = queries.nombre_personnes(qs)
    if 0 < n < SEUIL_PERSONNES:
        return Valeur(None, periode.au, source,
                      _notes(note_trop_peu(n, SEUIL_PERSONNES, "personnes formées"), note_demo))  # fmt: skip
    return Valeur(n, periode.au, source, note_demo)


def agents_formes(niveau, code, periode: Periode | None = None) -> Valeur:
    return _personnes(niveau, code, periode, categories=queries.AGENTS)


def elus_formes(niveau, code, periode: Periode | None = None) -> Valeur:
    return _personnes(niveau, code, periode, categories=queries.ELUS, source=SOURCE_ELUS)


def formes_theme(theme: str):
    """The calculation of `competences.formes_<theme>`: everyone trained on that theme."""

    def calcul(niveau, code, periode: Periode | None = None) -> Valeur:
        return _personnes(niveau, code, periode, categories=None, theme=theme)

    return calcul


def heures_formation(niveau, code, periode: Periode | None = None) -> Valeur:
    """Hours × people present; not shown when fewer than 5 people were present."""
    periode, direction, note_demo = _contexte(niveau, code, periode)
    qs = queries.presences(periode.du, periode.au, direction=direction)
    n = queries.nombre_personnes(qs)
    if 0 < n < SEUIL_PERSONNES:
        return Valeur(None, periode.au, SOURCE,
                      _notes(note_trop_peu(n, SEUIL_PERSONNES, "personnes formées"), note_demo))  # fmt: skip
    return Valeur(round(queries.heures(qs), 1), periode.au, SOURCE, note_demo)


def satisfaction_formations(niveau, code, periode: Periode | None = None) -> Valeur:
    """Mean of the 1–4 answers (« utile dans mon travail »), not shown under 5 answers."""
    periode, direction, note_demo = _contexte(niveau, code, periode)
    moyenne, reponses = queries.satisfaction(
        queries.presences(periode.du, periode.au, direction=direction)
    )
    if reponses < SEUIL_PERSONNES:
        return Valeur(None, periode.au, SOURCE,
                      _notes(note_trop_peu(reponses, SEUIL_PERSONNES, "réponses"), note_demo))  # fmt: skip
    return Valeur(round(moyenne, 2), periode.au, SOURCE, note_demo)


def part_elus_formes(niveau, code, periode: Periode | None = None) -> Valeur:
    """Share (%) of the tracked elected officials present in at least one session."""
    periode, _, note_demo = _contexte(niveau, code, periode)
    suivis = queries.elus_suivis()
    qs = queries.presences(periode.du, periode.au, categories=queries.ELUS).filter(
        personne__isnull=False, personne__demonstration=False
    )
    formes = queries.nombre_personnes(qs)
    if suivis < SEUIL_PERSONNES or 0 < formes < SEUIL_PERSONNES:
        quoi = "élus suivis" if suivis < SEUIL_PERSONNES else "élus formés"
        nombre = suivis if suivis < SEUIL_PERSONNES else formes
        return Valeur(None, periode.au, SOURCE_ELUS,
                      _notes(note_trop_peu(nombre, SEUIL_PERSONNES, quoi), note_demo))  # fmt: skip
    return Valeur(round(100 * formes / suivis, 1), periode.au, SOURCE_ELUS, note_demo)
