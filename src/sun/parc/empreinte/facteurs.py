"""The footprint factor tables SUN ships as data (`facteurs/`: one CSV per edition, their
provenance in `editions.yaml`), loaded by a pure, cached function and validated: a malformed
file raises `FacteursInvalides` with one French sentence naming the file and the line.

Each edition is normalised per SUN type: the embodied footprint of one device (everything
but use: manufacturing, assembly and distribution, end of life) per criterion, the use per
year per criterion (a use given over the source's lifetime is divided by it), and the
source's own lifetime. Types absent from an edition have no factor there."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml
from django.conf import settings

from sun.parc.referentiel import TypeEquipement

DOSSIER = Path(__file__).resolve().parent / "facteurs"
EDITION_PAR_DEFAUT = "ademe-arcep-2022"
# France, boaviztapi 2.5.0 data/crowdsourcing/electrical_mix.csv (see editions.yaml).
MIX_PAR_DEFAUT = 0.098
SOURCE_MIX = ("mix électrique français, 0,098 kg CO2e/kWh (boaviztapi 2.5.0, "
              "electrical_mix.csv, année de référence 2019)")  # fmt: skip

CRITERES = {"gwp": "kg CO2e", "adpe": "kg Sb éq.", "adpf": "MJ", "pe": "MJ"}
LIBELLES_CRITERES = {
    "gwp": "Changement climatique",
    "adpe": "Épuisement des ressources minérales",
    "adpf": "Épuisement des ressources fossiles",
    "pe": "Énergie primaire",
}
PARAMETRES = {"duree_de_vie": ("an", "h"), "puissance": ("W",), "taux_utilisation": ("",)}
PHASES_INTRINSEQUES = ("fabrication", "assemblage_distribution", "fin_de_vie")
PHASES = (*PHASES_INTRINSEQUES, "hors_usage", "usage", "parametre")
COLONNES = ("type", "critere", "phase", "valeur", "min", "max", "unite", "periode",
            "equipement_source")  # fmt: skip
HEURES_PAR_AN = 8760


class FacteursInvalides(ValueError):
    """A factor file SUN cannot use; the message says which file, which line and why."""


@dataclass(frozen=True)
class Mesure:
    valeur: float
    min: float | None = None
    max: float | None = None


@dataclass(frozen=True)
class FacteursType:
    type: str
    equipement_source: str
    duree_de_vie_source: float | None  # years
    intrinseque: dict[str, Mesure]  # criterion → embodied footprint of one device
    usage_annuel: dict[str, Mesure]  # criterion → use over one year
    detail: dict[str, float] = field(default_factory=dict)  # gwp per embodied phase
    parametres: dict[str, Mesure] = field(default_factory=dict)
    approximation: str = ""

    @property
    def libelle(self) -> str:
        return TypeEquipement(self.type).label


@dataclass(frozen=True)
class TableFacteurs:
    code: str
    titre: str
    source: str
    date: date | None
    version: str
    criteres: tuple[str, ...]
    mix_reference: float | None
    remarques: str
    types: dict[str, FacteursType]

    @property
    def sans_facteur(self) -> list[str]:
        """SUN types this edition gives no factor for (counted apart, never guessed)."""
        return [t for t in TypeEquipement.values if t not in self.types]

    @property
    def mention(self) -> str:
        """« ADEME–Arcep 2022 (ImpactCO2), édition du 19/01/2022 »: shown on every figure."""
        if self.date:
            return f"{self.titre}, édition du {self.date:%d/%m/%Y}"
        return f"{self.titre}, version {self.version}" if self.version else self.titre


def _nombre(texte: str, ou: str, colonne: str, vide_permis: bool = False) -> float | None:
    texte = (texte or "").strip()
    if not texte:
        if vide_permis:
            return None
        raise FacteursInvalides(f"{ou} : la colonne « {colonne} » est vide.")
    try:
        valeur = float(texte.replace(",", "."))
    except ValueError:
        raise FacteursInvalides(f"{ou} : « {texte} » n'est pas un nombre (colonne "
                                f"« {colonne} »).") from None  # fmt: skip
    if valeur < 0:
        raise FacteursInvalides(f"{ou} : la valeur {texte} est négative (colonne « {colonne} »).")
    return valeur


def _ligne(brute: dict, ou: str) -> tuple[str, str, str, Mesure, str, str, str]:
    type_ = (brute.get("type") or "").strip()
    critere = (brute.get("critere") or "").strip()
    phase = (brute.get("phase") or "").strip()
    unite = (brute.get("unite") or "").strip()
    periode = (brute.get("periode") or "").strip()
    if type_ not in TypeEquipement.values:
        raise FacteursInvalides(f"{ou} : type d'équipement inconnu « {type_} » (types SUN : "
                                f"{', '.join(TypeEquipement.values)}).")  # fmt: skip
    if phase not in PHASES:
        raise FacteursInvalides(f"{ou} : phase inconnue « {phase} » ({', '.join(PHASES)}).")
    if phase == "parametre":
        if critere not in PARAMETRES:
            raise FacteursInvalides(f"{ou} : paramètre inconnu « {critere} ».")
        if unite not in PARAMETRES[critere]:
            raise FacteursInvalides(f"{ou} : unité « {unite} » inattendue pour « {critere} ».")
    else:
        if critere not in CRITERES:
            raise FacteursInvalides(f"{ou} : critère inconnu « {critere} » "
                                    f"({', '.join(CRITERES)}).")  # fmt: skip
        if unite != CRITERES[critere]:
            raise FacteursInvalides(f"{ou} : unité « {unite} » pour le critère « {critere} », "
                                    f"« {CRITERES[critere]} » attendue.")  # fmt: skip
        if phase == "usage" and periode not in ("an", "duree_de_vie"):
            raise FacteursInvalides(f"{ou} : un usage dit sa période (« an » ou "
                                    "« duree_de_vie »).")  # fmt: skip
    valeur = _nombre(brute.get("valeur"), ou, "valeur")
    bas = _nombre(brute.get("min"), ou, "min", vide_permis=True)
    haut = _nombre(brute.get("max"), ou, "max", vide_permis=True)
    if (bas is not None and bas > valeur) or (haut is not None and haut < valeur):
        raise FacteursInvalides(f"{ou} : la valeur {valeur:g} sort de son intervalle "
                                f"[{bas if bas is not None else '—'} ; "
                                f"{haut if haut is not None else '—'}].")  # fmt: skip
    source = (brute.get("equipement_source") or "").strip()
    return type_, critere, phase, Mesure(valeur, bas, haut), periode, unite, source


def analyser(texte: str, nom: str, approximations: dict | None = None) -> dict[str, FacteursType]:
    """The factors per type of one CSV text (`nom` names it in the messages)."""
    lecteur = csv.DictReader(io.StringIO(texte.lstrip("\ufeff"), newline=""))
    manquantes = [c for c in COLONNES if c not in (lecteur.fieldnames or [])]
    if manquantes:
        raise FacteursInvalides(f"{nom} : colonne(s) manquante(s) : {', '.join(manquantes)}.")
    vues: set[tuple[str, str, str]] = set()
    brutes: dict[str, dict] = {}
    for numero, brute in enumerate(lecteur, start=2):
        ou = f"{nom}, ligne {numero}"
        type_, critere, phase, mesure, periode, unite, source = _ligne(brute, ou)
        if (type_, critere, phase) in vues:
            raise FacteursInvalides(f"{ou} : « {type_} / {critere} / {phase} » est en double.")
        vues.add((type_, critere, phase))
        t = brutes.setdefault(type_, {"source": source, "phases": {}, "usage": {},
                                      "parametres": {}})  # fmt: skip
        if phase == "parametre":
            if critere == "duree_de_vie" and unite == "h":
                mesure = Mesure(mesure.valeur / HEURES_PAR_AN)
            t["parametres"][critere] = mesure
        elif phase == "usage":
            t["usage"][critere] = (mesure, periode, numero)
        else:
            t["phases"].setdefault(critere, {})[phase] = (mesure, numero)
    if not brutes:
        raise FacteursInvalides(f"{nom} : aucun facteur.")
    return {t: _type(t, b, nom, (approximations or {}).get(t, "")) for t, b in brutes.items()}


def _type(type_: str, brut: dict, nom: str, approximation: str) -> FacteursType:
    duree = brut["parametres"].get("duree_de_vie")
    if duree is None or duree.valeur <= 0:
        raise FacteursInvalides(f"{nom} : « {type_} » n'a pas de durée de vie de la source "
                                "(paramètre duree_de_vie).")  # fmt: skip
    intrinseque, detail = {}, {}
    for critere, phases in brut["phases"].items():
        parties = [phases[p][0].valeur for p in PHASES_INTRINSEQUES if p in phases]
        if "hors_usage" in phases:
            total, numero = phases["hors_usage"]
            if parties and abs(sum(parties) - total.valeur) > 0.051 * max(1, len(parties)):
                raise FacteursInvalides(
                    f"{nom}, ligne {numero} : le total hors usage de « {type_} » "
                    f"({total.valeur:g}) n'est pas la somme de ses phases ({sum(parties):g})."
                )
            intrinseque[critere] = total
        elif "fabrication" in phases:
            intrinseque[critere] = (phases["fabrication"][0] if len(parties) == 1
                                    else Mesure(sum(parties)))  # fmt: skip
        if critere == "gwp":
            detail = {p: phases[p][0].valeur for p in PHASES_INTRINSEQUES if p in phases}
    if "gwp" not in intrinseque:
        raise FacteursInvalides(f"{nom} : « {type_} » n'a pas de fabrication en kg CO2e.")
    usage = {}
    for critere, (mesure, periode, _numero) in brut["usage"].items():
        diviseur = duree.valeur if periode == "duree_de_vie" else 1
        usage[critere] = Mesure(
            mesure.valeur / diviseur,
            None if mesure.min is None else mesure.min / diviseur,
            None if mesure.max is None else mesure.max / diviseur,
        )
    return FacteursType(type_, brut["source"], duree.valeur, intrinseque, usage, detail,
                        dict(brut["parametres"]), approximation)  # fmt: skip


def _provenance(dossier: Path) -> dict:
    chemin = dossier / "editions.yaml"
    try:
        contenu = yaml.safe_load(chemin.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FacteursInvalides(f"Provenance des facteurs illisible ({chemin}) : "
                                f"{exc.strerror}.") from exc  # fmt: skip
    except yaml.YAMLError as exc:
        raise FacteursInvalides(f"{chemin.name} : YAML mal formé ({exc}).") from exc
    if not isinstance(contenu, dict) or not isinstance(contenu.get("editions"), dict):
        raise FacteursInvalides(f"{chemin.name} : la clé « editions » manque.")
    return contenu["editions"]


def editions(dossier: Path = DOSSIER) -> list[str]:
    return sorted(_provenance(Path(dossier)))


@lru_cache(maxsize=16)
def charger_table(code: str, dossier: Path = DOSSIER) -> TableFacteurs:
    """The factor table of edition `code` (cached per process: the files ship with SUN)."""
    dossier = Path(dossier)
    provenance = _provenance(dossier)
    if code not in provenance:
        raise FacteursInvalides(f"Édition de facteurs inconnue « {code} » (éditions : "
                                f"{', '.join(sorted(provenance))}).")  # fmt: skip
    meta = provenance[code] or {}
    for cle in ("titre", "fichier", "source"):
        if not meta.get(cle):
            raise FacteursInvalides(f"editions.yaml : l'édition « {code} » n'a pas de « {cle} ».")
    chemin = dossier / meta["fichier"]
    try:
        texte = chemin.read_text(encoding="utf-8")
    except OSError as exc:
        raise FacteursInvalides(f"Fichier de facteurs illisible ({chemin}) : "
                                f"{exc.strerror}.") from exc  # fmt: skip
    except UnicodeDecodeError as exc:
        raise FacteursInvalides(f"{chemin.name} : le fichier n'est pas en UTF-8.") from exc
    types = analyser(texte, chemin.name, meta.get("approximations") or {})
    jour = meta.get("date")
    if jour is not None and not isinstance(jour, date):
        raise FacteursInvalides(f"editions.yaml : date de « {code} » invalide (AAAA-MM-JJ).")
    mix = meta.get("mix_reference")
    return TableFacteurs(
        code=code, titre=str(meta["titre"]), source=" ".join(str(meta["source"]).split()),
        date=jour, version=str(meta.get("version") or ""),
        criteres=tuple(meta.get("criteres") or ("gwp",)),
        mix_reference=float(mix) if mix else None,
        remarques=" ".join(str(meta.get("remarques") or "").split()), types=types,
    )  # fmt: skip


def edition_choisie() -> str:
    return getattr(settings, "SUN_PARC_FACTEURS", EDITION_PAR_DEFAUT) or EDITION_PAR_DEFAUT


def table_courante(code: str | None = None) -> TableFacteurs:
    return charger_table(code or edition_choisie())


def mix_electrique() -> float:
    """kg CO2e per kWh of the electricity used (SUN_PARC_MIX_ELECTRIQUE)."""
    return float(getattr(settings, "SUN_PARC_MIX_ELECTRIQUE", MIX_PAR_DEFAUT) or MIX_PAR_DEFAUT)


def facteur_mix(table: TableFacteurs) -> float:
    """How the edition's use figures scale with the chosen mix (1 when it states none)."""
    return mix_electrique() / table.mix_reference if table.mix_reference else 1.0
