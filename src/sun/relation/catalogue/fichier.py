"""Catalogue files: the services in charge and the démarches with their channels, in YAML (or
CSV, one row per démarche), loaded in one transaction or refused whole with every error listed.

YAML format (see docs/relation.md and catalogue/demarches-departement.yaml):

    services:
      - code, nom, adresse_postale, telephone, courriel?, horaires?
    demarches:
      - code, titre, resume, theme, service, ouverte_le, publics?: [..], titre_falc?,
        documents?: [..], cout?, regime: sva|svr|aucun, delai?: {valeur, unite}, base_legale?, voies_de_recours?,
        saisine_electronique?, teleservice_exclusif?, page_service_public?,
        delai_annonce_jours?, demarche_phare?, reclamation?, publiee?, a_verifier?, source?,
        canaux: [{type, outil?, url?, telephone?, courriel?, adresse?, horaires?, precisions?,
                  lieux?: [identifiants du registre des lieux]}]

CSV columns: the démarche fields above (lists separated by « | », booleans oui/non,
`delai_valeur`, `delai_unite`), and one column group per channel: `en_ligne_outil`,
`en_ligne_url`, `telephone`, `courriel`, `courrier_adresse`, `guichet_adresse`,
`guichet_lieux`. Services named by a CSV must already exist.

Loading again updates what changed; démarches missing from the file are reported, never
deleted (their requests are history). A change of regime on a démarche with requests goes
through `services.changer_regime` (the open requests' dates are computed again).
"""

from datetime import date
from pathlib import Path
from typing import Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from sun.core.imports.bornes import YAML_TAILLE_MAX, charger_yaml_sur, en_mo, position_yaml
from sun.core.telephone import international
from sun.core.validation import message_validation
from sun.relation.catalogue.recherche import PUBLICS, THEMES

