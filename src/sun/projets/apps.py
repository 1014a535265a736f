from django.apps import AppConfig


class ProjetsConfig(AppConfig):
    name = "sun.projets"
    verbose_name = "Projets et outils du département"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sun.projets import indicators  # noqa: F401  (registers the indicators)
