"""SUN's own implementations of the `custom_checks` that the SCDL schemas declare and that only
Validata runs (plain frictionless ignores them): each is a frictionless `Check`, so that it
runs in frictionless's single pass over the rows, on the values frictionless has already
typed (an integer column gives ints, a date column dates).

Their parameters are read as the schema files write them (`column`, `column1`/`column2`,
`othercolumns`, `columns`, `op`, `allow-year-only`). A value frictionless already refused
(type or constraint error) is not checked again, and an empty cell is left to the schema's
`required` constraint, as Validata does."""

import operator
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import attrs
from frictionless import Check, errors

from sun.core.identifiants import luhn


class ErreurControle(errors.CellError):
    """An error of one of SUN's custom checks (its French message is the note)."""

    type = "sun-controle"
    title = "Contrôle complémentaire"
    description = "Contrôle complémentaire du schéma"
    template = "{note}"


def _classe_erreur(type_: str) -> type[ErreurControle]:
    return type(f"Erreur_{type_.replace('-', '_')}", (ErreurControle,), {"type": type_})


def _vide(valeur) -> bool:
    return valeur is None or (isinstance(valeur, str) and not valeur.strip())


def _deja_refusee(row, colonne: str) -> bool:
    # error_cells holds type errors only; a constraint error is in row.errors.
    return bool(row.errors) and any(getattr(e, "field_name", None) == colonne for e in row.errors)


@attrs.define(kw_only=True, repr=False)
class ControleColonne(Check):
    """A check about one column (`column`), skipped when it is empty or already refused."""

    colonne: str
    type = "sun-controle-colonne"

    def erreur(self, row, message: str, colonne: str | None = None):
        return self.Errors[0].from_row(row, note=message, field_name=colonne or self.colonne)

    def valeurs(self, row) -> Iterable:
        valeur = row.get(self.colonne)
        if _vide(valeur) or _deja_refusee(row, self.colonne):
            return ()
        return (valeur,)


@lru_cache(maxsize=65536)
def _siret(texte: str) -> str:
    """ "" if `texte` is a valid SIRET, else the French reason. Cached: a file repeats the same
    numbers (the granting body on every row, regular beneficiaries)."""
    if len(texte) != 14 or not texte.isdigit():
        return f"« {texte} » n'est pas un numéro SIRET : il faut 14 chiffres."
    if not luhn(texte):
        return (f"Le numéro SIRET « {texte} » n'existe pas : sa clé de contrôle (formule de "
                "Luhn) est fausse.")  # fmt: skip
    return ""


@attrs.define(kw_only=True, repr=False)
class SiretFrancais(ControleColonne):
    type = "french-siret-value"
    Errors = [_classe_erreur("french-siret-value")]

    def validate_row(self, row):
        for valeur in self.valeurs(row):
            if raison := _siret(str(valeur).strip()):
                yield self.erreur(row, raison)


@attrs.define(kw_only=True, repr=False)
class UneDesDeux(Check):
    type = "one-of-required"
    Errors = [_classe_erreur("one-of-required")]
    colonne1: str
    colonne2: str

    def validate_row(self, row):
        if _vide(row.get(self.colonne1)) and _vide(row.get(self.colonne2)):
            colonne = self.colonne1 if self.colonne1 in row.field_names else self.colonne2
            if colonne not in row.field_names:
                return
            erreur = self.Errors[0].from_row(row, field_name=colonne, note=(
                f"Il faut renseigner « {self.colonne1} » ou « {self.colonne2} » (au moins "
                "l'une des deux colonnes)."))  # fmt: skip
            erreur.cell = ""
            yield erreur


@attrs.define(kw_only=True, repr=False)
class ColonnesSolidaires(ControleColonne):
    """`column` and `othercolumns` are all filled or all empty."""

    type = "cohesive-columns-value"
    Errors = [_classe_erreur("cohesive-columns-value")]
    autres: list[str]

    def validate_row(self, row):
        colonnes = [self.colonne, *self.autres]
        remplies = [c for c in colonnes if not _vide(row.get(c))]
        if remplies and len(remplies) < len(colonnes):
            vides = [c for c in colonnes if c not in remplies]
            if self.colonne not in row.field_names:
                return
            yield self.erreur(row, "Ces colonnes vont ensemble : " + ", ".join(colonnes) +
                              " ; remplies : " + ", ".join(remplies) + " ; vides : " +
                              ", ".join(vides) + ".")  # fmt: skip


OPERATEURS = {
    ">": (operator.gt, "supérieure à"), ">=": (operator.ge, "supérieure ou égale à"),
    "<": (operator.lt, "inférieure à"), "<=": (operator.le, "inférieure ou égale à"),
    "==": (operator.eq, "égale à"), "!=": (operator.ne, "différente de"),
}  # fmt: skip


@attrs.define(kw_only=True, repr=False)
class ComparaisonColonnes(ControleColonne):
    type = "compare-columns-value"
    Errors = [_classe_erreur("compare-columns-value")]
    colonne2: str
    op: str

    def validate_row(self, row):
        a, b = row.get(self.colonne), row.get(self.colonne2)
        if _vide(a) or _vide(b) or _deja_refusee(row, self.colonne):
            return
        fonction, sens = OPERATEURS[self.op]
        try:
            correct = fonction(a, b)
        except TypeError:  # not comparable (a column of another type): compare as text
            correct = fonction(str(a), str(b))
        if not correct:
            yield self.erreur(row, f"« {self.colonne} » ({a}) doit être {sens} "
                              f"« {self.colonne2} » ({b}).")  # fmt: skip


