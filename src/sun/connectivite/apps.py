from django.apps import AppConfig


class ConnectiviteConfig(AppConfig):
    name = "sun.connectivite"
    verbose_name = "Connectivité (fibre, cuivre, mobile)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sun.connectivite import (
            donnees_ouvertes,  # noqa: F401
            indicators,  # noqa: F401  (registers the indicators)
        )
        from sun.connectivite.versions import suivre_les_modeles

        suivre_les_modeles()
