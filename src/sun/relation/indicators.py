"""Indicators of the register of requests (département level: a request belongs to a
service, not to a commune; the volumes, the share decided in time and the processing times also
per service, `Niveau.SERVICE` with code = `ServiceInstructeur.code`, for the results a service
publishes under Services Publics+). Demonstration requests never count."""

from django.db.models import Max

from sun.core.indicators import SEUIL_PERSONNES as SEUIL
from sun.core.indicators import (
    Indicateur,
    Niveau,
    Periode,
    Valeur,
    declarer,
    note_demonstration,
    note_trop_peu,
)
from sun.relation.models import Demande

SOURCE = "Registre des demandes (SUN)"


def _date(qs):
    return qs.aggregate(d=Max("recue_le"))["d"]


def _du_service(qs, niveau: Niveau, code: str):
    """`qs` narrowed to the requests handled by the service `code` at the service level (the
    service a request is recorded for: the démarche's service at receipt, the one its
    dashboard and statistics count it in)."""
    return qs.filter(service__code=code) if niveau == Niveau.SERVICE else qs


def _dans(qs, champ: str, periode: Periode | None):
    """`qs` narrowed to the rows whose date `champ` falls in `periode` (None: all)."""
    if periode is None:
        return qs
    return qs.filter(**{f"{champ}__gte": periode.du, f"{champ}__lte": periode.au})


def demandes_recues(niveau: Niveau, code: str, periode: Periode | None = None) -> Valeur:
    reelles = _dans(_du_service(Demande.objects.filter(demonstration=False), niveau, code),
                    "recue_le", periode)  # fmt: skip
    demo = _dans(_du_service(Demande.objects.filter(demonstration=True), niveau, code),
                 "recue_le", periode)  # fmt: skip
    note = note_demonstration(demo.count(), "demandes")
    return Valeur(reelles.count(), _date(reelles), SOURCE, note)


def part_dans_les_temps(niveau: Niveau, code: str, periode: Periode | None = None) -> Valeur:
    """Over the requests decided (in `periode`); under 5 decided, not shown."""
    decidees = Demande.objects.filter(demonstration=False, dans_les_temps__isnull=False)
    decidees = _dans(_du_service(decidees, niveau, code), "decidee_le", periode)
    total = decidees.count()
    jour = decidees.aggregate(d=Max("decidee_le"))["d"]
    if total < SEUIL:
        return Valeur(None, jour, SOURCE, note_trop_peu(total, SEUIL, "demandes décidées"))
    part = round(100 * decidees.filter(dans_les_temps=True).count() / total, 1)
    return Valeur(part, jour, SOURCE)


declarer(Indicateur(
    code="relation.demandes", libelle="Demandes reçues (tous canaux)", unite="demandes",
    niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=demandes_recues, source=SOURCE, par_periode=True,
    description="Demandes enregistrées au registre, tous canaux, hors démonstration.",
))  # fmt: skip
declarer(Indicateur(
    code="relation.part_dans_les_temps", libelle="Demandes décidées dans le délai", unite="%",
    niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=part_dans_les_temps, source=SOURCE, par_periode=True,
    sens="hausse",
    description="Part des demandes décidées au plus tard le jour où naîtrait la décision "
    "implicite (ou, sans décision implicite, dans le délai annoncé).",
))  # fmt: skip


# --- The statistics of the register (sun.relation.statistiques), département level (and per
# service for the processing times). ---


def _reelles(niveau: Niveau = Niveau.DEPARTEMENT, code: str = ""):
    from sun.relation.statistiques.queries import statistiques

    return _du_service(statistiques().reelles(), niveau, code)


def _part(nombre: int, total: int) -> float | None:
    return round(100 * nombre / total, 1) if total else None


def part_en_ligne(niveau: Niveau, code: str) -> Valeur:
    qs = _reelles()
    par_canal = qs.compter_par("canal")
    return Valeur(_part(par_canal.get("en_ligne", 0), sum(par_canal.values())), _date(qs), SOURCE)


