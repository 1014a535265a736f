"""Reads of décret n° 2023-266 as set-based queries: the in-scope test (`cycle_vie.dans_le_champ`)
and the reuse test (`cycle_vie.compte_pour_le_reemploi`) written as `Q` objects, so that A, B
and the items decommissioned during the year are a few filtered counts of one query, whatever
the size of the fleet. `tests/parc/taux` checks that both forms agree item by item."""

from datetime import date

from django.db.models import Count, F, Func, IntegerField, Q, QuerySet

from sun.parc.models import Equipement
from sun.parc.referentiel import AGE_EXCLUSION_ANS, CategorieDeee, Voie

# Age ≤ ten years ⇔ (réforme − acquisition) / 365.25 ≤ 10 ⇔ at most 3,652 whole days.
JOURS_EXCLUSION = int(AGE_EXCLUSION_ANS * 365.25)


class JoursEntre(Func):
    """Whole days from the second date to the first, computed by the database itself (Django's
    date subtraction is a Python function on SQLite, called for every row)."""

    output_field = IntegerField()
    arity = 2
    template = "(%(expressions)s)"
    arg_joiner = " - "

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="CAST(julianday(%(fin)s) - julianday("
                           "%(debut)s) AS INTEGER)", **extra)  # fmt: skip

    def as_sql(self, compiler, connection, template=None, **extra):
        if template is None:
            return super().as_sql(compiler, connection, **extra)
        fin, fin_params = compiler.compile(self.source_expressions[0])
        debut, debut_params = compiler.compile(self.source_expressions[1])
        return template % {"fin": fin, "debut": debut}, (*fin_params, *debut_params)


CATEGORIES_DU_DECRET = (CategorieDeee.ECRANS, CategorieDeee.PETITS_IT)
VOIES_REEMPLOI = (Voie.REEMPLOI, Voie.REUTILISATION, Voie.DON)

# Each exclusion (décret art. 1) with its complement, both written positively: a negated
# lookup on a nullable annotation or across a relation would not say what is meant in SQL.
EXCLUSIONS = (
    ("hors_champ", "Hors des catégories 2° et 6° (R543-172 II)",
     ~Q(categorie_deee__in=CATEGORIES_DU_DECRET), Q(categorie_deee__in=CATEGORIES_DU_DECRET)),
    ("classifie", "Informations classifiées ou obligations de sécurité propres",
     Q(informations_classifiees=True) | Q(obligations_securite=True),
     Q(informations_classifiees=False, obligations_securite=False)),
    ("trop_age", "Plus de dix ans à la date de réforme",
     Q(age_reforme__gt=JOURS_EXCLUSION),
     Q(age_reforme__isnull=True) | Q(age_reforme__lte=JOURS_EXCLUSION)),
)  # fmt: skip
DANS_LE_CHAMP = EXCLUSIONS[0][3] & EXCLUSIONS[1][3] & EXCLUSIONS[2][3]

VOIES_AUTRES = tuple(v for v in Voie.values if v not in VOIES_REEMPLOI)
REEMPLOI_PROUVE = Q(
    sortie__voie__in=VOIES_REEMPLOI,
    sortie__date_engagement__isnull=False,
    sortie__date_engagement__lte=F("sortie__date"),
    sortie__date_preuve__isnull=False,
)
# Why an in-scope exit of the year is not in A, in the order they are checked (each with its
# complement).
NON_COMPTEES = (
    ("recyclage", "Recyclage ou destruction : pas une voie de réemploi",
     Q(sortie__voie__in=VOIES_AUTRES), Q(sortie__voie__in=VOIES_REEMPLOI)),
    ("sans_engagement", "Sans engagement de réemploi du preneur",
     Q(sortie__date_engagement__isnull=True), Q(sortie__date_engagement__isnull=False)),
    ("engagement_tardif", "Engagement signé après la sortie",
     Q(sortie__date_engagement__gt=F("sortie__date")),
     Q(sortie__date_engagement__lte=F("sortie__date"))),
    ("sans_preuve", "Sans preuve du réemploi",
     Q(sortie__date_preuve__isnull=True), Q(sortie__date_preuve__isnull=False)),
)  # fmt: skip


def equipements(demonstration: bool = False) -> QuerySet:
    """The real fleet (or the demonstration one), with the age at decommissioning (whole days;
    empty when a date is unknown: such an item is not excluded for its age)."""
    age = JoursEntre(F("date_reforme"), F("date_acquisition"))
    return Equipement.objects.filter(demonstration=demonstration).annotate(age_reforme=age)


def _bornes(annee: int) -> tuple[date, date]:
    return date(annee, 1, 1), date(annee + 1, 1, 1)


def en_stock_au_1er_janvier(annee: int) -> Q:
    """Decommissioned before 1 January `annee` and not gone out before that day."""
    debut, _ = _bornes(annee)
    return Q(date_reforme__lt=debut) & (Q(sortie__isnull=True) | Q(sortie__date__gte=debut))


