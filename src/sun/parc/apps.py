from django.apps import AppConfig


class ParcConfig(AppConfig):
    name = "sun.parc"
    verbose_name = "Parc informatique et numérique responsable"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sun.parc import indicators  # noqa: F401  (registers the indicators)
        from sun.parc.versions import suivre_les_modeles

        suivre_les_modeles()
