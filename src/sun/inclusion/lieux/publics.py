"""What the public site shows of the register beside a search: the next openings when nothing
is open now, the département's places for its map, and the places a sitemap lists.

Everything but the sitemap reads the in-process index of the search (no row is read)."""

from dataclasses import replace
from datetime import datetime

from sun.inclusion.lieux.normalisation import cle_souple
from sun.inclusion.lieux.recherche import (
    RAYON_MAX_KM,
    STATUTS_VISIBLES,
    Criteres,
    Trouve,
    code_departement,
    etat,
    index_lieux,
    rechercher,
)
from sun.inclusion.models import Lieu
from sun.territoire.timezones import heure_locale

# Places whose next opening is computed: the nearest ones, enough for a whole town.
CANDIDATS = 200


def prochaines_ouvertures(criteres: Criteres, *, nombre: int = 5, maintenant: datetime | None = None,
                          departement: str = "") -> list[Trouve]:  # fmt: skip
    """The places matching every criterion but « open now » that open soonest (nearest first
    when they open at the same time): within the radius, else within the largest radius.

    For a search « open now » that found nothing: the evening, a Sunday, a holiday.
    """
    sans_ouvert = replace(criteres, ouvert_maintenant=False)
    prochains: list[Trouve] = []
    for rayon in dict.fromkeys((criteres.rayon_km, RAYON_MAX_KM)):
        resultats = rechercher(replace(sans_ouvert, rayon_km=rayon), taille=CANDIDATS,
                               maintenant=maintenant, departement=departement)  # fmt: skip
        prochains = [
            t
            for t in resultats.trouves
            if t.etat is not None and not t.etat.ouvert and t.etat.prochain_changement is not None
        ]
        if prochains:
            break
    prochains.sort(key=lambda t: (t.etat.prochain_changement, t.distance_km or 0.0))
    return prochains[:nombre]


def lieux_du_departement(code: str, maintenant: datetime | None = None) -> list[Trouve]:
    """The visible places of a département that have a position, by commune then name, with
    their opening state now (local time of the département)."""
    index = index_lieux()
    moment = heure_locale(code, maintenant)
    lieux = [
        resume
        for resume in index.resumes
        if resume.code_insee and code_departement(resume.code_insee) == code
    ]
    lieux.sort(key=lambda r: (cle_souple(r.commune), cle_souple(r.nom), str(r.pk)))
    return [Trouve(resume, None, etat(resume.horaires, moment)) for resume in lieux]


def lieux_pour_le_plan_du_site():
    """Identifier and update date of the places a search engine may list: visible, real
    (demonstration places are fictitious), by name."""
    return (
        Lieu.objects.filter(statut__in=STATUTS_VISIBLES, demonstration=False)
        .order_by("nom", "pk")
        .values_list("pk", "date_maj")
    )
