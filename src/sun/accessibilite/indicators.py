"""Indicators of digital accessibility (orientation 4.3), département level, computed from the
register of digital services on the day of the computation. Demonstration entries never
count. Automated checks (axe-core) never enter these figures: only audits do."""

from django.db.models import Max
from django.utils import timezone

from sun.accessibilite.models import ServiceNumerique
from sun.accessibilite.rgaa import Etat
from sun.core.indicators import Indicateur, Niveau, Valeur, declarer, note_demonstration

SOURCE = "Registre des services numériques et de leur accessibilité (SUN)"


def _note() -> str:
    return note_demonstration(ServiceNumerique.objects.de_demonstration().count(),
                              "services numériques")  # fmt: skip


def _date(qs, champ: str = "date_maj"):
    valeur = qs.aggregate(d=Max(champ))["d"]
    return valeur.date() if hasattr(valeur, "date") else valeur


def _part(nombre: int, total: int) -> float | None:
    return round(100 * nombre / total, 1) if total else None


def part_declarations_publiees(niveau: Niveau, code: str) -> Valeur:
    """Services whose declaration is established and still valid, among all registered."""
    jour = timezone.localdate()
    reels = ServiceNumerique.objects.reels()
    total = reels.count()
    valides = reels.filter(declaration_etablie_le__isnull=False, echeance__gte=jour).count()
    return Valeur(_part(valides, total), _date(reels), SOURCE, _note())


def taux_conformite_moyen(niveau: Niveau, code: str) -> Valeur:
    """Mean compliance rate of the audited services (audits past their due date excluded)."""
    jour = timezone.localdate()
    audites = [
        sn for sn in ServiceNumerique.objects.reels().filter(taux__isnull=False)
        if not sn.conformite(jour).motif
    ]  # fmt: skip
    if not audites:
        return Valeur(None, None, SOURCE, _note() or "Aucun service audité.")
    moyenne = round(float(sum(sn.taux for sn in audites)) / len(audites), 1)
    return Valeur(moyenne, max(sn.date_audit for sn in audites), SOURCE, _note())


def services_conformes(niveau: Niveau, code: str) -> Valeur:
    """Services totally or partially compliant, among all registered."""
    jour = timezone.localdate()
    reels = list(ServiceNumerique.objects.reels())
    conformes = sum(sn.conformite(jour).etat != Etat.NON for sn in reels)
    return Valeur(_part(conformes, len(reels)), _date(ServiceNumerique.objects.reels()),
                  SOURCE, _note())  # fmt: skip


declarer(Indicateur(
    code="accessibilite.part_declarations_publiees",
    libelle="Services numériques avec une déclaration d'accessibilité publiée et valide",
    unite="%", niveaux=(Niveau.DEPARTEMENT,), calcul=part_declarations_publiees, source=SOURCE,
    sens="hausse",
    description="Part des sites, applications et démarches en ligne du registre dont la "
    "déclaration d'accessibilité est établie et n'a pas dépassé son échéance (3 ans au plus, "
    "18 mois après une nouvelle version du RGAA, ou une refonte).",
))  # fmt: skip
declarer(Indicateur(
    code="accessibilite.taux_conformite_moyen",
    libelle="Taux de conformité RGAA moyen des services audités", unite="%",
    niveaux=(Niveau.DEPARTEMENT,), calcul=taux_conformite_moyen, source=SOURCE, sens="hausse",
    description="Moyenne des taux de conformité (critères validés ÷ critères applicables) des "
    "services dont l'audit est en cours de validité. Les contrôles automatisés n'y entrent pas.",
))  # fmt: skip
declarer(Indicateur(
    code="accessibilite.services_conformes",
    libelle="Services numériques totalement ou partiellement conformes", unite="%",
    niveaux=(Niveau.DEPARTEMENT,), calcul=services_conformes, source=SOURCE, sens="hausse",
    description="Part des services du registre au moins partiellement conformes au RGAA "
    "(taux de 50 % ou plus, audit valide) ; sans audit valide, un service est non conforme.",
))  # fmt: skip
