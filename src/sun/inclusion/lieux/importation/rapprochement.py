"""Stage « match known sources »: which rows are new, changed or unchanged for this source.

What the source already has is read once, in one query (ids and hashes only, no model
objects); each batch of rows takes its matches out, and what is left at the end vanished.
"""

from dataclasses import dataclass
from datetime import date

from sun.inclusion.lieux.importation.fiche import Fiche
from sun.inclusion.models import SourceLieu


@dataclass(slots=True)
class Connu:
    pk: int  # the SourceLieu
    lieu_id: object
    empreinte: str
    disparu_le: date | None


@dataclass
class Rapprochement:
    nouvelles: list[Fiche]
    modifiees: list[tuple[Fiche, Connu]]
    inchangees: int
    absents: list[Connu]  # listed by the source until now, not in this file: to close
    non_vus: list[int]  # every SourceLieu of the source not in this file


def connus(source: str) -> dict[str, Connu]:
    lignes = SourceLieu.objects.filter(source=source).values_list(
        "identifiant", "pk", "lieu_id", "empreinte", "disparu_le"
    )
    return {i: Connu(pk, lieu, e, d) for i, pk, lieu, e, d in lignes.iterator(chunk_size=5000)}


def rapprocher_lot(fiches: list[Fiche], restants: dict[str, Connu]) -> Rapprochement:
    """One batch of rows against what the source had; matched records leave `restants`, so
    that what is left at the end is what vanished from the file."""
    nouvelles, modifiees, inchangees = [], [], 0
    for fiche in fiches:
        connu = restants.pop(fiche.identifiant, None)
        if connu is None:
            nouvelles.append(fiche)
        elif connu.empreinte == fiche.empreinte and connu.disparu_le is None:
            inchangees += 1
        else:
            modifiees.append((fiche, connu))
    return Rapprochement(nouvelles, modifiees, inchangees, [], [])


def disparus(restants: dict[str, Connu]) -> Rapprochement:
    """What the source listed and the file no longer does."""
    non_vus = list(restants.values())
    absents = [c for c in non_vus if c.disparu_le is None]
    return Rapprochement([], [], 0, absents, [c.pk for c in non_vus])
