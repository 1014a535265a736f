"""Reads of the register with several clauses: the service dashboard, the lists of requests."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet, Sum

from sun.relation.models import CompteurDemandes, Demande, Statut
from sun.relation.models.registre import OUVERTS


class DemandeQuerySet(QuerySet):
    def ouvertes(self):
        return self.filter(statut__in=OUVERTS)

    def reelles(self):
        return self.filter(demonstration=False)

    def du_service(self, service_id: int):
        return self.filter(service_id=service_id)

    def echeance_entre(self, debut: date, fin: date):
        """Open requests whose implicit decision is born between `debut` and `fin`."""
        return self.ouvertes().filter(date_decision_implicite__gte=debut,
                                      date_decision_implicite__lte=fin)  # fmt: skip

    def decidees_implicitement(self, aujourd_hui: date):
        """Open requests whose implicit decision is already born (before today)."""
        return self.ouvertes().filter(date_decision_implicite__lt=aujourd_hui)

    def prochaines_echeances(self, aujourd_hui: date, nombre: int = 50):
        return (self.ouvertes().filter(date_decision_implicite__gte=aujourd_hui)
                .order_by("date_decision_implicite", "pk")
                .select_related("demarche")[:nombre])  # fmt: skip

    def recherche(self, texte: str):
        """By tracking code, external number or the person's name, e-mail or phone."""
        from sun.relation.registre.code_suivi import normaliser_code
        from sun.relation.registre.usagers import cle_courriel, cle_telephone, filtre_nom

        texte = (texte or "").strip()
        if not texte:
            return self
        filtre = Q(numero_externe=texte)
        if (nom := filtre_nom(texte, "usager__cle_nom")) is not None:
            filtre |= nom
        if code := normaliser_code(texte):
            filtre |= Q(code_suivi=code)
        if "@" in texte:
            filtre |= Q(usager__cle_courriel=cle_courriel(texte))
        if len(tel := cle_telephone(texte)) >= 9:
            filtre |= Q(usager__cle_telephone=tel)
        return self.filter(filtre)


def demandes():
    return DemandeQuerySet(Demande)


@dataclass
class TableauService:
    par_statut: dict[str, int]
    dans_15_jours: int
    dans_7_jours: int
    decidees_implicitement: int
    decidees: int
    dans_les_temps: int
    prochaines: list = field(default_factory=list)
    acquises: list = field(default_factory=list)  # open, implicit decision already born

    @property
    def part_dans_les_temps(self) -> float | None:
        return round(100 * self.dans_les_temps / self.decidees, 1) if self.decidees else None

    @property
    def total(self) -> int:
        return sum(self.par_statut.values())


def tableau_service(
    service_id: int, aujourd_hui: date, *, demonstration: bool = False
) -> TableauService:
    """Counts by status and « in time » from the counters (a few dozen rows); the deadlines in
    one aggregate over the partial index of open requests; the 50 next with what they show."""
    lignes = (CompteurDemandes.objects.filter(service_id=service_id)
              .filter(Q() if demonstration else Q(demonstration=False))
              .values("statut", "dans_les_temps").annotate(n=Sum("nombre")).order_by())  # fmt: skip
    par_statut = {s.value: 0 for s in Statut}
    decidees = dans_les_temps = 0
    for ligne in lignes:
        par_statut[ligne["statut"]] += ligne["n"]
        if ligne["dans_les_temps"]:
            decidees += ligne["n"]
            dans_les_temps += ligne["n"] if ligne["dans_les_temps"] == "oui" else 0
    qs = demandes().du_service(service_id).ouvertes()
    if not demonstration:
        qs = qs.reelles()
    j7, j15 = aujourd_hui + timedelta(days=7), aujourd_hui + timedelta(days=15)
    a_venir = Q(date_decision_implicite__gte=aujourd_hui)
    echeances = qs.filter(date_decision_implicite__lte=j15).aggregate(
        d15=Count("pk", filter=a_venir), d7=Count("pk", filter=a_venir & Q(date_decision_implicite__lte=j7)),
        nees=Count("pk", filter=Q(date_decision_implicite__lt=aujourd_hui)),
    )  # fmt: skip
    champs = (
        "code_suivi",
        "statut",
        "date_decision_implicite",
        "regime",
        "recue_le",
        "pieces_en_attente",
        "demarche__titre",
        "usager__nom",
    )
    lignes = qs.select_related("demarche", "usager").only(*champs)
    prochaines = lignes.filter(a_venir).order_by("date_decision_implicite", "pk")[:50]
    # The most urgent: the département is already bound (SVA) or exposed (SVR), oldest first.
    acquises = lignes.filter(date_decision_implicite__lt=aujourd_hui).order_by(
        "date_decision_implicite", "pk")[:50]  # fmt: skip
    return TableauService(
        par_statut=par_statut, dans_15_jours=echeances["d15"], dans_7_jours=echeances["d7"],
        decidees_implicitement=echeances["nees"], decidees=decidees, dans_les_temps=dans_les_temps,
        prochaines=list(prochaines), acquises=list(acquises),
    )  # fmt: skip


def empreinte_tableau(service_id: int, aujourd_hui: date) -> str:
    """What a service dashboard depends on: the register (every write to a request or a
    person), the catalogue, the day."""
    from sun.core.versions import empreinte
    from sun.relation.versions import CATALOGUE, REGISTRE

    return empreinte([REGISTRE, CATALOGUE], aujourd_hui, service_id)
