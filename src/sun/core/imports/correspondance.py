"""Declarative mapping files: how a coordinator describes a new source without code.

A mapping (YAML) says which format the source follows and how its columns feed the target's
fields; it works for any target: the importer gives the fields it knows, their enumerations
and which ones hold several values. See docs/correspondances.md.

    source: Hub numérique Occitanie      # default source name
    format: libre                        # a format of the importer, or « libre »
    colonnes:                            # target field: source column (plain copy)
      nom: Nom de la structure
    champs:
      adresse: {joindre: [Numéro, Voie], separateur: " "}
      services:
        regles:                          # keyword rules → values of an enumeration
          - {colonnes: [Activités], termes: [démarche, CAF], valeur: Aide aux démarches administratives}
      horaires:
        jours: {Mo: Lundi, Tu: Mardi}    # opening hours, one column per day
      frais_a_charge: {defaut: [Gratuit]}
      typologie: {valeur: [EPN]}         # a constant for every row
      telephone: {colonne: Tél., defaut: ""}
      code_postal: {colonne: Adresse, extraire: code_postal}   # from a one-line address
    ignorer:                             # rows skipped (closed, inactive…), counted apart
      - {colonne: Statut, termes: [fermé, inactif]}
    projection: lambert93                # coordinates given in Lambert-93, converted (pyproj)
    entete: [start, end, disposition]    # a headerless file: the names of its columns
    fuseau: UTC                          # date-times written without an offset are UTC
    champs:
      issue: {colonne: disposition, valeurs: {ANSWERED: decroche}}   # a table of values
      debut: {colonne: start, format: "%d/%m/%Y %H:%M"}             # how a date is written
      file: {colonne: User, si: {colonne: User type, termes: [HuntGroup]}}  # read only if

The mapping is checked strictly (correspondance_verif): an unknown key or a value of the wrong
shape is an error with its line.
"""

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from sun.core.geo import projeter_vers_wgs84
from sun.core.horaires_texte import osm_depuis_colonnes
from sun.core.imports import correspondance_verif as verif
from sun.core.imports.bornes import YAML_TAILLE_MAX, en_mo
from sun.core.imports.erreurs import ImportImpossible
from sun.core.text import nettoyer, plier

# « 12 rue de la Paix 11000 Carcassonne », « Place du marché, 11300 LIMOUX Cedex »
ADRESSE_CP_COMMUNE = re.compile(
    r"^(?P<voie>.*?)[\s,;-]*(?P<cp>\b\d{5}\b)\s+(?P<commune>[^\d,;]+?)\s*(?:cedex\s*\d*)?\s*$",
    re.IGNORECASE,
)


class CorrespondanceInvalide(ImportImpossible):
    """The mapping file is wrong; the message lists every problem, in French."""


@dataclass(frozen=True)
class Cible:
    """What a target accepts: its fields, their enumerations, the multi-valued ones."""

    champs: Collection[str]
    formats: tuple[str, ...] = ("libre",)
    enumerations: Mapping[str, Collection[str]] = field(default_factory=dict)
    multiples: Collection[str] = ()
    nom: str = "de la cible"


@lru_cache(maxsize=16384)
def _plie(texte: str) -> str:
    return plier(texte)  # the cells a rule reads repeat from row to row: folded once


def _contenu(ligne: dict, colonnes: list[str]) -> str:
    return _plie(" ".join(str(ligne.get(c, "") or "") for c in colonnes))


@dataclass
class Regle:
    """A keyword rule: `valeur` when one of `termes` is in `colonnes` (and none of `sauf`).

    Terms and cells are compared without case or accents: `demarches` matches « Démarches »."""

    valeur: str
    termes: list[str]
    colonnes: list[str]
    sauf: list[str] = field(default_factory=list)

    def __post_init__(self):
        self._termes = [plier(t) for t in self.termes]
        self._sauf = [plier(t) for t in self.sauf]

    def s_applique(self, ligne: dict) -> bool:
        contenu = _contenu(ligne, self.colonnes)
        if any(s in contenu for s in self._sauf):
            return False
        return not self._termes or any(t in contenu for t in self._termes)


