"""Is a file a Table Schema? SUN says what is wrong, in French, before storing anything: not
JSON, not an object, a JSON Schema (such as DECP's) instead of a Table Schema, no `fields`
list, a field without `name`, a duplicated name, an unknown field type. And the fetch of a
schema from a URL (urllib, with a timeout; never a redirect to another scheme)."""

import json
import socket
import urllib.error
import urllib.request

from django.conf import settings

TAILLE_MAX = 2 * 1024 * 1024
TYPES = {"string", "number", "integer", "boolean", "object", "array", "list", "date", "time",
         "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any"}  # fmt: skip


class SchemaRefuse(ValueError):
    """The file or URL does not give a usable Table Schema; the message says why."""


def verifier(contenu: bytes, nom: str) -> dict:
    """The descriptor of `contenu` if it is a Table Schema; SchemaRefuse otherwise."""
    debut = f"Le schéma « {nom} » est refusé : "
    if len(contenu) > TAILLE_MAX:
        raise SchemaRefuse(debut + f"il dépasse {TAILLE_MAX // (1024 * 1024)} Mo.")
    try:
        texte = contenu.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SchemaRefuse(debut + "ce n'est pas un texte en UTF-8 (un Table Schema est un "
                           "fichier JSON).") from None  # fmt: skip
    try:
        descripteur = json.loads(texte)
    except ValueError as exc:
        ligne = getattr(exc, "lineno", None)
        raise SchemaRefuse(debut + "ce n'est pas du JSON valide" +
                           (f" (erreur ligne {ligne})" if ligne else "") + ".") from None  # fmt: skip
    if not isinstance(descripteur, dict):
        raise SchemaRefuse(debut + "un Table Schema est un objet JSON ({…}), pas une liste ni "
                           "une valeur isolée.")  # fmt: skip
    champs = descripteur.get("fields")
    if champs is None:
        if "properties" in descripteur or "json-schema.org" in str(descripteur.get("$schema")):
            raise SchemaRefuse(debut + "c'est un JSON Schema (comme celui des données "
                               "essentielles de la commande publique, DECP), qui décrit des "
                               "documents JSON, pas un Table Schema, qui décrit les colonnes "
                               "d'un tableau CSV. SUN ne vérifie que des fichiers tabulaires.")  # fmt: skip
        raise SchemaRefuse(debut + "il n'a pas de liste de colonnes « fields ».")
    if not isinstance(champs, list) or not champs:
        raise SchemaRefuse(debut + "« fields » doit être une liste non vide de colonnes.")
    vus = set()
    for rang, champ in enumerate(champs, start=1):
        if not isinstance(champ, dict):
            raise SchemaRefuse(debut + f"la colonne n° {rang} n'est pas un objet JSON.")
        nom_champ = champ.get("name")
        if not isinstance(nom_champ, str) or not nom_champ.strip():
            raise SchemaRefuse(debut + f"la colonne n° {rang} n'a pas de nom (« name »).")
        if nom_champ in vus:
            raise SchemaRefuse(debut + f"la colonne « {nom_champ} » est définie deux fois.")
        vus.add(nom_champ)
        type_ = champ.get("type", "string")
        if type_ not in TYPES:
            raise SchemaRefuse(debut + f"la colonne « {nom_champ} » a un type inconnu "
                               f"« {type_} » (types admis : {', '.join(sorted(TYPES))}).")  # fmt: skip
        if not isinstance(champ.get("constraints", {}), dict):
            raise SchemaRefuse(debut + f"les contraintes de « {nom_champ} » doivent être un "
                               "objet JSON.")  # fmt: skip
    _verifier_frictionless(descripteur, debut)
    return descripteur


def _verifier_frictionless(descripteur: dict, debut: str) -> None:
    from frictionless import FrictionlessException, Schema

    try:
        Schema.from_descriptor(dict(descripteur))
    except FrictionlessException as exc:
        note = getattr(exc.error, "note", "") or str(exc)
        raise SchemaRefuse(debut + f"frictionless ne peut pas le lire ({note}).") from None


def delai() -> float:
    return float(getattr(settings, "SUN_DONNEES_SCHEMAS_DELAI", 10))


def hote_autorise(url: str) -> bool:
    """Whether an address typed in the agent space may be fetched: https, on one of the hosts
    of SUN_DONNEES_SCHEMAS_HOTES (the national schema sites), so that a form never makes the
    server read an internal address."""
    from urllib.parse import urlsplit

    partie = urlsplit(url)
    hotes = getattr(settings, "SUN_DONNEES_SCHEMAS_HOTES", "").split()
    return partie.scheme == "https" and (partie.hostname or "") in hotes


def telecharger(url: str) -> bytes:
    """The bytes at `url` (http or https, at most TAILLE_MAX); SchemaRefuse in French on a
    wrong address, an HTTP error, a timeout or a refused connection."""
    if not url.startswith(("http://", "https://")):
        raise SchemaRefuse(f"Adresse « {url} » refusée : elle doit commencer par https:// "
                           "(ou http://).")  # fmt: skip
    requete = urllib.request.Request(url, headers={"User-Agent": "SUN (schemas)",
                                                   "Accept": "application/json"})  # fmt: skip
    try:
        with urllib.request.urlopen(requete, timeout=delai()) as reponse:
            contenu = reponse.read(TAILLE_MAX + 1)
    except urllib.error.HTTPError as exc:
        raise SchemaRefuse(f"Le serveur de « {url} » a répondu par une erreur {exc.code} : "
                           "schéma non chargé, réessayez plus tard ou vérifiez l'adresse.") from None  # fmt: skip
    except TimeoutError:
        raise SchemaRefuse(f"« {url} » n'a pas répondu dans les {delai():g} secondes : "
                           "schéma non chargé, réessayez plus tard.") from None  # fmt: skip
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raison = getattr(exc, "reason", exc)
        if isinstance(raison, (TimeoutError, socket.timeout)):
            raise SchemaRefuse(f"« {url} » n'a pas répondu dans les {delai():g} secondes : "
                               "schéma non chargé, réessayez plus tard.") from None  # fmt: skip
        if isinstance(raison, socket.gaierror):
            pourquoi = "ce nom de serveur est inconnu"
        elif isinstance(raison, ConnectionRefusedError):
            pourquoi = "le serveur refuse la connexion"
        else:  # the system's own words are English: say it plainly
            pourquoi = "le serveur est injoignable"
        raise SchemaRefuse(f"Impossible de joindre « {url} » ({pourquoi}) : schéma non "
                           "chargé, vérifiez l'adresse.") from None  # fmt: skip
    return contenu
