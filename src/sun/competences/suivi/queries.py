"""Reads of the follow-up: who was present in a session, per direction, per theme, per year.

A person « formé » is present in at least one session (not cancelled) that started in the
period. Demonstration sessions never count (`Inscription.objects.reels()`); how many were left
out is given by `presences_demonstration`. An anonymous line (an elected official who withdrew
their consent) counts for one person: it can no longer be matched with the person's others.
"""

from datetime import date

from django.db.models import Avg, Count, F, Q, Sum

from sun.competences.models import Direction, Inscription, Personne, Session

AGENTS = ("agent", "encadrant")
ELUS = ("elu",)
CATEGORIES = dict(Personne.Categorie.choices)


def _periode(qs, du: date | None, au: date | None):
    if du:
        qs = qs.filter(session__debut__date__gte=du)
    if au:
        qs = qs.filter(session__debut__date__lte=au)
    return qs


def presences(du: date | None = None, au: date | None = None, *, categories=None,
              direction: Direction | None = None, theme: str | None = None):  # fmt: skip
    """Real lines of people present in a session that started between `du` and `au`."""
    qs = Inscription.objects.reels().filter(statut=Inscription.Statut.PRESENT,
                                            session__annulee=False)  # fmt: skip
    qs = _periode(qs, du, au)
    if categories:
        qs = qs.filter(categorie__in=categories)
    if direction is not None:
        qs = qs.filter(direction=direction)
    if theme:
        qs = qs.filter(session__theme=theme)
    return qs


def presences_demonstration(du: date | None = None, au: date | None = None, *,
                            direction: Direction | None = None) -> int:  # fmt: skip
    """Lines of people present in demonstration sessions over the period (never counted)."""
    qs = Inscription.objects.filter(session__demonstration=True,
                                    statut=Inscription.Statut.PRESENT)  # fmt: skip
    if direction is not None:
        qs = qs.filter(direction=direction)
    return _periode(qs, du, au).count()


def nombre_personnes(qs) -> int:
    """Distinct people of present lines (each anonymous line counts for one)."""
    chiffres = qs.aggregate(
        nommees=Count("personne", distinct=True),
        anonymes=Count("pk", filter=Q(personne__isnull=True)),
    )
    return chiffres["nommees"] + chiffres["anonymes"]


def heures(qs) -> float:
    """Hours of training: each present line counts its session's duration."""
    total = qs.aggregate(total=Sum(F("session__duree_heures")))["total"]
    return float(total or 0)


def satisfaction(qs) -> tuple[float | None, int]:
    """The mean of the 1–4 answers and how many answered."""
    chiffres = qs.filter(satisfaction__isnull=False).aggregate(
        moyenne=Avg("satisfaction"), reponses=Count("pk")
    )
    return chiffres["moyenne"], chiffres["reponses"]


def elus_suivis() -> int:
    """Elected officials tracked (with their consent), demonstration apart."""
    return Personne.objects.reels().elus().count()


def personnes_formees(du: date | None, au: date | None) -> list[dict]:
    """The people trained over the period (for the training service only): one row per
    person, with their sessions. Anonymous lines are left out (nobody to name)."""
    lignes = (presences(du, au).filter(personne__isnull=False)
              .select_related("personne", "direction", "session")
              .order_by("personne__nom", "personne__prenom", "session__debut"))  # fmt: skip
    personnes: dict[int, dict] = {}
    for ligne in lignes:
        p = personnes.setdefault(ligne.personne_id, {
            "personne": ligne.personne, "direction": ligne.direction,
            "categorie": CATEGORIES.get(ligne.categorie, ligne.categorie), "sessions": [],
            "heures": 0.0,
        })  # fmt: skip
        p["sessions"].append(ligne.session)
        p["heures"] += float(ligne.session.duree_heures)
    return list(personnes.values())


def formations_elus(du: date | None, au: date | None):
    """The elected officials' present lines over the period, with their sessions (the table
    annexed to the administrative account)."""
    return (presences(du, au, categories=ELUS).select_related("personne", "session")
            .order_by("session__debut", "personne__nom"))  # fmt: skip


def heures_par_elu(depuis: date) -> dict[int, float]:
    """Hours of training of each tracked elected official since `depuis` (the mandate)."""
    lignes = (presences(depuis, None, categories=ELUS).filter(personne__isnull=False)
              .values("personne").annotate(total=Sum("session__duree_heures")))  # fmt: skip
    return {ligne["personne"]: float(ligne["total"] or 0) for ligne in lignes}


def annees_disponibles() -> list[int]:
    """Years with at least one real session, most recent first."""
    return [d.year for d in Session.objects.reels().datetimes("debut", "year", order="DESC")]