@dataclass
class Condition:
    """A row to skip (closed, inactive…): `colonne` holds one of `termes`, equals one of
    `valeurs`, or is empty (`vide`); compared without case or accents."""

    colonne: str
    termes: list[str] = field(default_factory=list)
    valeurs: list[str] = field(default_factory=list)
    vide: bool = False

    def __post_init__(self):
        self._termes = [plier(t) for t in self.termes]
        self._valeurs = {plier(v) for v in self.valeurs}

    def vraie(self, ligne: dict) -> bool:
        contenu = _contenu(ligne, [self.colonne])
        return (
            (self.vide and not contenu)
            or contenu in self._valeurs
            or any(t in contenu for t in self._termes)
        )

    def __str__(self) -> str:
        quoi = [*self.termes, *self.valeurs] or ["vide"]
        return f"{self.colonne} : {', '.join(quoi)}"


@dataclass
class Correspondance:
    format: str
    cible: Cible
    source: str = ""
    colonnes: dict[str, str] = field(default_factory=dict)
    champs: dict[str, dict] = field(default_factory=dict)
    chemin: str = ""
    ignorer: list[Condition] = field(default_factory=list)
    projection: str = ""  # EPSG code of projected coordinates, converted to WGS84
    contenu: dict = field(default_factory=dict)  # as read, to rebuild it (pending imports)
    entete: list[str] = field(default_factory=list)  # a headerless file's column names
    fuseau: str = ""  # time zone of the date-times written without an offset

    @classmethod
    def depuis_fichier(cls, chemin: Path, cible: Cible) -> "Correspondance":
        try:
            if Path(chemin).stat().st_size > YAML_TAILLE_MAX:
                raise CorrespondanceInvalide(
                    f"Fichier de correspondance trop volumineux ({chemin}) : "
                    f"{en_mo(YAML_TAILLE_MAX)} au plus, une correspondance tient en quelques lignes."
                )
            texte = Path(chemin).read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise CorrespondanceInvalide(
                f"Fichier de correspondance introuvable : {chemin}"
            ) from exc
        except UnicodeDecodeError as exc:
            raise CorrespondanceInvalide(
                "Fichier de correspondance illisible : il doit être un texte en UTF-8."
            ) from exc
        return cls.depuis_texte(texte, cible, str(chemin))

    @classmethod
    def depuis_texte(cls, texte: str, cible: Cible, chemin: str = "") -> "Correspondance":
        try:
            contenu = verif.charger_yaml(texte)
        except yaml.YAMLError as exc:
            ou = getattr(exc, "problem_mark", None)
            position = f" (ligne {ou.line + 1})" if ou is not None else ""
            raise CorrespondanceInvalide(
                f"Fichier de correspondance illisible : YAML mal formé{position} : "
                f"{getattr(exc, 'problem', None) or exc}"
            ) from exc
        return cls.depuis_dict(contenu, cible, chemin)

    @classmethod
    def depuis_dict(cls, contenu, cible: Cible, chemin: str = "") -> "Correspondance":
        erreurs = verif.verifier(contenu, cible)
        if erreurs:
            raise CorrespondanceInvalide(
                "Fichier de correspondance invalide :\n- " + "\n- ".join(erreurs)
            )
        colonnes = {str(k): str(v) for k, v in (contenu.get("colonnes") or {}).items()}
        champs = {str(k): dict(v) for k, v in (contenu.get("champs") or {}).items()}
        ignorer = [
            Condition(str(c["colonne"]), verif.en_liste(c.get("termes")),
                      verif.en_liste(c.get("valeurs")), bool(c.get("vide")))
            for c in contenu.get("ignorer") or []
        ]  # fmt: skip
        projection = verif.PROJECTIONS.get(str(contenu.get("projection") or "").casefold(), "")
        return cls(str(contenu.get("format", "libre")), cible, str(contenu.get("source", "")),
                   colonnes, champs, chemin, ignorer, projection, _simple(contenu),
                   verif.en_liste(contenu.get("entete")), str(contenu.get("fuseau") or ""))  # fmt: skip

    def colonnes_lues(self) -> list[str]:
        """Every source column the mapping reads: each must be in the file's header."""
        lues = list(self.colonnes.values())
        for regle in self.champs.values():
            lues += verif.en_liste(regle.get("joindre"))
            lues += [str(c) for c in (regle.get("jours") or {}).values()]
            if "colonne" in regle:
                lues.append(regle["colonne"])
            if isinstance(regle.get("si"), dict):
                lues.append(regle["si"]["colonne"])
            for r in regle.get("regles") or []:
                lues += verif.en_liste(r.get("colonnes"))
        lues += [c.colonne for c in self.ignorer]
        return list(dict.fromkeys(str(c) for c in lues))

    def a_ignorer(self, ligne: dict) -> Condition | None:
        """The condition that skips this row, if any."""
        return next((c for c in self.ignorer if c.vraie(ligne)), None)

    def appliquer(self, ligne: dict) -> dict:
        """A source row → a row with the target's field names (values still raw)."""
        resultat = dict(ligne) if self.format != "libre" else {}
        for champ, colonne in self.colonnes.items():
            resultat[champ] = ligne.get(colonne, "")
        for champ, regle in self.champs.items():
            valeur = self._valeur(champ, regle, ligne)
            if valeur not in (None, "", []):
                resultat[champ] = valeur
        if self.projection and self.projection != "EPSG:4326":
            resultat["latitude"], resultat["longitude"] = vers_wgs84(
                resultat.get("longitude"), resultat.get("latitude"), self.projection
            )
        return resultat

    @cached_property
    def _regles(self) -> dict[str, list[Regle]]:
        return {
            champ: [Regle(str(r["valeur"]), verif.en_liste(r.get("termes")),
                          verif.en_liste(r.get("colonnes")), verif.en_liste(r.get("sauf")))
                    for r in regle.get("regles") or []]
            for champ, regle in self.champs.items()
        }  # fmt: skip

    @cached_property
    def _conditions(self) -> dict[str, Condition]:
        return {
            champ: Condition(str(si["colonne"]), verif.en_liste(si.get("termes")),
                             verif.en_liste(si.get("valeurs")), bool(si.get("vide")))
            for champ, regle in self.champs.items() if isinstance(si := regle.get("si"), dict)
        }  # fmt: skip

    @cached_property
    def _tables(self) -> dict[str, dict[str, str]]:
        return {
            champ: {plier(str(k)): str(v) for k, v in regle["valeurs"].items()}
            for champ, regle in self.champs.items() if isinstance(regle.get("valeurs"), dict)
        }  # fmt: skip

    def _valeur(self, champ: str, regle: dict, ligne: dict):
        if champ in self._conditions and not self._conditions[champ].vraie(ligne):
            return regle.get("defaut", "")  # `si` false: the field is not read on this row
        if "regles" in regle and champ not in self.cible.multiples:
            # A pure function of the cells its rules read, which repeat: computed once each.
            cle = tuple(ligne.get(c) for c in self._lues_par_regles[champ])
            memoire = self._memoire.setdefault(champ, {})
            try:
                valeur = memoire.get(cle)
            except TypeError:  # a JSON cell holding a list: not memoised
                return self._selon_regles(champ, regle, ligne)
            if valeur is None:
                if len(memoire) > 50_000:
                    memoire.clear()
                valeur = memoire[cle] = self._selon_regles(champ, regle, ligne)
            return valeur
        if "regles" in regle:
            return self._selon_regles(champ, regle, ligne)
        if "valeur" in regle:
            return regle["valeur"]
        if "joindre" in regle:
            colonnes = verif.en_liste(regle["joindre"])
            morceaux = [_nettoyer(ligne.get(c, "") or "") for c in colonnes]
            return str(regle.get("separateur", " ")).join(m for m in morceaux if m)
        if "jours" in regle:
            expression, _ = osm_depuis_colonnes(
                {str(j): str(ligne.get(c, "") or "") for j, c in regle["jours"].items()}
            )
            return expression
        if "colonne" in regle:
            return self._colonne(champ, regle, ligne)
        return regle.get("defaut", "")

    @cached_property
    def _lues_par_regles(self) -> dict[str, list[str]]:
        lues = {}
        for champ, regle in self.champs.items():
            colonnes = [
                c for r in regle.get("regles") or [] for c in verif.en_liste(r.get("colonnes"))
            ]
            lues[champ] = list(dict.fromkeys([*colonnes, *verif.en_liste(regle.get("colonne"))]))
        return lues

    @cached_property
    def _memoire(self) -> dict[str, dict]:
        return {}

    def _selon_regles(self, champ: str, regle: dict, ligne: dict):
        trouvees = [r.valeur for r in self._regles[champ] if r.s_applique(ligne)]
        constantes = verif.en_liste(regle.get("valeur"))
        valeurs = list(dict.fromkeys([*constantes, *trouvees]))
        if not valeurs and "colonne" in regle and champ not in self.cible.multiples:
            return self._colonne(champ, regle, ligne)  # no rule true: the column says
        valeurs = valeurs or verif.en_liste(regle.get("defaut"))
        if champ in self.cible.multiples:
            return valeurs
        return (trouvees or valeurs or [""])[0]

    def _colonne(self, champ: str, regle: dict, ligne: dict):
        valeur = ligne.get(regle["colonne"], "")
        if "extraire" in regle:
            valeur = extraire(str(valeur or ""), regle["extraire"])
        if champ in self._tables and valeur not in (None, ""):
            # A value missing from the table stays as read: the importer refuses it by name.
            valeur = self._tables[champ].get(_plie(str(valeur)), valeur)
        if valeur not in (None, ""):
            return valeur
        defaut = regle.get("defaut", "")
        return defaut[0] if isinstance(defaut, list) and defaut else defaut


