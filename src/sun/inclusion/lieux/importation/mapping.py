"""Declarative mapping files: how a coordinator describes a new source without code.

A mapping file (YAML) says which format the source follows and how its columns feed the
standard's fields. See docs/mapping-lieux.md for the reference and an example.

    source: Hub numérique Occitanie      # default source name
    format: libre                        # v1 | v0.1 | libre
    colonnes:                            # standard field: source column (plain copy)
      nom: Nom de la structure
      code_postal: CP
    champs:
      adresse: {joindre: [Numéro, Voie], separateur: " "}
      services:
        regles:                          # keyword rules → values of the standard
          - {colonnes: [Activités], termes: [démarche, CAF], valeur: Aide aux démarches administratives}
          - {colonnes: [Activités], termes: [ordinateur], sauf: [vente], valeur: Maîtrise des outils numériques du quotidien}
      horaires:
        jours: {Mo: Lundi, Tu: Mardi, We: Mercredi, Th: Jeudi, Fr: Vendredi, Sa: Samedi}
      frais_a_charge: {defaut: [Gratuit]}
      typologie: {valeur: [EPN]}         # a constant for every row
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sun.core.horaires import JOURS, OSM_JOURS, osm_depuis_plages
from sun.inclusion.lieux.normalisation import texte
from sun.inclusion.lieux.standard import CHAMPS_MULTIPLES, CHAMPS_V1, ENUMERATIONS

FORMATS = ("v1", "v0.1", "libre")
CRENEAU = re.compile(
    r"(\d{1,2})\s*(?:h|:|H)\s*(\d{2})?\s*(?:-|–|à|a)\s*(\d{1,2})\s*(?:h|:|H)?\s*(\d{2})?"
)


class MappingInvalide(ValueError):
    """The mapping file is wrong; the message lists every problem, in French."""


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
class Mapping:
    format: str
    source: str = ""
    colonnes: dict[str, str] = field(default_factory=dict)
    champs: dict[str, dict] = field(default_factory=dict)
    chemin: str = ""

    @classmethod
    def depuis_fichier(cls, chemin: Path) -> "Mapping":
        try:
            contenu = yaml.safe_load(chemin.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise MappingInvalide(f"Fichier de correspondance introuvable : {chemin}") from exc
        except yaml.YAMLError as exc:
            raise MappingInvalide(f"Fichier de correspondance illisible (YAML) : {exc}") from exc
        return cls.depuis_dict(contenu, str(chemin))

    @classmethod
    def depuis_dict(cls, contenu, chemin: str = "") -> "Mapping":
        erreurs = []
        if not isinstance(contenu, dict):
            raise MappingInvalide("Le fichier de correspondance doit être un dictionnaire YAML.")
        format_ = str(contenu.get("format", "libre"))
        if format_ not in FORMATS:
            erreurs.append(f"format « {format_} » inconnu (v1, v0.1 ou libre)")
        colonnes = contenu.get("colonnes") or {}
        champs = contenu.get("champs") or {}
        connus = set(CHAMPS_V1) | {"publics_accueillis", "conditions_acces", "labels_nationaux",
                                   "labels_autres", "courriel", "accessibilite", "cle_ban"}  # fmt: skip
        for nom in [*colonnes, *champs]:
            if nom not in connus:
                erreurs.append(f"champ « {nom} » inconnu du standard")
        for nom, regle in champs.items():
            if not isinstance(regle, dict):
                erreurs.append(f"champ « {nom} » : une règle (dictionnaire) est attendue")
                continue
            for r in regle.get("regles", []):
                if "valeur" not in r:
                    erreurs.append(f"champ « {nom} » : chaque règle doit donner une « valeur »")
                elif nom in ENUMERATIONS and r["valeur"] not in ENUMERATIONS[nom]:
                    erreurs.append(
                        f"champ « {nom} » : « {r['valeur']} » n'est pas une valeur du standard"
                    )
            for jour in regle.get("jours") or {}:
                if jour not in OSM_JOURS:
                    erreurs.append(
                        f"horaires : jour « {jour} » inconnu (Mo, Tu, We, Th, Fr, Sa, Su)"
                    )
        if erreurs:
            raise MappingInvalide("Fichier de correspondance invalide :\n- " + "\n- ".join(erreurs))
        return cls(format_, str(contenu.get("source", "")), colonnes, champs, chemin)

    def appliquer(self, ligne: dict) -> dict:
        """A source row → a row with the standard's field names (values still raw)."""
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
            morceaux = [texte(ligne.get(c, "")) for c in regle["joindre"]]
            return regle.get("separateur", " ").join(m for m in morceaux if m)
        if "jours" in regle:
            return horaires_par_jour({j: ligne.get(c, "") for j, c in regle["jours"].items()})
        if "regles" in regle:
            valeurs = [
                r["valeur"]
                for r in regle["regles"]
                if Regle(
                    r["valeur"], r.get("termes", []), r.get("colonnes", []), r.get("sauf", [])
                ).s_applique(ligne)
            ]
            valeurs = list(dict.fromkeys(valeurs)) or regle.get("defaut", [])
            return valeurs if champ in CHAMPS_MULTIPLES else (valeurs[0] if valeurs else "")
        if "colonne" in regle:
            valeur = ligne.get(regle["colonne"], "")
            return valeur if valeur not in (None, "") else regle.get("defaut", "")
        return regle.get("defaut", "")


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
