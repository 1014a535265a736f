"""Writes SUN's own processing (traitements_sun) into the inventory: one entry per declared
code (origine « sun », nature « traitement », personal data), created or updated, and the
entries of codes no longer declared removed. Idempotent: the lead calls it from
`sun preparer` and after migrations, and `sun donnees inventaire synchroniser` runs it."""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction

from sun.donnees.inventaire.durees import texte_regle
from sun.donnees.inventaire.services import (
    APPLICATION,
)
from sun.donnees.inventaire.traitements_base import SERVICE
from sun.donnees.inventaire.traitements_sun import TRAITEMENTS, TraitementSun
from sun.donnees.models import (
    EntreeInventaire,
    MotifFermeture,
    Nature,
    OrigineEntree,
    Ouverture,
    RegleConservation,
)


@dataclass(frozen=True)
class Bilan:
    crees: int
    modifies: int
    supprimes: int
    inchanges: int

    def __str__(self) -> str:
        return (f"Traitements de SUN : {self.crees} créé(s), {self.modifies} mis à jour, "
                f"{self.supprimes} supprimé(s), {self.inchanges} inchangé(s).")  # fmt: skip


def regle_de(traitement: TraitementSun) -> RegleConservation | None:
    """The rule of the tableau de gestion for the records of this processing: a rule whose
    `type_enregistrement` is one of its models (« relation.Usager ») or its code."""
    types = [*traitement.modeles, traitement.code]
    types += [t.lower() for t in types]
    return RegleConservation.objects.filter(type_enregistrement__in=types).order_by("code").first()


def _libelle_modele(modele: str) -> str:
    """« appels (qualite.Appel) »: what a coordinator reads, with the code a DPO may need."""
    return f"{apps.get_model(modele)._meta.verbose_name_plural} ({modele})"


def _libelle_champ(champ: str) -> str:
    """« Appel — appelant (qualite.Appel.appelant) »."""
    modele, _, nom = champ.rpartition(".")
    try:
        classe = apps.get_model(modele)
        libelle = f"{classe._meta.verbose_name} — {classe._meta.get_field(nom).verbose_name}"
    except (LookupError, FieldDoesNotExist):  # the keep-true test reports such a field
        return champ
    return f"{libelle[:1].upper()}{libelle[1:]} ({champ})"


def valeurs(traitement: TraitementSun, regle: RegleConservation | None) -> dict:
    duree = traitement.texte_conservation()
    if regle is not None:
        duree += " " + texte_regle(regle)
    return {
        "origine": OrigineEntree.SUN, "nature": Nature.TRAITEMENT, "nom": traitement.nom,
        "finalite": traitement.finalite,
        "description": "Enregistrements de SUN : " + ", ".join(
            _libelle_modele(m) for m in traitement.modeles) + ".",
        "champs": "\n".join(sorted(_libelle_champ(c) for c in traitement.champs())),
        "ouverture": traitement.ouverture,
        "motif_fermeture": "" if traitement.ouverture == Ouverture.OUVERT
        else MotifFermeture.VIE_PRIVEE,
        "motif_detail": traitement.motif_detail, "jeu": None,
        "donnees_personnelles": True, "categories_donnees": traitement.texte_donnees(),
        "donnees_sensibles": traitement.donnees_sensibles,
        "categories_personnes": traitement.categories_personnes,
        "base_legale": traitement.base_legale, "destinataires": traitement.destinataires,
        "transferts_hors_ue": traitement.transferts_hors_ue, "duree_conservation": duree,
    }  # fmt: skip


@transaction.atomic
def synchroniser_traitements_sun() -> Bilan:
    crees = modifies = inchanges = 0
    existantes = {
        e.code: e
        for e in EntreeInventaire.objects.filter(
            origine=OrigineEntree.SUN, nature=Nature.TRAITEMENT
        )
    }  # its datasets: jeux_sun.py
    for traitement in TRAITEMENTS:
        entree = existantes.pop(traitement.code, None)
        if entree is None:
            entree = EntreeInventaire.objects.filter(code=traitement.code).first()
        regle = entree.regle if entree is not None and entree.regle_id else regle_de(traitement)
        v = valeurs(traitement, regle)
        if entree is None:
            EntreeInventaire.objects.create(
                code=traitement.code, service=SERVICE, application=APPLICATION, regle=regle,
                mesures_securite=traitement.texte_securite(), **v)  # fmt: skip
            crees += 1
            continue
        v["mesures_securite"] = traitement.texte_securite()
        v["regle"] = regle
        changes = [c for c, val in v.items() if getattr(entree, c) != val]
        if changes:
            for c in changes:
                setattr(entree, c, v[c])
            entree.save()
            modifies += 1
        else:
            inchanges += 1
    supprimes = len(existantes)
    if existantes:
        EntreeInventaire.objects.filter(pk__in=[e.pk for e in existantes.values()]).delete()
    return Bilan(crees, modifies, supprimes, inchanges)
