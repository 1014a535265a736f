"""The version of the plan (`sun.core.versions`): every model of the pilotage app, so that
the public pages built from the plan (progress, commune and EPCI pages) are rendered once per
change of the plan, its actions, steps, indicators and their values."""

from sun.core.versions import Version

PLAN = Version("pilotage:plan:version")


def suivre_les_modeles() -> None:
    from django.apps import apps

    PLAN.suivre(*apps.get_app_config("pilotage").get_models())
