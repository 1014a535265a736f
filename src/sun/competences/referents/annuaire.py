"""The directory of digital referents, computed: directions with their active referents,
searched by direction or question without regard to accents or case."""

import unicodedata
from dataclasses import dataclass, field


def replier(texte: str) -> str:
    """« Éducation » → « education »: for a search that ignores accents and case."""
    decompose = unicodedata.normalize("NFD", str(texte or "").replace("’", "'").casefold())
    return "".join(c for c in decompose if not unicodedata.combining(c))


def questions(referent) -> list[str]:
    """The questions a referent handles at first level, one per line."""
    return [q.strip(" -•\t") for q in (referent.questions or "").splitlines() if q.strip(" -•\t")]


@dataclass
class Entree:
    direction: object
    referents: list = field(default_factory=list)


def _correspond(entree: Entree, mots: list[str]) -> bool:
    d = entree.direction
    texte = replier(" ".join([d.nom, d.sigle, d.code] + [
        " ".join([r.perimetre, r.questions, r.personne.nom, r.personne.prenom])
        for r in entree.referents]))  # fmt: skip
    return all(mot in texte for mot in mots)


def construire(directions, referents, recherche: str = "") -> list[Entree]:
    """One entry per direction (in the given order) with its referents; only the entries
    matching every word of `recherche` (direction, scope, question or name)."""
    entrees = {d.pk: Entree(d) for d in directions}
    for r in referents:
        if r.direction_id in entrees:
            entrees[r.direction_id].referents.append(r)
    mots = replier(recherche).split()
    return [e for e in entrees.values() if not mots or _correspond(e, mots)]


def mailto(referent, direction) -> str:
    from urllib.parse import quote

    sujet = quote(f"Question numérique — {direction.sigle or direction.nom}")
    return f"mailto:{referent.courriel}?subject={sujet}"
