from django.apps import AppConfig


class PilotageConfig(AppConfig):
    name = "sun.pilotage"
    verbose_name = "Pilotage du schéma"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sun.pilotage import donnees_ouvertes  # noqa: F401
        from sun.pilotage.versions import suivre_les_modeles

        suivre_les_modeles()
