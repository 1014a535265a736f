"""Funding obtained through the calls for projects, summed per action, funder and year, for
the funding page, the steering pages and the CSV export. Demonstration applications (or
applications to a demonstration call) are listed apart and never summed."""

import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import timezone

from sun.core.tableur import ecrivain_csv

SOURCE = "Candidatures aux appels à projets (SUN)"


@dataclass
class Ligne:
    candidature: object
    financeur: str
    programme: str
    annee: int | None
    ligne_budget: str
    montant: Decimal
    demonstration: bool


@dataclass
class Bilan:
    lignes: list[Ligne]  # real funding
    demonstration: list[Ligne]  # shown labelled, never summed
    total: Decimal
    par_action: list[tuple[str, str, Decimal]]  # (code, title, amount)
    par_financeur: list[tuple[str, Decimal]]
    par_annee: list[tuple[int | None, Decimal]]
    date: date | None  # the latest decision
    jour: date  # when it was computed
    source: str = SOURCE
    financeurs_par_action: dict = field(default_factory=dict)  # action pk → "A, B"


def annee_de(candidature) -> int | None:
    """The year the funding belongs to: its budget line's, else the decision's."""
    if candidature.ligne_budget_id:
        return candidature.ligne_budget.annee
    return candidature.decision_le.year if candidature.decision_le else None


def _ligne(c) -> Ligne:
    lb = c.ligne_budget
    return Ligne(c, c.appel.financeur, c.appel.programme, annee_de(c),
                 f"{lb.annee} {lb.get_type_display().lower()}" if lb else "",
                 c.montant_obtenu or Decimal(0),
                 c.demonstration or c.appel.demonstration)  # fmt: skip


def _trie(d: dict, cle=None) -> list:
    return sorted(d.items(), key=cle or (lambda kv: (-kv[1], str(kv[0]))))


def bilan(candidatures, jour: date | None = None) -> Bilan:
    """`candidatures`: obtained ones (CandidatureQuerySet.financements())."""
    lignes = [_ligne(c) for c in candidatures]
    reelles = [x for x in lignes if not x.demonstration]
    par_action, titres = defaultdict(Decimal), {}
    par_financeur, par_annee = defaultdict(Decimal), defaultdict(Decimal)
    financeurs = defaultdict(set)
    for x in reelles:
        action = x.candidature.action
        par_action[action.code] += x.montant
        titres[action.code] = action.titre
        par_financeur[x.financeur] += x.montant
        par_annee[x.annee] += x.montant
        financeurs[action.pk].add(x.financeur)
    dates = [x.candidature.decision_le for x in reelles if x.candidature.decision_le]
    return Bilan(
        lignes=reelles, demonstration=[x for x in lignes if x.demonstration],
        total=sum((x.montant for x in reelles), Decimal(0)),
        par_action=[(code, titres[code], m) for code, m in sorted(par_action.items())],
        par_financeur=_trie(par_financeur),
        par_annee=sorted(par_annee.items(), key=lambda kv: kv[0] or 0),
        date=max(dates) if dates else None, jour=jour or timezone.localdate(),
        financeurs_par_action={k: ", ".join(sorted(v)) for k, v in financeurs.items()},
    )  # fmt: skip


def en_csv(b: Bilan) -> bytes:
    """One row per real funding obtained (demonstration left out)."""
    texte = io.StringIO()
    ecrivain = ecrivain_csv(texte, delimiter=";")
    ecrivain.writerow(["action", "intitulé de l'action", "appel", "financeur", "programme",
                       "année", "ligne de budget", "montant obtenu (€)", "décision le"])  # fmt: skip
    for x in b.lignes:
        c = x.candidature
        ecrivain.writerow([c.action.code, c.action.titre, c.appel.titre, x.financeur,
                           x.programme, x.annee or "", x.ligne_budget, f"{x.montant:.2f}",
                           c.decision_le.isoformat() if c.decision_le else ""])  # fmt: skip
    ecrivain.writerow([])
    ecrivain.writerow([f"Source : {b.source}, au {b.jour:%d/%m/%Y}"])
    return texte.getvalue().encode("utf-8")
