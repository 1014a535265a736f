from django.apps import AppConfig


class InclusionConfig(AppConfig):
    name = "sun.inclusion"
    label = "inclusion"
    verbose_name = "Inclusion numérique"
