"""Keyed sync with a diff: make the rows of a query match what a file says.

`synchroniser` reads what exists in one query, compares field by field, then writes in bulk:
the new rows, the changed fields of the changed rows (one statement per batch, see `masse`), and (if asked) removes the rows the file
no longer has. Identical data writes nothing, so an import run twice changes nothing. The
caller runs it inside the pipeline's transaction; a dry run rolls everything back.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.db import models

from sun.core.imports.masse import inserer, mettre_a_jour
from sun.core.versions import donnees_ecrites

TAILLE_LOT = 500
K, A, V = TypeVar("K"), TypeVar("A"), TypeVar("V")


@dataclass
class Diff:
    """What a sync did: keys created, objects changed with their field changes, vanished."""

    nouveaux: list[Any] = field(default_factory=list)
    modifies: list[tuple[models.Model, dict[str, tuple]]] = field(default_factory=list)
    inchanges: int = 0
    disparus: list[models.Model] = field(default_factory=list)  # deleted (supprimer_absents)
    absents: list[models.Model] = field(default_factory=list)  # not in the file, kept or not
    objets: dict[Any, models.Model] = field(default_factory=dict)  # key → object, after the sync

    def noter(self, rapport, nom: Callable[[Any], str] = str) -> None:
        """Add the figures and the change-by-change diff to an import report."""
        rapport.nouveaux += len(self.nouveaux)
        rapport.modifies += len(self.modifies)
        rapport.inchanges += self.inchanges
        for cle in self.nouveaux:
            rapport.noter_changement(f"nouveau : {nom(self.objets.get(cle, cle))}")
        for objet, changements in self.modifies:
            detail = " ; ".join(
                f"{c} : « {_court(a)} » → « {_court(b)} »" for c, (a, b) in changements.items()
            )
            rapport.noter_changement(f"modifié : {nom(objet)} — {detail}")
        for objet in self.disparus:
            rapport.noter_fermeture(nom(objet))


def _court(valeur) -> str:
    if isinstance(valeur, list):
        valeur = " | ".join(map(str, valeur))
    return str(valeur if valeur is not None else "")[:80]


def _actuelle(objet: models.Model, champ: str):
    """The stored value; a foreign key is compared by its id (no query for the related row)."""
    attribut = objet._meta.get_field(champ).attname
    return getattr(objet, attribut)


def _voulue(objet: models.Model, champ: str, valeur):
    if isinstance(valeur, models.Model):
        return valeur.pk
    return valeur


def _lecteur_cle(cle: str | tuple[str, ...]) -> Callable[[models.Model], Any]:
    if isinstance(cle, str):
        attribut = cle
        return lambda objet: getattr(objet, attribut)
    return lambda objet: tuple(getattr(objet, c) for c in cle)


def _champs_cle(cle: str | tuple[str, ...], valeur_cle) -> dict:
    if isinstance(cle, str):
        return {cle: valeur_cle}
    return dict(zip(cle, valeur_cle, strict=True))


@dataclass
class Classement(Generic[K, A, V]):
    """A file against what exists, key by key: the diff before any write."""

    nouveaux: list[tuple[K, V]] = field(default_factory=list)
    modifies: list[tuple[K, A, V]] = field(default_factory=list)
    inchanges: int = 0
    absents: list[tuple[K, A]] = field(default_factory=list)


def classer(
    actuels: Mapping[K, A], voulus: Mapping[K, V], identiques: Callable[[A, V], bool]
) -> Classement[K, A, V]:
    """Sort keyed records into new, changed, unchanged and vanished (in `actuels` only).

    `synchroniser` uses it on model rows; an importer with its own storage (the places'
    source records and hashes) uses it on what it reads in bulk.
    """
    classement: Classement[K, A, V] = Classement()
    for cle, voulu in voulus.items():
        actuel = actuels.get(cle)
        if actuel is None:
            classement.nouveaux.append((cle, voulu))
        elif identiques(actuel, voulu):
            classement.inchanges += 1
        else:
            classement.modifies.append((cle, actuel, voulu))
    classement.absents = [(cle, a) for cle, a in actuels.items() if cle not in voulus]
    return classement


def _changements(objet: models.Model, champs: dict) -> dict[str, tuple]:
    return {
        nom: (_actuelle(objet, nom), _voulue(objet, nom, v))
        for nom, v in champs.items()
        if _actuelle(objet, nom) != _voulue(objet, nom, v)
    }


def synchroniser(
    existants: models.QuerySet,
    cle: str | tuple[str, ...],
    voulus: dict[Any, dict] | Iterable[tuple[Any, dict]],
    *,
    supprimer_absents: bool = False,
    date_maj: Any = None,
    defauts: dict | None = None,
    taille_lot: int = TAILLE_LOT,
) -> Diff:
    """Create, update (and optionally delete) rows of `existants` so that it matches `voulus`.

    `voulus` maps each key (the value of field `cle`, or a tuple of values when `cle` names
    several fields) to the fields it must have. Only the fields that differ are written;
    `date_maj`, if given, is set on created and changed rows. `defauts` are set on created
    rows only (who imported, when first seen…).
    """
    modele = existants.model
    lire_cle = _lecteur_cle(cle)
    classement = classer(
        {lire_cle(o): o for o in existants}, dict(voulus), lambda o, c: not _changements(o, c)
    )
    diff = Diff(inchanges=classement.inchanges)
    a_creer, a_modifier, champs_modifies = [], [], set()
    for valeur_cle, champs in classement.nouveaux:
        nouveau = modele(**{**(defauts or {}), **champs, **_champs_cle(cle, valeur_cle)})
        if date_maj is not None:
            nouveau.date_maj = date_maj
        a_creer.append(nouveau)
        diff.nouveaux.append(valeur_cle)
    for _, objet, champs in classement.modifies:
        changements = _changements(objet, champs)
        for nom in changements:
            setattr(objet, nom, champs[nom])
        if date_maj is not None:
            objet.date_maj = date_maj
        champs_modifies.update(changements)
        a_modifier.append(objet)
        diff.modifies.append((objet, changements))
    inserer(a_creer)
    if a_modifier:
        mettre_a_jour(
            a_modifier, [*champs_modifies, *(["date_maj"] if date_maj is not None else [])]
        )
    diff.absents = [o for _, o in classement.absents]
    if supprimer_absents and diff.absents:
        pks = [o.pk for o in diff.absents]
        donnees_ecrites(modele)
        for i in range(0, len(pks), taille_lot):
            modele.objects.filter(pk__in=pks[i : i + taille_lot]).delete()
        diff.disparus = diff.absents
    # Re-read through the same query (a list of keys could exceed SQLite's parameter limit).
    diff.objets = {lire_cle(o): o for o in existants.all()}
    return diff
