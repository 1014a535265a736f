"""Writes of the retention wing: loading a tableau de gestion (all or nothing, by code), editing
one rule, the shipped defaults, and the Archives' decisions on slips and transfers (visa,
refusal, receipt: an archivist only, checked here as well as in the views)."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from sun.donnees import permissions
from sun.donnees.conservation import regles
from sun.donnees.conservation.erreurs import RefusConservation
from sun.donnees.models import (
    BordereauElimination,
    RegleConservation,
    StatutBordereau,
    StatutVersement,
    Versement,
)

DEFAUTS = Path(__file__).with_name("tableau-de-gestion-sun.csv")


@dataclass
class RapportImport:
    crees: list[str] = field(default_factory=list)
    modifies: list[str] = field(default_factory=list)
    inchanges: list[str] = field(default_factory=list)
    refus: list[regles.LigneRefusee] = field(default_factory=list)
    erreur: str = ""

    @property
    def accepte(self) -> bool:
        return not self.erreur and not self.refus

    def resume(self) -> str:
        if self.erreur:
            return f"{self.erreur} Rien n'a été enregistré."
        if self.refus:
            return (f"{len(self.refus)} ligne(s) refusée(s) : rien n'a été enregistré. Corrigez "
                    "le fichier et chargez-le de nouveau.")  # fmt: skip
        return (f"Tableau de gestion chargé : {len(self.crees)} règle(s) créée(s), "
                f"{len(self.modifies)} modifiée(s), {len(self.inchanges)} inchangée(s).")  # fmt: skip


def _differe(regle: RegleConservation, valeurs: dict) -> bool:
    return any(getattr(regle, c) != v for c, v in valeurs.items())


def importer_regles(octets: bytes, nom: str = "", *, par=None,
                    creer_seulement: bool = False) -> RapportImport:  # fmt: skip
    """Load a tableau de gestion: every line checked first, then all written in one
    transaction (update by code), or nothing when one line is refused. `creer_seulement`:
    existing codes are left as they are (the shipped defaults never overwrite an edit)."""
    lecture = regles.lire(octets, nom)
    rapport = RapportImport(refus=lecture.refus, erreur=lecture.erreur)
    if not rapport.accepte:
        return rapport
    with transaction.atomic():
        existantes = {r.code: r for r in RegleConservation.objects.select_for_update()}
        for _, valeurs in lecture.regles:
            regle = existantes.get(valeurs["code"])
            if regle is None:
                RegleConservation.objects.create(**valeurs, modifie_par=par)
                rapport.crees.append(valeurs["code"])
            elif creer_seulement or not _differe(regle, valeurs):
                rapport.inchanges.append(valeurs["code"])
            else:
                for c, v in valeurs.items():
                    setattr(regle, c, v)
                regle.modifie_par = par
                regle.save()
                rapport.modifies.append(valeurs["code"])
    return rapport


def charger_defauts() -> RapportImport:
    """Create the shipped rules that do not exist yet (idempotent; never overwrites a rule)."""
    return importer_regles(DEFAUTS.read_bytes(), DEFAUTS.name, creer_seulement=True)


def modifier_regle(regle: RegleConservation, donnees: dict, par) -> RegleConservation:
    """Edit one rule with the checks of a file; the code is the rule's own."""
    permissions.exiger(permissions.peut_modifier_regles(par),
                       "Seuls les administrateurs et les archivistes modifient le tableau de "
                       "gestion.", permissions.REGLES_REDACTEURS)  # fmt: skip
    valeurs, raisons = regles.verifier({**donnees, "code": regle.code})
    if raisons:
        raise RefusConservation("La règle n'a pas été enregistrée : " + " ; ".join(raisons) + ".",
                                raisons)  # fmt: skip
    with transaction.atomic():
        regle = RegleConservation.objects.select_for_update().get(pk=regle.pk)
        for c, v in valeurs.items():
            setattr(regle, c, v)
        regle.modifie_par = par
        regle.save()
    return regle


