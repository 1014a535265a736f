"""Reads of the statistics: chainable QuerySet methods over the register, each one GROUP BY."""

from datetime import date

from django.db.models import Count, F, Func, IntegerField, Q
from django.db.models.functions import TruncMonth

from sun.relation.models import FINALS, OUVERTS, Demande, DemandePieces
from sun.relation.queries import DemandeQuerySet


class JoursEntre(Func):
    """Whole days from `debut` to `fin` (two dates), in the database."""

    output_field = IntegerField()

    def __init__(self, fin, debut):
        super().__init__(fin, debut)

    def as_sql(self, compiler, connection, **extra):
        (fin, p1), (debut, p2) = (compiler.compile(e) for e in self.source_expressions)
        return f"(({fin}) - ({debut}))", p1 + p2

    def as_sqlite(self, compiler, connection, **extra):
        (fin, p1), (debut, p2) = (compiler.compile(e) for e in self.source_expressions)
        return f"CAST(julianday({fin}) - julianday({debut}) AS INTEGER)", p1 + p2


class StatistiquesQuerySet(DemandeQuerySet):
    def recues_entre(self, du: date | None, au: date | None):
        qs = self
        if du:
            qs = qs.filter(recue_le__gte=du)
        if au:
            qs = qs.filter(recue_le__lte=au)
        return qs

    def filtrees(self, *, service_id=None, demarche_id=None, canal=""):
        qs = self
        if service_id:
            qs = qs.filter(service_id=service_id)
        if demarche_id:
            qs = qs.filter(demarche_id=demarche_id)
        if canal:
            qs = qs.filter(canal=canal)
        return qs

    def reclamations(self):
        """Complaints: requests of a réclamation démarche, or given a typology."""
        return self.filter(Q(demarche__reclamation=True) | ~Q(typologie=""))

    def decidees(self):
        return self.filter(statut__in=FINALS, decidee_le__isnull=False)

    def compter_par(self, *champs: str) -> dict:
        """{value (or tuple of values): number of requests}."""
        lignes = self.values_list(*champs).annotate(n=Count("pk")).order_by()
        if len(champs) == 1:
            return {ligne[0]: ligne[1] for ligne in lignes}
        return {tuple(ligne[:-1]): ligne[-1] for ligne in lignes}

    def compter_par_mois(self, *champs: str) -> dict:
        """{(first day of the month of receipt, *champs): number}."""
        lignes = (
            self.annotate(mois=TruncMonth("recue_le"))
            .values_list("mois", *champs)
            .annotate(n=Count("pk"))
            .order_by()
        )
        return {tuple(ligne[:-1]): ligne[-1] for ligne in lignes}

    def histogramme_delais(self, champ: str) -> list[tuple[object, int, int]]:
        """Rows (value of `champ`, days from receipt to decision, number of requests)."""
        return list(
            self.decidees()
            .annotate(jours=JoursEntre(F("decidee_le"), F("recue_le")))
            .values_list(champ, "jours")
            .annotate(n=Count("pk"))
            .order_by()
        )

    def indicateurs_par(self, champ: str, aujourd_hui: date) -> dict:
        """{value of `champ`: counts} for the shares: requests, decided with a deadline,
        decided in time, open past their implicit decision, decided after it (one GROUP BY),
        and incomplete (at least one request for pieces: one more)."""
        ouvertes, decidees = Q(statut__in=OUVERTS), Q(statut__in=FINALS)
        lignes = (
            self.values(champ)
            .annotate(
                demandes=Count("pk"),
                avec_delai=Count("pk", filter=Q(dans_les_temps__isnull=False)),
                dans_les_temps=Count("pk", filter=Q(dans_les_temps=True)),
                implicites_ouvertes=Count(
                    "pk", filter=ouvertes & Q(date_decision_implicite__lt=aujourd_hui)
                ),
                decidees_apres=Count(
                    "pk", filter=decidees & Q(decidee_le__gt=F("date_decision_implicite"))
                ),
            )
            .order_by()
        )
        resultat = {ligne.pop(champ): {**ligne, "incompletes": 0} for ligne in lignes}
        for valeur, n in self.incompletes_par(champ).items():
            resultat.setdefault(valeur, {})["incompletes"] = n
        return resultat

    def incompletes_par(self, champ: str) -> dict:
        """{value of `champ`: requests with at least one request for missing pieces}, read
        from the (much smaller) table of requests for pieces."""
        lignes = (
            DemandePieces.objects.filter(demande__in=self.values("pk"))
            .values_list(f"demande__{champ}")
            .annotate(n=Count("demande_id", distinct=True))
            .order_by()
        )
        return dict(lignes)


def statistiques():
    return StatistiquesQuerySet(Demande)