def _nettoyer(valeur) -> str:
    """`nettoyer`, with a fast path for the plain ASCII cells that it leaves unchanged."""
    if (isinstance(valeur, str) and valeur.isascii() and valeur.isprintable() and "`" not in valeur
            and "  " not in valeur and valeur == valeur.strip()):  # fmt: skip
        return valeur
    return nettoyer(str(valeur))


def _simple(valeur):
    """The mapping as plain dicts and lists (JSON-serialisable, lines dropped)."""
    if isinstance(valeur, dict):
        return {str(k): _simple(v) for k, v in valeur.items()}
    if isinstance(valeur, list):
        return [_simple(v) for v in valeur]
    if valeur is None or isinstance(valeur, str | int | float | bool):
        return valeur
    return str(valeur)  # a YAML date, say: kept as written


def extraire(adresse: str, partie: str) -> str:
    """The postcode, the commune or the street of a one-line address; "" if not found."""
    trouve = ADRESSE_CP_COMMUNE.match(nettoyer(adresse))
    if not trouve:
        return adresse if partie == "voie" else ""
    if partie == "code_postal":
        return trouve["cp"]
    if partie == "commune":
        return trouve["commune"].strip(" -")
    return trouve["voie"].strip(" ,;-")


def vers_wgs84(x, y, projection: str) -> tuple:
    """Projected (x, y) → (latitude, longitude) in WGS84; the raw values if not numbers."""
    try:
        x, y = float(str(x).replace(",", ".")), float(str(y).replace(",", "."))
    except (TypeError, ValueError):
        return y, x
    return projeter_vers_wgs84(x, y, projection)