# --- the Archives' decisions ----------------------------------------------------------------
def _exiger_archiviste(par, quoi: str) -> None:
    permissions.exiger(permissions.peut_viser(par),
                       f"Seul un archiviste des Archives départementales {quoi} (Code du "
                       "patrimoine, article L212-2).", permissions.VISA)  # fmt: skip


def _verrouiller(modele, objet):
    return modele.objects.select_for_update().get(pk=objet.pk)


@transaction.atomic
def viser(bordereau: BordereauElimination, par) -> BordereauElimination:
    """The visa of the director of the Archives départementales (R212-14): the slip will be
    executed by the next purge."""
    _exiger_archiviste(par, "vise un bordereau d'élimination")
    b = _verrouiller(BordereauElimination, bordereau)
    if b.statut != StatutBordereau.PROPOSE:
        raise RefusConservation(f"Le bordereau {b.numero} n'attend pas de visa (statut : "
                                f"{b.get_statut_display()}).")  # fmt: skip
    b.statut, b.vise_le, b.vise_par = StatutBordereau.VISE, timezone.now(), par
    b.save(update_fields=["statut", "vise_le", "vise_par"])
    return b


@transaction.atomic
def refuser(bordereau: BordereauElimination, par, motif: str) -> BordereauElimination:
    _exiger_archiviste(par, "refuse un bordereau d'élimination")
    motif = (motif or "").strip()
    if not motif:
        raise RefusConservation("Donnez le motif du refus : le service doit savoir pourquoi "
                                "ces enregistrements sont gardés.")  # fmt: skip
    b = _verrouiller(BordereauElimination, bordereau)
    if b.statut != StatutBordereau.PROPOSE:
        raise RefusConservation(f"Le bordereau {b.numero} n'attend pas de visa (statut : "
                                f"{b.get_statut_display()}).")  # fmt: skip
    b.statut, b.vise_le, b.vise_par, b.motif_refus = (StatutBordereau.REFUSE, timezone.now(),
                                                      par, motif)  # fmt: skip
    b.save(update_fields=["statut", "vise_le", "vise_par", "motif_refus"])
    return b


@transaction.atomic
def annuler(bordereau: BordereauElimination, par) -> BordereauElimination:
    """Withdraw a slip not yet executed (its records may be proposed again)."""
    permissions.exiger(permissions.peut_purger(par) or permissions.peut_viser(par),
                       "Seuls les administrateurs et les archivistes annulent un bordereau.",
                       permissions.PURGE + permissions.VISA)  # fmt: skip
    b = _verrouiller(BordereauElimination, bordereau)
    if b.statut not in (StatutBordereau.PROPOSE, StatutBordereau.VISE):
        raise RefusConservation(f"Le bordereau {b.numero} ne peut plus être annulé (statut : "
                                f"{b.get_statut_display()}).")  # fmt: skip
    b.statut = StatutBordereau.ANNULE
    b.save(update_fields=["statut"])
    return b


@transaction.atomic
def marquer_recu(versement: Versement, par) -> Versement:
    """The Archives acknowledge the transfer: the next purge removes its records from SUN."""
    _exiger_archiviste(par, "accuse réception d'un versement")
    v = _verrouiller(Versement, versement)
    if v.statut != StatutVersement.PREPARE:
        raise RefusConservation(f"Le versement {v.numero} n'attend pas de réception (statut : "
                                f"{v.get_statut_display()}).")  # fmt: skip
    v.statut, v.recu_le, v.recu_par = StatutVersement.RECU, timezone.now(), par
    v.save(update_fields=["statut", "recu_le", "recu_par"])
    return v


@transaction.atomic
def annuler_versement(versement: Versement, par) -> Versement:
    permissions.exiger(permissions.peut_purger(par), "Seuls les administrateurs annulent un "
                       "versement.", permissions.PURGE)  # fmt: skip
    v = _verrouiller(Versement, versement)
    if v.statut != StatutVersement.PREPARE:
        raise RefusConservation(f"Le versement {v.numero} ne peut plus être annulé (statut : "
                                f"{v.get_statut_display()}).")  # fmt: skip
    v.statut = StatutVersement.ANNULE
    v.save(update_fields=["statut"])
    return v
