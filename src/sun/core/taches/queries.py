"""Reads of the tasks: a job of the agent space by its id, the jobs still running or waiting
for a confirmation, the last runs of the daily jobs."""

import uuid

from django.db.models import QuerySet

from sun.core.taches.models import ExecutionQuotidienne, Tache


def tache(identifiant, genre: str) -> Tache | None:
    """The job `identifiant` (text of a UUID) of `genre`, or None (absent or malformed)."""
    try:
        cle = uuid.UUID(str(identifiant))
    except ValueError:
        return None
    return Tache.objects.filter(pk=cle, genre=genre).select_related("auteur").first()


def a_confirmer(jeton: str, genre: str) -> Tache | None:
    """The job of `genre` stopped for a confirmation whose file waits under `jeton`."""
    if not jeton:
        return None
    return Tache.objects.filter(jeton=jeton, genre=genre, etat=Tache.Etat.A_CONFIRMER).first()


def taches_a_suivre(genre: str = "") -> QuerySet[Tache]:
    """Jobs queued, running or stopped for a confirmation, the most recent first."""
    qs = Tache.objects.filter(
        etat__in=[Tache.Etat.EN_FILE, Tache.Etat.EN_COURS, Tache.Etat.A_CONFIRMER]
    ).select_related("auteur")
    return qs.filter(genre=genre) if genre else qs


def dernieres_executions(nombre: int = 7) -> QuerySet[ExecutionQuotidienne]:
    return ExecutionQuotidienne.objects.exclude(debut=None)[:nombre]


def prochaine_execution() -> ExecutionQuotidienne | None:
    return ExecutionQuotidienne.objects.filter(debut=None).order_by("jour").first()
