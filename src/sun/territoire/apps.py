from django.apps import AppConfig


class TerritoireConfig(AppConfig):
    name = "sun.territoire"
    label = "territoire"
    verbose_name = "Territoire"
