"""Strict checking of a mapping file: every key known, every value of the right shape.

A mapping is read with the line of each key (a YAML loader that keeps `start_mark`), so that
each problem is reported as « ligne 12 : … » — an unknown key (`regle`, `terms`,
`séparateur`) or a value of the wrong shape is an error, never silently ignored and never a
Python exception. `verifier` returns every problem at once.
"""

import re

import yaml

from sun.core.imports.bornes import ComposeurBorne, verifier_texte_yaml
from sun.core.text import plier

CLES_RACINE = {"source", "format", "colonnes", "champs", "ignorer", "projection", "description",
               "entete", "fuseau"}  # fmt: skip
CLES_CHAMP = {"colonne", "defaut", "valeur", "joindre", "separateur", "regles", "jours",
              "extraire", "description", "valeurs", "format", "si"}  # fmt: skip
CLES_REGLE = {"valeur", "termes", "colonnes", "sauf"}
CLES_IGNORER = {"colonne", "termes", "valeurs", "vide"}
EXTRACTIONS = ("code_postal", "commune", "voie")
# Projected coordinates a mapping may declare; pyproj converts them to WGS84.
PROJECTIONS = {"lambert93": "EPSG:2154", "epsg:2154": "EPSG:2154", "wgs84": "EPSG:4326",
               "epsg:4326": "EPSG:4326", "epsg:3857": "EPSG:3857", "web-mercator": "EPSG:3857"}  # fmt: skip
JOUR = re.compile(r"^(Mo|Tu|We|Th|Fr|Sa|Su)(:(matin|apres-midi))?$")


class DictLigne(dict):
    """A YAML mapping that remembers the line of each of its keys."""

    ligne: int | None = None
    lignes: dict


class _Chargeur(ComposeurBorne, yaml.SafeLoader):
    """Safe, bounded (depth, no alias: see bornes), and keeping the line of every key."""


def _dictionnaire(loader, noeud):
    loader.flatten_mapping(noeud)
    resultat = DictLigne()
    resultat.ligne, resultat.lignes = noeud.start_mark.line + 1, {}
    for noeud_cle, noeud_valeur in noeud.value:
        cle = loader.construct_object(noeud_cle, deep=True)
        try:
            resultat[cle] = loader.construct_object(noeud_valeur, deep=True)
        except TypeError:  # an unhashable key: reported by `verifier`
            cle = str(cle)
            resultat[cle] = loader.construct_object(noeud_valeur, deep=True)
        resultat.lignes[cle] = noeud_cle.start_mark.line + 1
    return resultat


_Chargeur.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _dictionnaire)


def charger_yaml(texte: str):
    """YAML text → Python values whose dicts know their lines (yaml.YAMLError if malformed,
    too big, too deep or using aliases)."""
    verifier_texte_yaml(texte)
    return yaml.load(texte, Loader=_Chargeur)  # a SafeLoader subclass: safe


def _ligne(conteneur, cle=None) -> str:
    lignes = getattr(conteneur, "lignes", None)
    if cle is not None and lignes and cle in lignes:
        return f"ligne {lignes[cle]} : "
    ligne = getattr(conteneur, "ligne", None)
    return f"ligne {ligne} : " if ligne else ""


def _est_texte(valeur) -> bool:
    return isinstance(valeur, str | int | float) and not isinstance(valeur, bool)


def _liste_de_textes(valeur) -> bool:
    return _est_texte(valeur) or (isinstance(valeur, list) and all(map(_est_texte, valeur)))


def _inconnues(conteneur, admises: set, ou: str) -> list[str]:
    return [
        f"{_ligne(conteneur, cle)}clé « {cle} » inconnue {ou} (clés admises : "
        + ", ".join(sorted(admises))
        + ")"
        for cle in conteneur
        if cle not in admises
    ]


