from django.apps import AppConfig


class RelationConfig(AppConfig):
    name = "sun.relation"
    verbose_name = "Relation aux usagers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sun.relation import indicators  # noqa: F401  (registers the indicators)
        from sun.relation.versions import suivre_les_modeles

        suivre_les_modeles()
