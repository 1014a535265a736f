"""Indicators of the wing statistiques (schéma 11.3), declared with sun.core.indicators:
incidents reported this year (département and per direction), active types of the typology,
share of the last 12 months' requests that have a type. Demonstration requests and
duplicates are never counted."""

from datetime import timedelta

from django.utils import timezone

from sun.core.indicators import Indicateur, Niveau, Valeur, declarer, note_demonstration
from sun.projets.models import Demande, TypeDemande

SOURCE = "Demandes saisies dans SUN et tickets GLPI importés"
SOURCE_TYPOLOGIE = "Typologie des demandes de SUN"


def _demandes(niveau: Niveau, code: str):
    qs = Demande.objects.all()
    if niveau == Niveau.DIRECTION:
        qs = qs.filter(direction__code=code)
    return qs


def incidents_signales(niveau: Niveau, code: str) -> Valeur:
    aujourd_hui = timezone.localdate()
    annee = _demandes(niveau, code).filter(nature="incident",
                                           creee_le__year=aujourd_hui.year)  # fmt: skip
    n = annee.comptees().count()
    demo = annee.de_demonstration().count()
    return Valeur(n, aujourd_hui, SOURCE, note_demonstration(demo, "incidents"))


def types_demandes(niveau: Niveau, code: str) -> Valeur:
    return Valeur(TypeDemande.objects.actifs().count(), timezone.localdate(), SOURCE_TYPOLOGIE)


def part_demandes_typees(niveau: Niveau, code: str) -> Valeur:
    aujourd_hui = timezone.localdate()
    recentes = Demande.objects.selon(du=aujourd_hui - timedelta(days=365), au=aujourd_hui)
    comptees = recentes.comptees()
    total = comptees.count()
    demo = note_demonstration(recentes.de_demonstration().count(), "demandes")
    if not total:
        return Valeur(None, aujourd_hui, SOURCE, demo)
    typees = comptees.filter(type__isnull=False).count()
    note = f"{typees} demande(s) typée(s) sur {total} des 12 derniers mois."
    return Valeur(round(100 * typees / total, 1), aujourd_hui, SOURCE,
                  " ".join(x for x in (note, demo) if x))  # fmt: skip


declarer(Indicateur(
    code="projets.incidents_signales", libelle="Incidents signalés sur les outils cette année",
    unite="incidents", niveaux=(Niveau.DEPARTEMENT, Niveau.DIRECTION),
    calcul=incidents_signales, source=SOURCE, sens="baisse",
    description="Demandes de nature « incident » créées depuis le 1er janvier (saisies dans "
                "SUN ou tickets GLPI importés), doublons et démonstration exclus.",
))  # fmt: skip
declarer(Indicateur(
    code="projets.types_demandes", libelle="Types actifs de la typologie des demandes",
    unite="types", niveaux=(Niveau.DEPARTEMENT,), calcul=types_demandes,
    source=SOURCE_TYPOLOGIE,
    description="Types de demandes et d'incidents proposés à la saisie (les types désactivés, "
                "gardés pour l'historique, ne sont pas comptés).",
))  # fmt: skip
declarer(Indicateur(
    code="projets.part_demandes_typees",
    libelle="Part des demandes des 12 derniers mois qui ont un type", unite="%",
    niveaux=(Niveau.DEPARTEMENT,), calcul=part_demandes_typees, source=SOURCE, sens="hausse",
    description="Demandes créées dans les 365 derniers jours rattachées à un type de la "
                "typologie, doublons et démonstration exclus.",
))  # fmt: skip