def sorti_dans_l_annee(annee: int) -> Q:
    debut, fin = _bornes(annee)
    return Q(sortie__date__gte=debut, sortie__date__lt=fin)


def reforme_dans_l_annee(annee: int) -> Q:
    debut, fin = _bornes(annee)
    return Q(date_reforme__gte=debut, date_reforme__lt=fin)


def stock(annee: int, demonstration: bool = False) -> QuerySet:
    """B: the in-scope decommissioned items in stock on 1 January."""
    return equipements(demonstration).filter(en_stock_au_1er_janvier(annee) & DANS_LE_CHAMP)


def orientes(annee: int, demonstration: bool = False) -> QuerySet:
    """A: the in-scope items oriented to reuse during the year, committed and proved."""
    return equipements(demonstration).filter(sorti_dans_l_annee(annee) & DANS_LE_CHAMP
                                             & REEMPLOI_PROUVE)  # fmt: skip


def comptes(annee: int, demonstration: bool = False) -> dict:
    """A, B and the in-scope items decommissioned during the year, in one query."""
    return equipements(demonstration).aggregate(
        b=Count("pk", filter=en_stock_au_1er_janvier(annee) & DANS_LE_CHAMP),
        a=Count("pk", filter=sorti_dans_l_annee(annee) & DANS_LE_CHAMP & REEMPLOI_PROUVE),
        reformes=Count("pk", filter=reforme_dans_l_annee(annee) & DANS_LE_CHAMP),
    )


def _premiere(regles, cle: str) -> Q:
    """The items for which `cle` is the first rule of `regles` that applies."""
    q = Q()
    for code, _libelle, condition, complement in regles:
        if code == cle:
            return q & condition
        q &= complement
    raise KeyError(cle)


def _exclu(cle: str) -> Q:
    return _premiere(EXCLUSIONS, cle)


def _non_compte(cle: str) -> Q:
    return _premiere(NON_COMPTEES, cle)


def detail_comptes(annee: int, demonstration: bool = False) -> dict:
    """Counts behind the figures, in one query: the exclusions among the items that would be
    in B or in A (`stock_<cle>`, `sortie_<cle>`), the in-scope exits of the year that are not
    in A (`non_<cle>`)."""
    stock_q, sortie_q = en_stock_au_1er_janvier(annee), sorti_dans_l_annee(annee)
    filtres = {}
    for cle, *_ in EXCLUSIONS:
        filtres[f"stock_{cle}"] = Count("pk", filter=stock_q & _exclu(cle))
        filtres[f"sortie_{cle}"] = Count("pk", filter=sortie_q & _exclu(cle))
    for cle, *_ in NON_COMPTEES:
        filtres[f"non_{cle}"] = Count("pk", filter=sortie_q & DANS_LE_CHAMP & _non_compte(cle))
    return equipements(demonstration).aggregate(**filtres)


def exclus(annee: int, cle: str, demonstration: bool = False) -> QuerySet:
    """The items of B's stock or of the year's exits left out for exclusion `cle`."""
    return equipements(demonstration).filter(
        (en_stock_au_1er_janvier(annee) | sorti_dans_l_annee(annee)) & _exclu(cle)
    )


def non_comptes(annee: int, cle: str, demonstration: bool = False) -> QuerySet:
    return equipements(demonstration).filter(sorti_dans_l_annee(annee) & DANS_LE_CHAMP
                                             & _non_compte(cle))  # fmt: skip


def pour_liste(qs: QuerySet) -> QuerySet:
    """What a list of items shows (no serial number)."""
    return qs.select_related("sortie", "site").order_by("date_reforme", "pk").only(
        "pk", "nom", "cle", "numero_inventaire", "type", "date_acquisition", "date_reforme",
        "site__nom", "sortie__date", "sortie__voie", "sortie__destinataire",
        "sortie__date_engagement", "sortie__date_preuve",
    )  # fmt: skip


def identifiants(qs: QuerySet) -> list[int]:
    return list(qs.order_by("pk").values_list("pk", flat=True))


def annees_avec_donnees(demonstration: bool = False) -> tuple[int | None, int | None]:
    """The first and last year of a decommissioning or an exit."""
    from django.db.models import Max, Min

    r = Equipement.objects.filter(demonstration=demonstration).aggregate(
        r_min=Min("date_reforme"), r_max=Max("date_reforme"), s_max=Max("sortie__date")
    )
    if r["r_min"] is None:
        return None, None
    fin = max(d for d in (r["r_max"], r["s_max"]) if d)
    # B of year N counts the stock of 31 December N−1: the first year is the next one.
    return r["r_min"].year + 1, max(fin.year, r["r_min"].year + 1)


def nombre_demonstration() -> int:
    return Equipement.objects.filter(demonstration=True).count()
