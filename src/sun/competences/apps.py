from django.apps import AppConfig


class CompetencesConfig(AppConfig):
    name = "sun.competences"
    verbose_name = "Formation et compétences numériques"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sun.competences import indicators  # noqa: F401  (registers the indicators)
