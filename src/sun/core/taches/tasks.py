"""The tasks the worker runs (django-tasks): a long import, and the day's daily jobs."""

from django_tasks import task

from sun.core.taches import services


@task()
def executer_import(tache_id: str) -> str:
    return services.executer_import(tache_id)


@task(takes_context=True)
def taches_quotidiennes(context, jour: str) -> dict:
    # The backend that ran this day plans the next one.
    return services.executer_jour(jour, backend=context.task_result.backend)
