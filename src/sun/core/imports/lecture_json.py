"""JSON records read as a stream, with bounded depth, keys, strings and record size.

ijson's `items` (and `parse`, under it) computes the full path of every event — "item.a.a.a…"
— and keeps the path of each open level: on a file nested N levels deep that is O(N²) memory
and time (a 40 KB file of nested objects took 1 GB). So records are built here from ijson's
`basic_parse` events, which carry no path, and the limits of `bornes` are checked as the
events come, before the memory is spent.
"""

import json
from collections.abc import Iterable, Iterator

import ijson

from sun.core.imports import bornes
from sun.core.imports.erreurs import FichierIllisible

DEBUTS = ("start_map", "start_array")
FINS = ("end_map", "end_array")


class _Limites:
    def __init__(self):
        self.profondeur = bornes.profondeur_max()
        self.cles = bornes.colonnes_max()
        self.champ = bornes.champ_max()
        self.enregistrement = bornes.enregistrement_max()


def _texte(valeur: str, limites: _Limites, ou: str) -> None:
    if len(valeur) > limites.champ:
        raise bornes.champ_trop_long(ou)
    if "\x00" in valeur:
        raise bornes.caractere_nul(f"({ou})")


def _construire(evenement: str, valeur, evenements: Iterator, base: int, limites, ou: str):
    """The value that starts with (evenement, valeur), at depth `base`, read to its end."""
    if evenement not in DEBUTS:
        if evenement == "string":
            _texte(valeur, limites, ou)
        return valeur
    racine: dict | list = {} if evenement == "start_map" else []
    pile: list = [racine]
    parent, cle = racine, None
    dans_objet = evenement == "start_map"
    taille, champ = 0, limites.champ
    if base + 1 > limites.profondeur:
        raise bornes.trop_profond(ou)
    for evenement, valeur in evenements:
        if evenement == "map_key":
            cle = valeur
            taille += len(valeur) + 8
            if len(valeur) > champ or "\x00" in valeur:
                _texte(valeur, limites, ou)
            continue
        if evenement == "string":
            taille += len(valeur) + 8
            if len(valeur) > champ or "\x00" in valeur:
                _texte(valeur, limites, ou)
            nouveau = valeur
        elif evenement == "end_map" or evenement == "end_array":
            pile.pop()
            if not pile:
                return parent
            parent = pile[-1]
            dans_objet = type(parent) is dict
            if dans_objet:  # the key a nested value was under is not needed again
                cle = None
            continue
        elif evenement == "start_map" or evenement == "start_array":
            nouveau = {} if evenement == "start_map" else []
        else:
            taille += 8
            nouveau = valeur
        if dans_objet:
            parent[cle] = nouveau
            if len(parent) > limites.cles:
                raise bornes.trop_de_colonnes(f"clés d'un objet, {ou}")
        else:
            parent.append(nouveau)
        if taille > limites.enregistrement:
            raise bornes.enregistrement_trop_long(ou)
        if type(nouveau) is dict or type(nouveau) is list:
            pile.append(nouveau)
            parent = nouveau
            dans_objet = type(nouveau) is dict
            taille += 8
            if base + len(pile) > limites.profondeur:
                raise bornes.trop_profond(ou)
    raise FichierIllisible(f"JSON incomplet ({ou}).")


def _passer(evenement: str, evenements: Iterator, base: int, limites, ou: str) -> None:
    """Skip the value that starts with `evenement` (metadata beside the records)."""
    if evenement not in DEBUTS:
        return
    profondeur = 1
    for evenement, _ in evenements:
        if evenement in DEBUTS:
            profondeur += 1
            if base + profondeur > limites.profondeur:
                raise bornes.trop_profond(ou)
        elif evenement in FINS:
            profondeur -= 1
            if not profondeur:
                return


def elements(evenements: Iterable, cle: str | None) -> Iterator:
    """The records of a JSON document given as basic_parse events: the items of the top-level
    array (`cle` None) or of the array under the top-level key `cle` ("data", "features")."""
    limites = _Limites()
    evenements = iter(evenements)
    numero = 0
    for evenement, valeur in evenements:
        if cle is None and evenement == "start_array":
            base = 1  # the records' array
        elif cle is not None and evenement == "start_map":
            base = None
        else:
            _passer(evenement, evenements, 0, limites, "début du fichier")
            continue
        for evenement, valeur in evenements:
            if base is None:  # inside the top-level object: look for `cle`
                if evenement == "end_map":
                    break
                if evenement == "map_key":
                    suivant, _ = next(evenements, (None, None))
                    if valeur == cle and suivant == "start_array":
                        base = 2
                    else:
                        _passer(suivant, evenements, 1, limites, f"clé « {valeur[:50]} »")
                continue
            if evenement == "end_array":  # the records' array is over
                if base == 1:
                    break
                base = None
                continue
            numero += 1
            yield _construire(evenement, valeur, evenements, base, limites, f"élément {numero}")


def verifier_ligne(texte: str, numero: int) -> object:
    """One line of JSON lines → its value, within the limits (FichierIllisible otherwise)."""
    limites = _Limites()
    ou = f"ligne {numero}"
    if len(texte) > limites.enregistrement:
        raise bornes.enregistrement_trop_long(ou)
    try:
        element = json.loads(texte)
    except RecursionError as exc:
        raise bornes.trop_profond(ou) from exc
    except ValueError as exc:
        raise FichierIllisible(f"JSON mal formé ligne {numero} : {exc}") from exc
    # The full walk only for a line that could break a limit (most lines cannot).
    if (
        texte.count("[") + texte.count("{") > limites.profondeur
        or len(texte) > limites.champ
        or (texte.count(":") > limites.cles or "\\u0000" in texte)
    ):
        evenements = ijson.basic_parse(texte.encode(), use_float=True)
        premier, valeur = next(evenements)
        _construire(premier, valeur, evenements, 0, limites, ou)
    return element