@attrs.define(kw_only=True, repr=False)
class SommeColonnes(ControleColonne):
    type = "sum-columns-value"
    Errors = [_classe_erreur("sum-columns-value")]
    termes: list[str]

    def validate_row(self, row):
        total, termes = row.get(self.colonne), [row.get(c) for c in self.termes]
        if _vide(total) or any(_vide(t) for t in termes) or _deja_refusee(row, self.colonne):
            return
        try:
            somme = sum(termes)
        except TypeError:
            return
        if somme != total:
            yield self.erreur(row, f"« {self.colonne} » ({total}) doit être la somme de "
                              + " + ".join(self.termes) + f" ({somme}).")  # fmt: skip


ANNEE, INTERVALLE = re.compile(r"^\d{4}$"), re.compile(r"^(\d{4})/(\d{4})$")


@attrs.define(kw_only=True, repr=False)
class IntervalleAnnees(ControleColonne):
    type = "year-interval-value"
    Errors = [_classe_erreur("year-interval-value")]
    annee_seule: bool = False

    def validate_row(self, row):
        for valeur in self.valeurs(row):
            texte = str(valeur).strip()
            if ANNEE.match(texte):
                if not self.annee_seule:
                    yield self.erreur(row, f"« {texte} » : il faut un intervalle AAAA/AAAA.")
                continue
            trouve = INTERVALLE.match(texte)
            if not trouve:
                attendu = "AAAA ou AAAA/AAAA" if self.annee_seule else "AAAA/AAAA"
                yield self.erreur(row, f"« {texte} » n'est pas au format {attendu}.")
            elif int(trouve[1]) >= int(trouve[2]):
                yield self.erreur(row, f"« {texte} » : la première année doit précéder la "
                                  "seconde.")  # fmt: skip


def _sans_accents(texte: str) -> str:
    decompose = unicodedata.normalize("NFD", texte.strip().casefold())
    return "".join(c for c in decompose if not unicodedata.combining(c))


# The level-1 subjects of the ACTES nomenclature (what comes before the « / »).
MATIERES_ACTES = ("Commande publique", "Urbanisme", "Domaine et patrimoine",
                  "Fonction publique", "Institutions et vie politique",
                  "Libertés publiques et pouvoirs de police", "Finances locales",
                  "Domaines de compétences par thèmes", "Autres domaines de compétences")  # fmt: skip
_MATIERES = {_sans_accents(m) for m in MATIERES_ACTES}


@attrs.define(kw_only=True, repr=False)
class NomenclatureActes(ControleColonne):
    type = "nomenclature-actes-value"
    Errors = [_classe_erreur("nomenclature-actes-value")]

    def validate_row(self, row):
        for valeur in self.valeurs(row):
            texte = str(valeur)
            if "/" not in texte:
                yield self.erreur(row, f"« {texte} » : il manque la barre oblique « / » entre "
                                  "la matière et la sous-matière ACTES.")  # fmt: skip
            elif " /" in texte or "/ " in texte:
                yield self.erreur(row, f"« {texte} » : pas d'espace autour de la barre "
                                  "oblique « / ».")  # fmt: skip
            elif _sans_accents(texte.split("/", 1)[0]) not in _MATIERES:
                yield self.erreur(row, f"« {texte.split('/', 1)[0]} » n'est pas une matière de "
                                  "la nomenclature ACTES (" + ", ".join(MATIERES_ACTES) + ").")  # fmt: skip


def _fabriquer(nom: str, p: dict) -> Check:
    if nom == "french-siret-value":
        return SiretFrancais(colonne=p["column"])
    if nom == "one-of-required":
        return UneDesDeux(colonne1=p["column1"], colonne2=p["column2"])
    if nom == "cohesive-columns-value":
        return ColonnesSolidaires(colonne=p["column"], autres=list(p["othercolumns"]))
    if nom == "compare-columns-value":
        if p["op"] not in OPERATEURS:
            raise KeyError("op")
        return ComparaisonColonnes(colonne=p["column"], colonne2=p["column2"], op=p["op"])
    if nom == "sum-columns-value":
        return SommeColonnes(colonne=p["column"], termes=list(p["columns"]))
    if nom == "year-interval-value":
        return IntervalleAnnees(colonne=p["column"],
                                annee_seule=str(p.get("allow-year-only", "")).lower() in
                                ("yes", "true", "oui"))  # fmt: skip
    if nom == "nomenclature-actes-value":
        return NomenclatureActes(colonne=p["column"])
    raise LookupError(nom)


CONNUS = ("french-siret-value", "one-of-required", "cohesive-columns-value",
          "compare-columns-value", "sum-columns-value", "year-interval-value",
          "nomenclature-actes-value")  # fmt: skip
TYPES_ERREURS = frozenset(CONNUS)


def depuis_schema(descripteur: dict) -> tuple[list[Check], list[str]]:
    """The checks the schema's `custom_checks` list, and a French warning for each one SUN
    does not run (unknown name or unreadable parameters)."""
    controles, avertissements = [], []
    for entree in descripteur.get("custom_checks") or []:
        nom = str(entree.get("name", "")) if isinstance(entree, dict) else ""
        params = entree.get("params") or {} if isinstance(entree, dict) else {}
        if nom not in CONNUS:
            avertissements.append(f"Contrôle non pris en charge : « {nom or '(sans nom)'} » "
                                  "(le schéma le demande ; SUN ne sait pas encore l'exécuter).")  # fmt: skip
            continue
        try:
            controles.append(_fabriquer(nom, params))
        except (KeyError, TypeError, AttributeError):
            avertissements.append(f"Contrôle non pris en charge : « {nom} » (paramètres "
                                  f"illisibles : {params!r}).")  # fmt: skip
    return controles, avertissements