def verifier(contenu, cible) -> list[str]:
    """Every problem of a mapping for `cible` (a core.imports.Cible), in French."""
    if not isinstance(contenu, dict):
        return ["le fichier de correspondance doit être un dictionnaire YAML (clé : valeur)"]
    erreurs = _inconnues(contenu, CLES_RACINE, "à la racine du fichier")
    format_ = str(contenu.get("format", "libre"))
    if format_ not in cible.formats:
        erreurs.append(
            f"{_ligne(contenu, 'format')}format « {format_} » inconnu ({', '.join(cible.formats)})"
        )
    if "source" in contenu and not _est_texte(contenu["source"]):
        erreurs.append(f"{_ligne(contenu, 'source')}« source » doit être un texte")
    if isinstance(contenu.get("description"), dict | list):
        erreurs.append(f"{_ligne(contenu, 'description')}« description » doit être un texte")
    projection = contenu.get("projection")
    if projection is not None and str(projection).casefold() not in PROJECTIONS:
        erreurs.append(
            f"{_ligne(contenu, 'projection')}projection « {projection} » inconnue (admises : "
            + ", ".join(sorted(PROJECTIONS))
            + ")"
        )
    erreurs += _erreurs_entete_fuseau(contenu)
    colonnes, champs = (_sous_dictionnaire(contenu, cle, erreurs) for cle in ("colonnes", "champs"))
    for nom in [*colonnes, *champs]:
        if nom not in cible.champs:
            ou = colonnes if nom in colonnes else champs
            erreurs.append(f"{_ligne(ou, nom)}champ « {nom} » inconnu {cible.nom}")
    for nom, colonne in colonnes.items():
        if not _est_texte(colonne):
            erreurs.append(f"{_ligne(colonnes, nom)}« {nom} » : un nom de colonne est attendu")
    for nom, regle in champs.items():
        if not isinstance(regle, dict):
            erreurs.append(
                f"{_ligne(champs, nom)}champ « {nom} » : une règle (clé : valeur) est attendue"
            )
            continue
        erreurs += _erreurs_champ(nom, regle, cible)
    ignorer = contenu.get("ignorer") or []
    if not isinstance(ignorer, list):
        erreurs.append(f"{_ligne(contenu, 'ignorer')}« ignorer » doit être une liste de conditions")
        ignorer = []
    for condition in ignorer:
        erreurs += _erreurs_ignorer(condition, contenu)
    return erreurs


def _erreurs_entete_fuseau(contenu: dict) -> list[str]:
    """`entete`: the column names of a headerless file; `fuseau`: the time zone of date-times
    written without an offset."""
    erreurs = []
    entete = contenu.get("entete")
    if entete is not None:
        if not isinstance(entete, list) or not entete or not all(map(_est_texte, entete)):
            erreurs.append(f"{_ligne(contenu, 'entete')}« entete » attend la liste des colonnes")
        elif len({str(c) for c in entete}) != len(entete):
            erreurs.append(f"{_ligne(contenu, 'entete')}« entete » nomme deux fois une colonne")
    fuseau = contenu.get("fuseau")
    if fuseau is not None and not fuseau_connu(fuseau):
        erreurs.append(
            f"{_ligne(contenu, 'fuseau')}fuseau horaire « {fuseau} » inconnu (exemples : "
            "Europe/Paris, UTC)"
        )
    return erreurs


def fuseau_connu(nom) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not isinstance(nom, str) or not nom or nom.startswith(("/", ".")) or ".." in nom:
        return False
    try:
        ZoneInfo(nom)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _sous_dictionnaire(contenu: dict, cle: str, erreurs: list[str]) -> dict:
    valeur = contenu.get(cle) or {}
    if isinstance(valeur, dict):
        return valeur
    erreurs.append(f"{_ligne(contenu, cle)}« {cle} » doit être un dictionnaire")
    return {}


def _erreurs_champ(nom: str, regle: dict, cible) -> list[str]:
    erreurs = _inconnues(regle, CLES_CHAMP, f"dans la règle du champ « {nom} »")
    for cle in ("colonne", "separateur"):
        if cle in regle and not _est_texte(regle[cle]):
            erreurs.append(f"{_ligne(regle, cle)}« {nom} » : « {cle} » doit être un texte")
    if "joindre" in regle and not _liste_de_textes(regle["joindre"]):
        erreurs.append(
            f"{_ligne(regle, 'joindre')}« {nom} » : « joindre » attend une liste de colonnes"
        )
    for cle in ("valeur", "defaut"):
        if cle in regle:
            if not _liste_de_textes(regle[cle]):
                erreurs.append(
                    f"{_ligne(regle, cle)}« {nom} » : « {cle} » attend un texte ou une liste de textes"
                )
            else:
                erreurs += _hors_enumeration(nom, regle[cle], cible, _ligne(regle, cle))
    if "extraire" in regle:
        if regle["extraire"] not in EXTRACTIONS:
            erreurs.append(
                f"{_ligne(regle, 'extraire')}« {nom} » : « extraire » vaut "
                + " ou ".join(EXTRACTIONS)
            )
        if "colonne" not in regle:
            erreurs.append(
                f"{_ligne(regle, 'extraire')}« {nom} » : « extraire » demande une « colonne »"
            )
    erreurs += _erreurs_table_format_si(nom, regle, cible)
    jours = regle.get("jours")
    if jours is not None:
        if not isinstance(jours, dict):
            erreurs.append(f"{_ligne(regle, 'jours')}« {nom} » : « jours » attend jour : colonne")
        else:
            for jour, colonne in jours.items():
                if not JOUR.match(str(jour)):
                    erreurs.append(
                        f"{_ligne(jours, jour)}horaires : jour « {jour} » inconnu (Mo, Tu, We, "
                        "Th, Fr, Sa, Su, ou une demi-journée : Mo:matin, Mo:apres-midi)"
                    )
                if not _est_texte(colonne):
                    erreurs.append(
                        f"{_ligne(jours, jour)}horaires : « {jour} » attend un nom de colonne"
                    )
    regles = regle.get("regles")
    if regles is not None:
        if not isinstance(regles, list):
            erreurs.append(
                f"{_ligne(regle, 'regles')}« {nom} » : « regles » attend une liste de règles"
            )
        else:
            for r in regles:
                erreurs += _erreurs_mots_cles(nom, r, regle, cible)
    return erreurs


