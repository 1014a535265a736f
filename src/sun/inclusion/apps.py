from django.apps import AppConfig


class InclusionConfig(AppConfig):
    name = "sun.inclusion"
    label = "inclusion"
    verbose_name = "Inclusion numérique"

    def ready(self) -> None:
        from sun.inclusion import donnees_ouvertes  # noqa: F401
        from sun.inclusion.versions import suivre_les_modeles

        suivre_les_modeles()
