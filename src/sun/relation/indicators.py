"""Indicators of the register of requests (département level: a request belongs to a
service, not to a commune). Demonstration requests never count."""

from django.db.models import Max

from sun.core.indicators import Indicateur, Niveau, Valeur, declarer, note_demonstration
from sun.relation.models import Demande

SOURCE = "Registre des demandes (SUN)"


def _date(qs):
    return qs.aggregate(d=Max("recue_le"))["d"]


def demandes_recues(niveau: Niveau, code: str) -> Valeur:
    reelles = Demande.objects.filter(demonstration=False)
    note = note_demonstration(Demande.objects.filter(demonstration=True).count(), "demandes")
    return Valeur(reelles.count(), _date(reelles), SOURCE, note)


def part_dans_les_temps(niveau: Niveau, code: str) -> Valeur:
    decidees = Demande.objects.filter(demonstration=False, dans_les_temps__isnull=False)
    total = decidees.count()
    if not total:
        return Valeur(None, None, SOURCE)
    part = round(100 * decidees.filter(dans_les_temps=True).count() / total, 1)
    return Valeur(part, decidees.aggregate(d=Max("decidee_le"))["d"], SOURCE)


declarer(Indicateur(
    code="relation.demandes", libelle="Demandes reçues (tous canaux)", unite="demandes",
    niveaux=(Niveau.DEPARTEMENT,), calcul=demandes_recues, source=SOURCE,
    description="Demandes enregistrées au registre, tous canaux, hors démonstration.",
))  # fmt: skip
declarer(Indicateur(
    code="relation.part_dans_les_temps", libelle="Demandes décidées dans le délai", unite="%",
    niveaux=(Niveau.DEPARTEMENT,), calcul=part_dans_les_temps, source=SOURCE, sens="hausse",
    description="Part des demandes décidées au plus tard le jour où naîtrait la décision "
    "implicite (ou, sans décision implicite, dans le délai annoncé).",
))  # fmt: skip
