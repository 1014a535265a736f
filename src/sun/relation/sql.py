"""The deadline engine in SQL, for set-based recomputation (one UPDATE for a whole démarche).

`AjouterMois` adds a constant number of months by the quantième rule, clamped to the month's
end, exactly as `delais.ajouter_mois` (the tests compare them on every day of several years):
PostgreSQL's interval arithmetic clamps by itself; SQLite's `date()` overflows into the next
month, so the result is the smaller of the overflowing date and the final month's last day.
"""

from django.db.models import Case, DateField, F, Func, IntegerField, Value, When
from django.db.models.functions import Coalesce

from sun.relation.delais import AUCUN, JOURS, MOIS, SEMAINES, SVA, SVR


class AjouterMois(Func):
    output_field = DateField()

    def __init__(self, expression, mois: int):
        self.mois = int(mois)
        super().__init__(expression)

    def as_postgresql(self, compiler, connection):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(({sql})::date + make_interval(months => {self.mois}))::date", params

    def as_sqlite(self, compiler, connection):
        sql, params = compiler.compile(self.source_expressions[0])
        m = self.mois
        debordant = (f"date({sql}, 'start of month', '+{m} months', "
                     f"'+' || (CAST(strftime('%%d', {sql}) AS INTEGER) - 1) || ' days')")  # fmt: skip
        dernier = f"date({sql}, 'start of month', '+{m + 1} months', '-1 day')"
        return f"min({debordant}, {dernier})", params * 4


class AjouterJours(Func):
    output_field = DateField()

    def __init__(self, expression, jours):
        super().__init__(expression, jours)

    def as_postgresql(self, compiler, connection):
        (date_sql, p1), (jours_sql, p2) = (compiler.compile(e) for e in self.source_expressions)
        return f"(({date_sql})::date + ({jours_sql})::integer)", p1 + p2

    def as_sqlite(self, compiler, connection):
        (date_sql, p1), (jours_sql, p2) = (compiler.compile(e) for e in self.source_expressions)
        return f"date({date_sql}, '+' || ({jours_sql}) || ' days')", p1 + p2


def _ajouter_delai(expression, valeur: int, unite: str):
    if unite == MOIS:
        return AjouterMois(expression, valeur)
    if unite == SEMAINES:
        return AjouterJours(expression, Value(7 * valeur, output_field=IntegerField()))
    if unite == JOURS:
        return AjouterJours(expression, Value(valeur, output_field=IntegerField()))
    raise ValueError(f"Unité de délai inconnue : « {unite} »")


def expression_echeance(regime: str, valeur: int, unite: str):
    """The implicit-decision date of each row of `Demande`, for a regime common to the set
    (same rules as `delais.echeance_de`)."""
    if regime == AUCUN:
        return Value(None, output_field=DateField())
    if regime == SVR:
        # Every request for pieces has its time given (`DemandePieces.a_fournir_avant`): the
        # suspension always has an end, even while the pieces are awaited.
        return AjouterJours(_ajouter_delai(F("recue_le"), valeur, unite),
                            F("jours_suspendus_pieces"))  # fmt: skip
    if regime != SVA:
        raise ValueError(f"Régime inconnu : « {regime} »")
    depart = Coalesce(F("date_pieces_completes"), F("recue_le"))
    return Case(When(pieces_en_attente=True, then=Value(None, output_field=DateField())),
                default=_ajouter_delai(depart, valeur, unite), output_field=DateField())  # fmt: skip


def expression_dans_les_temps(annonce_jours: int | None, regime: str):
    """`dans_les_temps` of each row once `date_decision_implicite` is set (same rules as
    `delais.dans_les_temps`); use it in a second UPDATE, after the date."""
    from django.db.models import BooleanField, Q
    from django.db.models.functions import Cast

    inconnu = Value(None, output_field=BooleanField())
    conditions = [When(decidee_le=None, then=inconnu),
                  When(Q(date_decision_implicite__isnull=False), then=Case(
                      When(decidee_le__lte=F("date_decision_implicite"), then=Value(True)),
                      default=Value(False), output_field=BooleanField()))]  # fmt: skip
    if annonce_jours is None:
        return Case(*conditions, default=inconnu, output_field=BooleanField())
    limite = AjouterJours(F("recue_le"), Value(annonce_jours, output_field=IntegerField()))
    return Case(*conditions, When(decidee_le__lte=Cast(limite, DateField()), then=Value(True)),
                default=Value(False), output_field=BooleanField())  # fmt: skip


__all__ = ["AjouterJours", "AjouterMois", "expression_dans_les_temps", "expression_echeance"]
