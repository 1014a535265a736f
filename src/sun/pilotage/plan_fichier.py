"""Plan files (YAML): a département's schéma — axes, orientations, actions, indicators — loaded
in one transaction, or rejected with every error listed and nothing written.

Format (see docs/plan.md and plans/aude.yaml):

    plan: {code, titre, debut, fin, date_adoption?, version?, source?}
    axes:
      - code, titre, objectifs?: [..]
        orientations:
          - code, titre, objectifs?: [..]
            actions:
              - code, titre, description?, objectifs?, statut?, priorite?, pilotes?: [identifiants],
                pilotes_services?: [..], partenaires?: [..], date_debut?, date_fin_prevue?,
                etapes?: [..], sous_actions?: [same fields, no deeper level]
    indicateurs:
      - code, libelle, unite?, sens?: hausse|baisse, calcul?: code of a SUN indicator,
        niveau?, territoire?, public?, actions?: [codes], description?,
        valeurs?: [{date, resultat?, objectif?, source, commentaire?}]

Loading again updates what changed and leaves alone what is identical; actions and indicators
missing from the file are reported, never deleted (their notes and values are history).
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

import yaml
from django.contrib.auth import get_user_model
from django.db import transaction
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from sun.core import indicators
from sun.core.imports.bornes import YAML_TAILLE_MAX, charger_yaml_sur, en_mo, position_yaml
from sun.core.validation import message_validation
from sun.pilotage.models import Action, Axe, Etape, Historique, Indicateur, Plan, ValeurIndicateur
from sun.pilotage.services import texte_historique

STATUTS = Literal[
    "a_venir", "en_cours", "realise", "en_pause", "abandonne", "bloque", "en_retard", "a_discuter"
]
PRIORITES = Literal["elevee", "moyenne", "basse"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PlanF(_Strict):
    code: str
    titre: str
    debut: int
    fin: int
    date_adoption: date | None = None
    version: str = ""
    source: str = ""


class SousActionF(_Strict):
    code: str
    titre: str
    description: str = ""
    objectifs: str = ""
    statut: STATUTS = "a_venir"
    priorite: PRIORITES = "moyenne"
    pilotes: list[str] = []
    pilotes_services: list[str] = []
    partenaires: list[str] = []
    date_debut: date | None = None
    date_fin_prevue: date | None = None
    publique: bool = False
    etapes: list[str] = []

    @model_validator(mode="after")
    def dates_dans_l_ordre(self):
        if self.date_debut and self.date_fin_prevue and self.date_fin_prevue < self.date_debut:
            raise ValueError("la fin prévue précède le début")
        return self


class ActionF(SousActionF):
    sous_actions: list[SousActionF] = []


class OrientationF(_Strict):
    code: str
    titre: str
    objectifs: list[str] = []
    actions: list[ActionF] = []


class AxeF(_Strict):
    code: str
    titre: str
    objectifs: list[str] = []
    orientations: list[OrientationF]


class ValeurF(_Strict):
    date: date
    resultat: float | None = None
    objectif: float | None = None
    source: str
    commentaire: str = ""


class IndicateurF(_Strict):
    code: str
    libelle: str
    unite: str = ""
    sens: Literal["hausse", "baisse"] = "hausse"
    calcul: str = ""
    niveau: Literal["", "commune", "epci", "departement"] = ""
    territoire: str = ""
    public: bool = True
    actions: list[str] = []
    description: str = ""
    valeurs: list[ValeurF] = []


class FichierPlan(_Strict):
    plan: PlanF
    axes: list[AxeF]
    indicateurs: list[IndicateurF] = []


class PlanInvalide(ValueError):
    def __init__(self, erreurs: list[str]):
        super().__init__(f"{len(erreurs)} erreur(s) dans le fichier de plan")
        self.erreurs = erreurs


@dataclass
class RapportPlan:
    plan: Plan
    compteurs: dict[str, int] = field(
        default_factory=lambda: {"crees": 0, "modifies": 0, "inchanges": 0}
    )
    absents: list[str] = field(default_factory=list)

    def lignes(self) -> list[str]:
        c = self.compteurs
        lignes = [f"Plan « {self.plan.titre} » chargé : {c['crees']} élément(s) créé(s), "
                  f"{c['modifies']} modifié(s), {c['inchanges']} inchangé(s)."]  # fmt: skip
        if self.absents:
            lignes.append(
                "Absents du fichier (conservés, avec leur historique) : " + ", ".join(self.absents)
            )
        return lignes


def lire(chemin: Path) -> FichierPlan:
    """Read and check a plan file. Raises PlanInvalide with every error found."""
    try:
        if Path(chemin).stat().st_size > YAML_TAILLE_MAX:
            raise PlanInvalide([f"Fichier trop volumineux pour un plan : {en_mo(YAML_TAILLE_MAX)}"
                                " au plus."])  # fmt: skip
        # Bounded: at most SUN_IMPORT_PROFONDEUR_MAX levels, no YAML alias (core/imports/bornes).
        donnees = charger_yaml_sur(Path(chemin).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanInvalide([f"Fichier illisible : {exc}"]) from exc
    except yaml.YAMLError as exc:
        raise PlanInvalide([f"YAML invalide, {position_yaml(exc)}"]) from exc
    if not isinstance(donnees, dict):
        raise PlanInvalide(["Le fichier doit contenir les sections « plan » et « axes »."])
    try:
        fichier = FichierPlan.model_validate(donnees)
    except ValidationError as exc:
        raise PlanInvalide([_erreur(e) for e in exc.errors()]) from exc
    erreurs = _coherence(fichier)
    if erreurs:
        raise PlanInvalide(erreurs)
    return fichier


def _erreur(erreur: dict) -> str:
    detail = message_validation({**erreur, "loc": ("fichier", *erreur.get("loc", ()))})
    valeur = f" (valeur : « {detail['valeur']} »)" if "valeur" in detail else ""
    return f"{detail['champ']} : {detail['message']}{valeur}"


def _coherence(fichier: FichierPlan) -> list[str]:
    erreurs = []
    if fichier.plan.fin < fichier.plan.debut:
        erreurs.append("plan.fin : la dernière année précède la première")
    vus: dict[str, str] = {}

    def unique(code: str, ou: str) -> None:
        if code in vus:
            erreurs.append(f"{ou} : code « {code} » déjà utilisé ({vus[code]})")
        vus.setdefault(code, ou)

    actions = set()
    for i, axe in enumerate(fichier.axes):
        unique(axe.code, f"axes.{i}")
        for j, orientation in enumerate(axe.orientations):
            unique(orientation.code, f"axes.{i}.orientations.{j}")
            for k, action in enumerate(orientation.actions):
                chemin = f"axes.{i}.orientations.{j}.actions.{k}"
                unique(action.code, chemin)
                actions.add(action.code)
                for m, sous_action in enumerate(action.sous_actions):
                    unique(sous_action.code, f"{chemin}.sous_actions.{m}")
                    actions.add(sous_action.code)
    identifiants = {a for axe in fichier.axes for o in axe.orientations for action in o.actions
                    for a in [*action.pilotes, *(p for s in action.sous_actions for p in s.pilotes)]}  # fmt: skip
    connus = set(
        get_user_model()
        .objects.filter(username__in=identifiants)
        .values_list("username", flat=True)
    )
    for inconnu in sorted(identifiants - connus):
        erreurs.append(f"pilotes : compte inconnu « {inconnu} »")
    codes_indicateurs = set()
    for i, indicateur in enumerate(fichier.indicateurs):
        if indicateur.code in codes_indicateurs:
            erreurs.append(f"indicateurs.{i} : code « {indicateur.code} » déjà utilisé")
        codes_indicateurs.add(indicateur.code)
        if indicateur.calcul:
            try:
                indicators.obtenir(indicateur.calcul)
            except indicators.IndicateurInconnu:
                erreurs.append(
                    f"indicateurs.{i}.calcul : indicateur inconnu de SUN « {indicateur.calcul} »"
                )
            if not indicateur.niveau:
                erreurs.append(f"indicateurs.{i}.niveau : obligatoire pour un indicateur calculé")
        for code in indicateur.actions:
            if code not in actions:
                erreurs.append(f"indicateurs.{i}.actions : action inconnue « {code} »")
        dates = [v.date for v in indicateur.valeurs]
        if len(dates) != len(set(dates)):
            erreurs.append(f"indicateurs.{i}.valeurs : deux valeurs à la même date")
    return erreurs


def _journaliser(
    chemin: Path, auteur, rapport: RapportPlan | None = None, erreur: str = ""
) -> None:
    """A plan file is checked by its own schema, and recorded with every other import."""
    from sun.core.imports import Rapport
    from sun.core.services import enregistrer_import

    resume = Rapport(genre="plan", libelle="Plan du schéma", fichier=Path(chemin).name,
                     format="YAML", source=rapport.plan.titre if rapport else "")  # fmt: skip
    if rapport is not None:
        resume.nouveaux = rapport.compteurs["crees"]
        resume.modifies = rapport.compteurs["modifies"]
        resume.inchanges = rapport.compteurs["inchanges"]
        resume.autres["absents_conserves"] = len(rapport.absents)
    enregistrer_import(resume, auteur=auteur, erreur=erreur)


def charger(chemin: Path, *, auteur=None) -> RapportPlan:
    """Check, then write the whole plan in one transaction (see the module docstring)."""
    try:
        fichier = lire(chemin)
    except PlanInvalide as exc:
        _journaliser(chemin, auteur, erreur="\n".join(exc.erreurs))
        raise
    rapport = _ecrire(fichier, auteur)
    _journaliser(chemin, auteur, rapport)
    return rapport


def _ecrire(fichier: FichierPlan, auteur) -> RapportPlan:
    with transaction.atomic():
        p = fichier.plan
        plan, cree = Plan.objects.get_or_create(
            code=p.code, defaults={"titre": p.titre, "debut": p.debut, "fin": p.fin}
        )
        rapport = RapportPlan(plan)
        _maj(rapport, plan, "plan", p.code, {"titre": p.titre, "debut": p.debut, "fin": p.fin,
             "date_adoption": p.date_adoption, "version": p.version, "source": p.source}, cree, auteur)  # fmt: skip
        codes_actions: set[str] = set()
        for i, axe_f in enumerate(fichier.axes):
            axe = _axe(rapport, plan, None, Axe.Niveau.AXE, axe_f, i, auteur)
            for j, orientation_f in enumerate(axe_f.orientations):
                orientation = _axe(
                    rapport, plan, axe, Axe.Niveau.ORIENTATION, orientation_f, j, auteur
                )
                for k, action_f in enumerate(orientation_f.actions):
                    action = _action(rapport, plan, orientation, None, action_f, k, auteur)
                    codes_actions.add(action.code)
                    for m, sous_f in enumerate(action_f.sous_actions):
                        codes_actions.add(
                            _action(rapport, plan, orientation, action, sous_f, m, auteur).code
                        )
        rapport.absents += [f"action {c}" for c in plan.actions.exclude(code__in=codes_actions)
                            .values_list("code", flat=True)]  # fmt: skip
        codes_indicateurs = {i.code for i in fichier.indicateurs}
        for indicateur_f in fichier.indicateurs:
            _indicateur(rapport, plan, indicateur_f, auteur)
        rapport.absents += [f"indicateur {c}" for c in plan.indicateurs.exclude(code__in=codes_indicateurs)
                            .values_list("code", flat=True)]  # fmt: skip
    return rapport


def _maj(
    rapport: RapportPlan, objet, nom: str, code: str, valeurs: dict, cree: bool, auteur
) -> None:
    """Set `valeurs` on `objet`, save and record what changed."""
    changements = {c: [texte_historique(getattr(objet, c)), texte_historique(v)] for c, v in valeurs.items()
                   if getattr(objet, c) != v}  # fmt: skip
    if not cree and not changements:
        rapport.compteurs["inchanges"] += 1
        return
    for champ, valeur in valeurs.items():
        setattr(objet, champ, valeur)
    objet.save()
    rapport.compteurs["crees" if cree else "modifies"] += 1
    Historique.objects.create(plan=rapport.plan, objet=nom, code=code, auteur=auteur,
                              changements={} if cree else changements,
                              commentaire="Créé par le fichier de plan" if cree else "Modifié par le fichier de plan")  # fmt: skip


def _axe(rapport, plan, parent, niveau, donnees, ordre, auteur) -> Axe:
    axe, cree = Axe.objects.get_or_create(plan=plan, code=donnees.code,
                                          defaults={"niveau": niveau, "titre": donnees.titre})  # fmt: skip
    _maj(rapport, axe, niveau, donnees.code, {"parent": parent, "niveau": niveau, "titre": donnees.titre,
         "objectifs": donnees.objectifs, "ordre": ordre}, cree, auteur)  # fmt: skip
    return axe


def _action(rapport, plan, orientation, parent, donnees, ordre, auteur) -> Action:
    action, cree = Action.objects.get_or_create(plan=plan, code=donnees.code,
                                                defaults={"orientation": orientation, "titre": donnees.titre})  # fmt: skip
    valeurs = {champ: getattr(donnees, champ) for champ in (
        "titre", "description", "objectifs", "statut", "priorite", "pilotes_services", "partenaires",
        "date_debut", "date_fin_prevue", "publique")}  # fmt: skip
    _maj(rapport, action, "action", donnees.code, {**valeurs, "orientation": orientation, "parent": parent,
         "ordre": ordre}, cree, auteur)  # fmt: skip
    if donnees.pilotes:
        action.pilotes.set(get_user_model().objects.filter(username__in=donnees.pilotes))
    # Steps are the plan's own list: replaced only when the file's list changed.
    if list(action.etapes.values_list("titre", flat=True)) != donnees.etapes:
        faites = set(action.etapes.filter(realisee=True).values_list("titre", flat=True))
        action.etapes.all().delete()
        Etape.objects.bulk_create([Etape(action=action, ordre=n, titre=t, realisee=t in faites)
                                   for n, t in enumerate(donnees.etapes)])  # fmt: skip
    return action


def _indicateur(rapport, plan, donnees, auteur) -> None:
    indicateur, cree = Indicateur.objects.get_or_create(plan=plan, code=donnees.code,
                                                        defaults={"libelle": donnees.libelle})  # fmt: skip
    valeurs = {champ: getattr(donnees, champ) for champ in (
        "libelle", "unite", "sens", "calcul", "niveau", "territoire", "public", "description")}  # fmt: skip
    _maj(rapport, indicateur, "indicateur", donnees.code, valeurs, cree, auteur)
    indicateur.actions.set(plan.actions.filter(code__in=donnees.actions))
    for valeur in donnees.valeurs:
        ValeurIndicateur.objects.update_or_create(
            indicateur=indicateur, date=valeur.date,
            defaults={"resultat": valeur.resultat, "objectif": valeur.objectif, "source": valeur.source,
                      "commentaire": valeur.commentaire},
        )  # fmt: skip
