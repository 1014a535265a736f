from django.apps import AppConfig


class QualiteConfig(AppConfig):
    name = "sun.qualite"
    verbose_name = "Qualité de service"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sun.qualite import indicators  # noqa: F401  (registers the indicators)
        from sun.qualite.versions import suivre_les_modeles

        suivre_les_modeles()
