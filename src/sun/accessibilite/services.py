"""Every write of the accessibility register and plan. Each function checks what it is given
(the models' `clean`, French messages) and writes nothing when it refuses: it raises
`django.core.exceptions.ValidationError`."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from sun.accessibilite import rgaa
from sun.accessibilite.models import (
    ActionAccessibilite,
    ContenuNonAccessible,
    ResultatCritere,
    SchemaPluriannuel,
    ServiceNumerique,
)


def _slug_libre(nom: str) -> str:
    base = slugify(nom)[:70] or "service"
    slug, n = base, 2
    while ServiceNumerique.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _appliquer(objet, donnees: dict[str, Any]) -> None:
    for champ, valeur in donnees.items():
        setattr(objet, champ, valeur)


@transaction.atomic
def enregistrer_service(
    donnees: dict[str, Any], service: ServiceNumerique | None = None
) -> ServiceNumerique:
    """Create or update a register entry. The rate comes from the criteria figures when they
    are given (and a grid entered criterion by criterion is dropped if the figures no longer
    match it); the due date is recomputed."""
    sn = service or ServiceNumerique()
    _appliquer(sn, donnees)
    if not sn.slug:
        sn.slug = _slug_libre(sn.nom)
    valides, applicables = sn.criteres_valides, sn.criteres_applicables
    if valides is not None and applicables is not None and valides <= applicables:
        sn.taux = rgaa.taux(valides, applicables)
    sn.full_clean()
    sn.echeance = sn.calculer_echeance()
    sn.save()
    if sn.pk and sn.criteres.exists():
        grille = rgaa.chiffres_de_la_grille(dict(sn.criteres.values_list("critere", "etat")))
        if grille != (sn.criteres_valides, sn.criteres_applicables):
            sn.criteres.all().delete()
    return sn


@transaction.atomic
def enregistrer_grille(
    service: ServiceNumerique, etats: dict[str, str], *, date_audit: date,
    audite_par: str = "", methode: str = rgaa.VERSION_EN_VIGUEUR,
) -> ServiceNumerique:  # fmt: skip
    """Record an audit criterion by criterion: every one of the 106 criteria C, NC or NA."""
    attendus = rgaa.numeros()
    valeurs = set(rgaa.EtatCritere.values)
    manquants = [n for n in attendus if etats.get(n) not in valeurs]
    if manquants:
        raise ValidationError(
            f"{len(manquants)} critère(s) sans résultat (C, NC ou NA) : "
            + ", ".join(manquants[:10])
            + (" …" if len(manquants) > 10 else "")
        )
    inconnus = sorted(set(etats) - set(attendus))
    if inconnus:
        raise ValidationError(f"Critère(s) inconnu(s) du {methode} : {', '.join(inconnus[:10])}")
    valides, applicables = rgaa.chiffres_de_la_grille({n: etats[n] for n in attendus})
    service.criteres.all().delete()
    sn = enregistrer_service({
        "date_audit": date_audit, "audite_par": audite_par, "methode": methode,
        "criteres_valides": valides, "criteres_applicables": applicables,
        "taux": rgaa.taux(valides, applicables),
    }, service)  # fmt: skip
    ResultatCritere.objects.bulk_create(
        [ResultatCritere(service=sn, critere=n, etat=etats[n]) for n in attendus]
    )
    return sn


def ajouter_contenu(service: ServiceNumerique, donnees: dict[str, Any]) -> ContenuNonAccessible:
    contenu = ContenuNonAccessible(service=service)
    _appliquer(contenu, donnees)
    contenu.full_clean()
    contenu.save()
    return contenu


def supprimer_contenu(contenu: ContenuNonAccessible) -> None:
    contenu.delete()


@transaction.atomic
def enregistrer_schema(
    donnees: dict[str, Any], schema: SchemaPluriannuel | None = None
) -> SchemaPluriannuel:
    schema = schema or SchemaPluriannuel()
    _appliquer(schema, donnees)
    schema.full_clean()
    schema.save()
    hors = schema.actions.exclude(annee__in=schema.annees)
    if hors.exists():
        raise ValidationError(
            "Des actions sont prévues hors des années du schéma "
            f"({', '.join(str(a) for a in sorted(set(hors.values_list('annee', flat=True))))}) : "
            "changez d'abord leur année."
        )
    return schema


def enregistrer_action(
    donnees: dict[str, Any], action: ActionAccessibilite | None = None
) -> ActionAccessibilite:
    action = action or ActionAccessibilite()
    _appliquer(action, donnees)
    action.full_clean()
    action.save()
    return action


def supprimer_action(action: ActionAccessibilite) -> None:
    action.delete()


def recalculer_echeances() -> int:
    """After a new RGAA version is declared (`rgaa.VERSIONS`): every due date again."""
    changes = []
    for sn in ServiceNumerique.objects.all():
        nouvelle = sn.calculer_echeance()
        if nouvelle != sn.echeance:
            sn.echeance = nouvelle
            changes.append(sn)
    ServiceNumerique.objects.bulk_update(changes, ["echeance"])
    return len(changes)
