"""The purge (`sun donnees purger`, every day): for each rule of the tableau de gestion that
names a kind of SUN record,

(a) anonymise at once the personal data of the records past the personal-data period (GDPR:
    no visa needed);
(b) propose on an elimination slip the records past their DUA whose final disposition is
    « détruire » (and the part a « trier » rule does not keep) — never twice the same records,
    never deleted here;
(c) execute the slips an archivist approved (exactly the listed records that still exist);
(d) prepare a transfer (ZIP + SEDA manifest) of the records past their DUA to keep (« conserver »
    and the sample of « trier »);
(e) remove from SUN the records of the transfers the Archives acknowledged.

A dry run (`essai=True`) writes nothing at all and returns the same counts. One transaction
per rule: a failing kind is reported and never half-writes another. Each real run logs one
`ExecutionPurge` (counts per kind, never content)."""

from dataclasses import asdict, dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from sun.donnees.catalogue import stockage
from sun.donnees.conservation import queries, types, versements
from sun.donnees.conservation.selection import (
    a_garder,
    dates_extremes,
    echus,
    existants,
    retrancher,
    sans,
)
from sun.donnees.conservation.types import TypeEnregistrement
from sun.donnees.models import (
    BordereauElimination,
    ExecutionPurge,
    RegleConservation,
    SortFinal,
    StatutBordereau,
)


@dataclass
class Resultat:
    type: str
    libelle: str
    regle: str
    anonymises: int = 0
    proposes: int = 0
    elimines: int = 0
    verses: int = 0
    supprimes: int = 0
    erreur: str = ""

    def ligne(self) -> str:
        if self.erreur:
            return (
                f"{self.libelle} (règle {self.regle}) : ÉCHEC, rien n'a été modifié — {self.erreur}"
            )
        return (f"{self.libelle} (règle {self.regle}) : {self.anonymises} anonymisé(s), "
                f"{self.proposes} proposé(s) à l'élimination, {self.elimines} éliminé(s), "
                f"{self.verses} préparé(s) pour un versement, {self.supprimes} retiré(s) "
                "après versement")  # fmt: skip


def _anonymiser(regle, t: TypeEnregistrement, aujourd_hui: date, essai: bool) -> tuple[int, set]:
    """(how many anonymised, and in a dry run of a kind erased by anonymising, which)."""
    if regle.rgpd_valeur is None or t.anonymiser is None:
        return 0, set()
    limite = retrancher(aujourd_hui, regle.rgpd_valeur, regle.rgpd_unite)
    qs = echus(t, limite, regle.point_depart)
    if t.personnel is not None:
        qs = t.personnel(qs)
    if not essai:
        return t.anonymiser(qs, limite), set()
    if t.efface:
        pks = set(qs.values_list("pk", flat=True))
        return len(pks), pks
    return qs.count(), set()


def _a_trier(regle, t: TypeEnregistrement, aujourd_hui: date, effaces: set) -> tuple[list, list]:
    """(to destroy, to keep) among the records past their DUA not yet on a slip/transfer
    (nor erased by this run's anonymisation, in a dry run)."""
    limite = retrancher(aujourd_hui, regle.dua_valeur, regle.dua_unite)
    qs = sans(echus(t, limite, regle.point_depart), queries.deja_listes(t.code) | effaces)
    tous = sorted(qs.values_list("pk", flat=True))
    if regle.sort_final == SortFinal.DETRUIRE:
        return tous, []
    if regle.sort_final == SortFinal.CONSERVER:
        return [], tous
    gardes = set(a_garder(t, t.model()._default_manager.filter(pk__in=tous),
                          regle.point_depart).values_list("pk", flat=True))  # fmt: skip
    return [pk for pk in tous if pk not in gardes], [pk for pk in tous if pk in gardes]


def _proposer(regle, t: TypeEnregistrement, pks: list, par) -> BordereauElimination:
    debut, fin = dates_extremes(t, pks)
    return BordereauElimination.objects.create(
        numero=queries.prochain_numero(BordereauElimination, "BE", timezone.localdate().year),
        regle=regle, type_enregistrement=t.code, identifiants=pks, nombre=len(pks),
        date_debut=debut, date_fin=fin, cree_par=par,
    )  # fmt: skip