def _erreurs_table_format_si(nom: str, regle: dict, cible) -> list[str]:
    """`valeurs`: a table « value read: value of the target »; `format`: how a date is written
    (strptime codes); `si`: a condition (like those of `ignorer`) for the field to be read."""
    erreurs = []
    table = regle.get("valeurs")
    if table is not None:
        if not isinstance(table, dict) or not table:
            erreurs.append(
                f"{_ligne(regle, 'valeurs')}« {nom} » : « valeurs » attend une table "
                "« valeur lue : valeur de SUN »"
            )
        else:
            for lue, voulue in table.items():
                if not _est_texte(voulue):
                    erreurs.append(f"{_ligne(table, lue)}« {nom} » : « {lue} » attend un texte")
                else:
                    erreurs += _hors_enumeration(nom, voulue, cible, _ligne(table, lue))
        if "colonne" not in regle:
            erreurs.append(
                f"{_ligne(regle, 'valeurs')}« {nom} » : « valeurs » demande une « colonne »"
            )
    if "format" in regle and (not isinstance(regle["format"], str) or "%" not in regle["format"]):
        erreurs.append(
            f"{_ligne(regle, 'format')}« {nom} » : « format » attend un format de date "
            "(par exemple « %d/%m/%Y %H:%M:%S »)"
        )
    if "si" in regle:
        erreurs += _erreurs_ignorer(regle["si"], regle, f"« {nom} » : « si »")
    return erreurs


def _erreurs_mots_cles(nom: str, r, parent, cible) -> list[str]:
    if not isinstance(r, dict):
        return [
            f"{_ligne(parent, 'regles')}« {nom} » : chaque règle est un dictionnaire (valeur, termes, colonnes, sauf)"
        ]
    erreurs = _inconnues(r, CLES_REGLE, f"dans une règle du champ « {nom} »")
    if "valeur" not in r:
        erreurs.append(f"{_ligne(r)}« {nom} » : chaque règle doit donner une « valeur »")
    elif not _est_texte(r["valeur"]):
        erreurs.append(f"{_ligne(r, 'valeur')}« {nom} » : la « valeur » d'une règle est un texte")
    else:
        erreurs += _hors_enumeration(nom, r["valeur"], cible, _ligne(r, "valeur"))
    for cle in ("termes", "colonnes", "sauf"):
        if cle in r and not _liste_de_textes(r[cle]):
            erreurs.append(f"{_ligne(r, cle)}« {nom} » : « {cle} » attend une liste de textes")
    return erreurs


def _erreurs_ignorer(condition, contenu, ou: str = "« ignorer »") -> list[str]:
    cle_parent = "si" if ou != "« ignorer »" else "ignorer"
    if not isinstance(condition, dict):
        return [
            f"{_ligne(contenu, cle_parent)}{ou} : chaque condition est un dictionnaire (colonne, termes, valeurs, vide)"
        ]
    erreurs = _inconnues(condition, CLES_IGNORER, f"dans une condition {ou}")
    if not _est_texte(condition.get("colonne")):
        erreurs.append(f"{_ligne(condition)}{ou} : chaque condition nomme sa « colonne »")
    for cle in ("termes", "valeurs"):
        if cle in condition and not _liste_de_textes(condition[cle]):
            erreurs.append(f"{_ligne(condition, cle)}{ou} : « {cle} » attend une liste de textes")
    if "vide" in condition and not isinstance(condition["vide"], bool):
        erreurs.append(f"{_ligne(condition, 'vide')}{ou} : « vide » vaut true ou false")
    if not {"termes", "valeurs", "vide"} & set(condition):
        erreurs.append(f"{_ligne(condition)}{ou} : donnez « termes », « valeurs » ou « vide »")
    return erreurs


def _hors_enumeration(nom: str, valeurs, cible, ligne: str) -> list[str]:
    admises = cible.enumerations.get(nom)
    if not admises:
        return []
    index = {plier(v) for v in admises}
    return [
        f"{ligne}champ « {nom} » : « {v} » n'est pas une valeur admise"
        for v in ([valeurs] if _est_texte(valeurs) else valeurs)
        if plier(str(v)) not in index
    ]


def en_liste(valeur) -> list[str]:
    """A text or a list of texts → a list of texts (shapes already checked)."""
    if valeur is None:
        return []
    return [str(v) for v in valeur] if isinstance(valeur, list) else [str(valeur)]
