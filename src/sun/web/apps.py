from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "sun.web"
    label = "web"
    verbose_name = "Site public et espace agents"
