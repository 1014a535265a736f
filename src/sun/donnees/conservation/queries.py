"""Reads of the retention wing: the rules of a kind of record, the periods they give, the
records already on a slip or a transfer, and what the landing page lists."""

from datetime import date

from sun.donnees.models import (
    BordereauElimination,
    ExecutionPurge,
    RegleConservation,
    StatutBordereau,
    StatutVersement,
    Versement,
)

# A record on a slip in one of these states is never proposed again (a refused slip means the
# Archives want the records kept: they stay until the rule changes and a slip is cancelled).
BORDEREAUX_ACTIFS = (StatutBordereau.PROPOSE, StatutBordereau.VISE, StatutBordereau.REFUSE,
                     StatutBordereau.EXECUTE)  # fmt: skip
VERSEMENTS_ACTIFS = (StatutVersement.PREPARE, StatutVersement.RECU)


def regles_appliquees():
    """Rules with a kind of SUN record, in a stable order."""
    return RegleConservation.objects.exclude(type_enregistrement="").order_by("code")


def tableau():
    return RegleConservation.objects.order_by("service", "typologie", "code")


def regle(pk) -> RegleConservation | None:
    return RegleConservation.objects.filter(pk=pk).first()


def limite_rgpd(type_code: str, aujourd_hui: date) -> date | None:
    """The personal-data limit day the tableau de gestion gives `type_code` (the shortest
    when several rules name it), None when no rule gives one."""
    from sun.donnees.conservation.selection import retrancher

    limites = [retrancher(aujourd_hui, r.rgpd_valeur, r.rgpd_unite)
               for r in RegleConservation.objects.filter(type_enregistrement=type_code,
                                                         rgpd_valeur__isnull=False)]  # fmt: skip
    return max(limites) if limites else None


def jours_rgpd(type_code: str, aujourd_hui: date) -> int | None:
    """The same limit in days before `aujourd_hui` (for the connection journal's purge)."""
    limite = limite_rgpd(type_code, aujourd_hui)
    return None if limite is None else (aujourd_hui - limite).days


def deja_listes(type_code: str) -> set:
    """Primary keys already on an active slip or transfer of this kind."""
    pks: set = set()
    for liste in BordereauElimination.objects.filter(
        type_enregistrement=type_code, statut__in=BORDEREAUX_ACTIFS
    ).values_list("identifiants", flat=True):
        pks.update(liste)
    for liste in Versement.objects.filter(
        type_enregistrement=type_code, statut__in=VERSEMENTS_ACTIFS
    ).values_list("identifiants", flat=True):
        pks.update(liste)
    return pks


def bordereaux_a_executer(regle_id: int):
    return BordereauElimination.objects.filter(regle_id=regle_id, statut=StatutBordereau.VISE)


def versements_a_executer(regle_id: int):
    return Versement.objects.filter(regle_id=regle_id, statut=StatutVersement.RECU,
                                    execute_le__isnull=True)  # fmt: skip


def bordereaux_en_attente():
    return BordereauElimination.objects.filter(statut=StatutBordereau.PROPOSE).select_related(
        "regle"
    )


def versements_en_attente():
    return Versement.objects.filter(statut=StatutVersement.PREPARE).select_related("regle")


def dernieres_executions(n: int = 10):
    return ExecutionPurge.objects.filter(essai=False).select_related("par")[:n]


def bordereaux_recents(n: int = 20):
    return BordereauElimination.objects.select_related("regle")[:n]


def versements_recents(n: int = 20):
    return Versement.objects.select_related("regle")[:n]


def bordereau(pk) -> BordereauElimination | None:
    return BordereauElimination.objects.select_related("regle", "vise_par").filter(pk=pk).first()


def versement(pk) -> Versement | None:
    return Versement.objects.select_related("regle", "recu_par").filter(pk=pk).first()


def prochain_numero(modele, prefixe: str, annee: int) -> str:
    debut = f"{prefixe}-{annee}-"
    dernier = (modele.objects.filter(numero__startswith=debut).order_by("-numero")
               .values_list("numero", flat=True).first())  # fmt: skip
    suivant = int(dernier.rsplit("-", 1)[1]) + 1 if dernier else 1
    return f"{debut}{suivant:04d}"
