from django.apps import AppConfig


class AccessibiliteConfig(AppConfig):
    name = "sun.accessibilite"
    verbose_name = "Accessibilité numérique"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sun.accessibilite import indicators  # noqa: F401  (registers the indicators)
