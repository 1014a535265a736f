from django.apps import AppConfig


class PilotageConfig(AppConfig):
    name = "sun.pilotage"
    verbose_name = "Pilotage du schéma"
    default_auto_field = "django.db.models.BigAutoField"
