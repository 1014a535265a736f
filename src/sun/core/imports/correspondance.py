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
"""

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sun.core.horaires import JOURS, OSM_JOURS, osm_depuis_plages
from sun.core.imports.erreurs import ImportImpossible
from sun.core.text import nettoyer

CRENEAU = re.compile(
    r"(\d{1,2})\s*(?:h|:|H)\s*(\d{2})?\s*(?:-|–|à|a)\s*(\d{1,2})\s*(?:h|:|H)?\s*(\d{2})?"
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


@dataclass
class Regle:
    valeur: str
    termes: list[str]
    colonnes: list[str]
    sauf: list[str] = field(default_factory=list)

    def s_applique(self, ligne: dict) -> bool:
        contenu = " ".join(str(ligne.get(c, "")) for c in self.colonnes).casefold()
        if any(s.casefold() in contenu for s in self.sauf):
            return False
        return not self.termes or any(t.casefold() in contenu for t in self.termes)


@dataclass
class Correspondance:
    format: str
    cible: Cible
    source: str = ""
    colonnes: dict[str, str] = field(default_factory=dict)
    champs: dict[str, dict] = field(default_factory=dict)
    chemin: str = ""

    @classmethod
    def depuis_fichier(cls, chemin: Path, cible: Cible) -> "Correspondance":
        try:
            contenu = yaml.safe_load(Path(chemin).read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise CorrespondanceInvalide(
                f"Fichier de correspondance introuvable : {chemin}"
            ) from exc
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise CorrespondanceInvalide(
                f"Fichier de correspondance illisible (YAML) : {exc}"
            ) from exc
        return cls.depuis_dict(contenu, cible, str(chemin))

    @classmethod
    def depuis_dict(cls, contenu, cible: Cible, chemin: str = "") -> "Correspondance":
        if not isinstance(contenu, dict):
            raise CorrespondanceInvalide(
                "Le fichier de correspondance doit être un dictionnaire YAML."
            )
        erreurs = []
        format_ = str(contenu.get("format", "libre"))
        if format_ not in cible.formats:
            erreurs.append(f"format « {format_} » inconnu ({', '.join(cible.formats)})")
        colonnes = contenu.get("colonnes") or {}
        champs = contenu.get("champs") or {}
        if not isinstance(colonnes, dict) or not isinstance(champs, dict):
            raise CorrespondanceInvalide(
                "« colonnes » et « champs » doivent être des dictionnaires."
            )
        for nom in [*colonnes, *champs]:
            if nom not in cible.champs:
                erreurs.append(f"champ « {nom} » inconnu {cible.nom}")
        for nom, regle in champs.items():
            erreurs += _erreurs_regle(nom, regle, cible)
        if erreurs:
            raise CorrespondanceInvalide(
                "Fichier de correspondance invalide :\n- " + "\n- ".join(erreurs)
            )
        colonnes = {str(k): str(v) for k, v in colonnes.items()}
        return cls(format_, cible, str(contenu.get("source", "")), colonnes, champs, chemin)

    def colonnes_lues(self) -> list[str]:
        """Every source column the mapping reads: each must be in the file's header."""
        lues = list(self.colonnes.values())
        for regle in self.champs.values():
            lues += regle.get("joindre", [])
            lues += list((regle.get("jours") or {}).values())
            if "colonne" in regle:
                lues.append(regle["colonne"])
            for r in regle.get("regles", []):
                lues += r.get("colonnes", [])
        return list(dict.fromkeys(str(c) for c in lues))

    def appliquer(self, ligne: dict) -> dict:
        """A source row → a row with the target's field names (values still raw)."""
        resultat = dict(ligne) if self.format != "libre" else {}
        for champ, colonne in self.colonnes.items():
            resultat[champ] = ligne.get(colonne, "")
        for champ, regle in self.champs.items():
            valeur = self._valeur(champ, regle, ligne)
            if valeur not in (None, "", []):
                resultat[champ] = valeur
        return resultat

    def _valeur(self, champ: str, regle: dict, ligne: dict):
        if "valeur" in regle:
            return regle["valeur"]
        if "joindre" in regle:
            morceaux = [nettoyer(str(ligne.get(c, "") or "")) for c in regle["joindre"]]
            return regle.get("separateur", " ").join(m for m in morceaux if m)
        if "jours" in regle:
            return horaires_par_jour({j: ligne.get(c, "") for j, c in regle["jours"].items()})
        if "regles" in regle:
            valeurs = [
                r["valeur"]
                for r in regle["regles"]
                if Regle(r["valeur"], r.get("termes", []), r.get("colonnes", []), r.get("sauf", [])).s_applique(ligne)
            ]  # fmt: skip
            valeurs = list(dict.fromkeys(valeurs)) or regle.get("defaut", [])
            return valeurs if champ in self.cible.multiples else (valeurs[0] if valeurs else "")
        if "colonne" in regle:
            valeur = ligne.get(regle["colonne"], "")
            return valeur if valeur not in (None, "") else regle.get("defaut", "")
        return regle.get("defaut", "")


def _erreurs_regle(nom: str, regle, cible: Cible) -> list[str]:
    if not isinstance(regle, dict):
        return [f"champ « {nom} » : une règle (dictionnaire) est attendue"]
    erreurs = []
    for r in regle.get("regles", []):
        if not isinstance(r, dict) or "valeur" not in r:
            erreurs.append(f"champ « {nom} » : chaque règle doit donner une « valeur »")
        elif nom in cible.enumerations and r["valeur"] not in cible.enumerations[nom]:
            erreurs.append(f"champ « {nom} » : « {r['valeur']} » n'est pas une valeur admise")
    for jour in regle.get("jours") or {}:
        if jour not in OSM_JOURS:
            erreurs.append(f"horaires : jour « {jour} » inconnu (Mo, Tu, We, Th, Fr, Sa, Su)")
    return erreurs


def horaires_par_jour(colonnes: dict[str, str]) -> str:
    """{« Mo »: « 9h-12h / 14h-17h », « Tu »: « Fermé »} → « Mo 09:00-12:00,14:00-17:00; PH off »."""
    plages = []
    for jour_osm, contenu in colonnes.items():
        jour = JOURS[OSM_JOURS.index(jour_osm)]
        creneaux = [
            [f"{int(h1):02d}:{int(m1 or 0):02d}", f"{int(h2):02d}:{int(m2 or 0):02d}"]
            for h1, m1, h2, m2 in CRENEAU.findall(str(contenu or ""))
        ]
        if creneaux:
            plages.append([jour, jour, creneaux])
    expression, _ = osm_depuis_plages(plages)
    return expression