REGIMES = Literal["sva", "svr", "aucun"]
UNITES = Literal["jours", "semaines", "mois"]
TYPES_CANAL = Literal["en_ligne", "telephone", "guichet", "courrier", "courriel"]
OUTILS = Literal["", "demarches_simplifiees", "publik", "sun", "autre"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ServiceF(_Strict):
    code: str = Field(pattern=r"^[a-z0-9-]+$", max_length=60)
    nom: str = Field(min_length=1, max_length=200)
    adresse_postale: str = Field(min_length=1)
    telephone: str = Field(min_length=1, max_length=30)
    courriel: str = ""
    horaires: str = ""


class DelaiF(_Strict):
    valeur: int = Field(ge=1, le=366)
    unite: UNITES = "mois"


BESOINS = {"en_ligne": ("url", "l'adresse du formulaire en ligne"),
           "telephone": ("telephone", "un numéro de téléphone"),
           "courriel": ("courriel", "une adresse électronique"),
           "courrier": ("adresse", "une adresse postale")}  # fmt: skip
LIBELLES_CANAUX = {"en_ligne": "En ligne", "telephone": "Par téléphone", "guichet": "Au guichet",
                   "courrier": "Par courrier", "courriel": "Par courriel"}  # fmt: skip


class CanalF(_Strict):
    type: TYPES_CANAL
    outil: OUTILS = ""
    url: str = ""
    telephone: str = ""
    courriel: str = ""
    adresse: str = ""
    horaires: str = ""
    precisions: str = ""
    lieux: list[str] = []

    @model_validator(mode="after")
    def ce_qu_il_faut(self):
        besoin = BESOINS.get(self.type)
        if self.type == "en_ligne" and self.outil == "sun":
            besoin = None  # the form of this site: its address is SUN's own
        if besoin and not getattr(self, besoin[0]):
            raise ValueError(f"le canal « {LIBELLES_CANAUX[self.type]} » demande {besoin[1]} "
                             f"(champ « {besoin[0]} »)")  # fmt: skip
        if self.url and not self.url.startswith(("https://", "http://")):
            raise ValueError("l'adresse du formulaire doit commencer par https://")
        if self.telephone and international(self.telephone) is None:
            raise ValueError(f"numéro de téléphone invalide « {self.telephone} » (par exemple "
                             "04 68 11 68 11)")  # fmt: skip
        return self


class DemarcheF(_Strict):
    code: str = Field(pattern=r"^[a-z0-9-]+$", max_length=80)
    titre: str = Field(min_length=1, max_length=200)
    titre_falc: str = ""
    resume: str = Field(min_length=1)
    publics: list[str] = []
    theme: str
    service: str
    documents: list[str] = []
    cout: str = "Gratuit"
    regime: REGIMES
    delai: DelaiF = DelaiF(valeur=2, unite="mois")
    base_legale: str = Field(default="", validate_default=True)
    voies_de_recours: str = ""
    saisine_electronique: bool = True
    teleservice_exclusif: bool = False
    page_service_public: str = ""
    delai_annonce_jours: int | None = Field(default=None, ge=1, le=3650)
    demarche_phare: bool = False
    reclamation: bool = False
    ouverte_le: date
    publiee: bool = True
    a_verifier: bool = True
    source: str = ""
    canaux: list[CanalF] = Field(min_length=1)

    @field_validator("theme")
    @classmethod
    def theme_connu(cls, v):
        if v not in THEMES:
            raise ValueError(f"thème inconnu « {v} » (possibles : {', '.join(THEMES)})")
        return v

    @field_validator("publics")
    @classmethod
    def publics_connus(cls, v):
        inconnus = [p for p in v if p not in PUBLICS]
        if inconnus:
            raise ValueError(f"public inconnu « {inconnus[0]} » (possibles : {', '.join(PUBLICS)})")
        return v

    @field_validator("base_legale")
    @classmethod
    def base_pour_un_regime(cls, v, info: ValidationInfo):
        # A field validator (not a model one): it runs, and is listed, even when another field
        # of the démarche is wrong.
        if info.data.get("regime", "aucun") != "aucun" and not v:
            raise ValueError("un régime de décision implicite doit donner sa « base_legale »")
        return v

    @model_validator(mode="after")
    def coherence(self):
        if self.page_service_public and not self.page_service_public.startswith("https://"):
            raise ValueError("la page service-public.fr doit commencer par https://")
        return self


class FichierCatalogue(_Strict):
    services: list[ServiceF] = []
    demarches: list[DemarcheF]


class CatalogueInvalide(ValueError):
    def __init__(self, erreurs: list[str]):
        super().__init__(f"{len(erreurs)} erreur(s) dans le fichier de catalogue")
        self.erreurs = erreurs


def _erreur(erreur: dict, prefixe: tuple = ()) -> str:
    detail = message_validation({**erreur, "loc": ("fichier", *prefixe, *erreur.get("loc", ()))})
    valeur = f" (valeur : « {detail['valeur']} »)" if "valeur" in detail else ""
    return f"{detail['champ']} : {detail['message']}{valeur}"


def lire(chemin: Path) -> FichierCatalogue:
    """Read and check a catalogue file (YAML, or CSV by its extension). Raises
    CatalogueInvalide with every error found."""
    chemin = Path(chemin)
    if chemin.suffix.lower() in (".csv", ".txt"):
        from sun.relation.catalogue.fichier_csv import lire_csv

        return lire_csv(chemin)
    try:
        if chemin.stat().st_size > YAML_TAILLE_MAX:
            raise CatalogueInvalide(
                [f"Fichier trop volumineux : {en_mo(YAML_TAILLE_MAX)} au plus."]
            )
        donnees = charger_yaml_sur(chemin.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueInvalide([f"Fichier illisible : {exc}"]) from exc
    except yaml.YAMLError as exc:
        raise CatalogueInvalide([f"YAML invalide, {position_yaml(exc)}"]) from exc
    if not isinstance(donnees, dict):
        raise CatalogueInvalide(["Le fichier doit contenir la section « demarches »."])
    return valider(donnees)


def valider(donnees: dict, prefixe: tuple = ()) -> FichierCatalogue:
    try:
        fichier = FichierCatalogue.model_validate(donnees)
    except ValidationError as exc:
        raise CatalogueInvalide([_erreur(e, prefixe) for e in exc.errors()]) from exc
    erreurs = coherence(fichier)
    if erreurs:
        raise CatalogueInvalide(erreurs)
    return fichier


def coherence(fichier: FichierCatalogue) -> list[str]:
    """Unique codes, services that exist (in the file or already loaded), known places."""
    from sun.inclusion.models import Lieu
    from sun.relation.models import ServiceInstructeur

    erreurs = []
    for nom, elements in (("services", fichier.services), ("demarches", fichier.demarches)):
        vus = set()
        for i, e in enumerate(elements):
            if e.code in vus:
                erreurs.append(f"{nom}.{i} : code « {e.code} » déjà utilisé")
            vus.add(e.code)
    connus = {s.code for s in fichier.services} | set(
        ServiceInstructeur.objects.values_list("code", flat=True)
    )
    lieux = {str(i) for d in fichier.demarches for c in d.canaux for i in c.lieux}
    lieux_connus = {str(pk) for pk in _lieux_existants(Lieu, lieux)}
    for i, d in enumerate(fichier.demarches):
        if d.service not in connus:
            erreurs.append(f"demarches.{i}.service : service inconnu « {d.service} »")
        for j, c in enumerate(d.canaux):
            for lieu in c.lieux:
                if lieu not in lieux_connus:
                    erreurs.append(
                        f"demarches.{i}.canaux.{j}.lieux : lieu inconnu du registre « {lieu} »"
                    )
    return erreurs


def _lieux_existants(Lieu, identifiants: set[str]) -> list:
    import uuid

    valides = []
    for i in identifiants:
        try:
            valides.append(uuid.UUID(i))
        except ValueError:
            continue
    return list(Lieu.objects.filter(pk__in=valides).values_list("pk", flat=True))
