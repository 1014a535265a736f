"""Stage « match known sources »: which rows are new, changed or unchanged for this source.

What the source already has is read in one query (ids and hashes only, no model objects).
"""

from dataclasses import dataclass
from datetime import date

from sun.core.imports.synchro import classer
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


def rapprocher(fiches: list[Fiche], source: str) -> Rapprochement:
    """The pipeline's keyed diff (core.imports.classer) on the source's ids and hashes."""
    classement = classer(
        connus(source),
        {fiche.identifiant: fiche for fiche in fiches},
        lambda connu, fiche: connu.empreinte == fiche.empreinte and connu.disparu_le is None,
    )
    non_vus = [connu for _, connu in classement.absents]
    return Rapprochement(
        nouvelles=[fiche for _, fiche in classement.nouveaux],
        modifiees=[(fiche, connu) for _, connu, fiche in classement.modifies],
        inchangees=classement.inchanges,
        absents=[c for c in non_vus if c.disparu_le is None],
        non_vus=[c.pk for c in non_vus],
    )