def _executer_bordereaux(regle, essai: bool) -> int:
    n = 0
    for b in queries.bordereaux_a_executer(regle.pk).select_for_update():
        t = types.obtenir(b.type_enregistrement)
        presents = existants(t, b.identifiants)
        if essai:
            n += len(presents)
            continue
        elimines = t.detruire(presents)
        b.statut, b.nombre_elimine, b.execute_le = (StatutBordereau.EXECUTE, elimines,
                                                    timezone.now())  # fmt: skip
        b.save(update_fields=["statut", "nombre_elimine", "execute_le"])
        n += elimines
    return n


def _retirer_verses(regle, essai: bool) -> int:
    n = 0
    for v in queries.versements_a_executer(regle.pk).select_for_update():
        t = types.obtenir(v.type_enregistrement)
        presents = existants(t, v.identifiants)
        if essai:
            n += len(presents)
            continue
        n += t.detruire(presents)
        v.execute_le = timezone.now()
        v.save(update_fields=["execute_le"])
    return n


def _appliquer(regle, t, aujourd_hui: date, essai: bool, par, r: Resultat, fichiers: list):
    r.anonymises, effaces = _anonymiser(regle, t, aujourd_hui, essai)
    a_detruire, a_garder_ = _a_trier(regle, t, aujourd_hui, effaces)
    r.proposes = len(a_detruire)
    if a_detruire and not essai:
        _proposer(regle, t, a_detruire, par)
    r.elimines = _executer_bordereaux(regle, essai)
    r.verses = len(a_garder_)
    if a_garder_ and not essai:
        fichiers.append(versements.preparer(regle, t, a_garder_).fichier)
    r.supprimes = _retirer_verses(regle, essai)


def purger(*, essai: bool, par=None, aujourd_hui: date | None = None) -> ExecutionPurge:
    """Apply the tableau de gestion to SUN's records (see the module's docstring)."""
    aujourd_hui = aujourd_hui or timezone.localdate()
    resultats: list[Resultat] = []
    erreurs: list[str] = []
    regles: list[RegleConservation] = list(queries.regles_appliquees())
    for regle in regles:
        if not types.existe(regle.type_enregistrement):
            erreurs.append(f"Règle {regle.code} : type d'enregistrement inconnu « "
                           f"{regle.type_enregistrement} », règle ignorée.")  # fmt: skip
            continue
        t = types.obtenir(regle.type_enregistrement)
        r = Resultat(t.code, t.libelle, regle.code)
        fichiers: list[str] = []
        try:
            with transaction.atomic():
                _appliquer(regle, t, aujourd_hui, essai, par, r, fichiers)
                if essai:
                    transaction.set_rollback(True)  # a dry run never writes, even by mistake
        except Exception as exc:  # one kind failing never stops (nor half-writes) the others
            for relatif in fichiers:
                stockage.supprimer(relatif)
            r = Resultat(t.code, t.libelle, regle.code, erreur=str(exc) or type(exc).__name__)
            erreurs.append(f"Règle {regle.code} ({t.libelle}) : {r.erreur}")
        resultats.append(r)
    execution = ExecutionPurge(essai=essai, par=par, resultats=[asdict(r) for r in resultats],
                               erreurs="\n".join(erreurs))  # fmt: skip
    if not essai:
        execution.save()
    return execution


def totaux(execution: ExecutionPurge) -> dict[str, int]:
    cles = ("anonymises", "proposes", "elimines", "verses", "supprimes")
    return {c: sum(r.get(c, 0) for r in execution.resultats) for c in cles}


def lignes(execution: ExecutionPurge) -> list[str]:
    return [Resultat(**r).ligne() for r in execution.resultats]


def resume(execution: ExecutionPurge) -> str:
    """The French summary of a run."""
    s = totaux(execution)
    debut = "ESSAI, rien n'a été écrit : " if execution.essai else ""
    echecs = f" ; {len(execution.erreurs.splitlines())} erreur(s)" if execution.erreurs else ""
    return (f"{debut}{s['anonymises']} enregistrement(s) anonymisé(s), {s['proposes']} "
            f"proposé(s) à l'élimination, {s['elimines']} éliminé(s) après visa, {s['verses']} "
            f"préparé(s) pour un versement aux Archives, {s['supprimes']} retiré(s) après "
            f"versement{echecs}.")  # fmt: skip