def _delai(p: int):
    def calcul(niveau: Niveau, code: str, periode: Periode | None = None) -> Valeur:
        from sun.relation.statistiques.percentiles import percentile

        qs = _dans(_reelles(niveau, code), "decidee_le", periode)
        histo: dict[int, int] = {}
        for _, jours, n in qs.histogramme_delais("demonstration"):
            histo[jours] = histo.get(jours, 0) + n
        valeur = percentile(histo, p) if sum(histo.values()) >= SEUIL else None
        return Valeur(None if valeur is None else round(valeur, 1),
                      qs.decidees().aggregate(d=Max("decidee_le"))["d"], SOURCE)  # fmt: skip

    return calcul


def _compte(nom: str):
    def calcul(niveau: Niveau, code: str) -> Valeur:
        from django.utils import timezone

        qs = _reelles()
        comptes = qs.indicateurs_par("demonstration", timezone.localdate()).get(False, {})
        return Valeur(comptes.get(nom, 0), _date(qs), SOURCE)

    return calcul


def part_incompletes(niveau: Niveau, code: str) -> Valeur:
    qs = _reelles()
    total = qs.count()
    incompletes = sum(qs.incompletes_par("demonstration").values())
    return Valeur(_part(incompletes, total), _date(qs), SOURCE)


def reclamations(niveau: Niveau, code: str) -> Valeur:
    qs = _reelles().reclamations()
    return Valeur(qs.count(), _date(qs), SOURCE)


declarer(Indicateur(
    code="relation.part_en_ligne", libelle="Part des demandes déposées en ligne", unite="%",
    niveaux=(Niveau.DEPARTEMENT,), calcul=part_en_ligne, source=SOURCE,
    description="Demandes reçues en ligne parmi les demandes de tous canaux (téléphone, guichet, "
    "courrier, courriel), hors démonstration.",
))  # fmt: skip
declarer(Indicateur(
    code="relation.delai_median", libelle="Délai de traitement médian", unite="jours",
    niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=_delai(50), source=SOURCE, par_periode=True, sens="baisse",
    description="De la réception à la décision, la moitié des demandes décidées l'ont été en "
    "moins de ce nombre de jours.",
))  # fmt: skip
declarer(Indicateur(
    code="relation.delai_p90", libelle="Délai de traitement, 9 demandes sur 10", unite="jours",
    niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=_delai(90), source=SOURCE, par_periode=True, sens="baisse",
    description="De la réception à la décision, 9 demandes décidées sur 10 l'ont été en moins de "
    "ce nombre de jours (90e centile).",
))  # fmt: skip
declarer(Indicateur(
    code="relation.part_incompletes", libelle="Part des demandes incomplètes", unite="%",
    niveaux=(Niveau.DEPARTEMENT,), calcul=part_incompletes, source=SOURCE, sens="baisse",
    description="Demandes pour lesquelles des pièces manquantes ont été demandées au moins une "
    "fois (CRPA L114-5).",
))  # fmt: skip
declarer(Indicateur(
    code="relation.decisions_implicites", libelle="Demandes en cours dont la décision implicite "
    "est née", unite="demandes", niveaux=(Niveau.DEPARTEMENT,),
    calcul=_compte("implicites_ouvertes"), source=SOURCE, sens="baisse",
    description="Demandes encore ouvertes au jour du calcul dont la date de décision implicite "
    "(acceptation L231-1 ou rejet L231-4) est passée.",
))  # fmt: skip
declarer(Indicateur(
    code="relation.decidees_apres_echeance", libelle="Demandes décidées après la date de la "
    "décision implicite", unite="demandes", niveaux=(Niveau.DEPARTEMENT,),
    calcul=_compte("decidees_apres"), source=SOURCE, sens="baisse",
    description="Décision explicite prise après la naissance de la décision implicite.",
))  # fmt: skip
declarer(Indicateur(
    code="relation.reclamations", libelle="Réclamations reçues", unite="réclamations",
    niveaux=(Niveau.DEPARTEMENT,), calcul=reclamations, source=SOURCE,
    description="Réclamations enregistrées au registre (démarches de réclamation ou demandes "
    "typées), pour le médiateur (orientation 11.3).",
))  # fmt: skip
