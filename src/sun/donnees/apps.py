from django.apps import AppConfig


class DonneesConfig(AppConfig):
    name = "sun.donnees"
    verbose_name = "Service public de la donnée"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sun.donnees import indicators  # noqa: F401  (registers the indicators)
