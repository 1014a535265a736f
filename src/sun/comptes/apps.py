from django.apps import AppConfig


class ComptesConfig(AppConfig):
    name = "sun.comptes"
    label = "comptes"
    verbose_name = "Comptes et rôles"
