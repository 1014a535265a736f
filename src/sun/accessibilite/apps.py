from django.apps import AppConfig


class AccessibiliteConfig(AppConfig):
    name = "sun.accessibilite"
    verbose_name = "Accessibilité numérique"
    default_auto_field = "django.db.models.BigAutoField"
