from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "sun.core"
    label = "core"
    verbose_name = "Socle SUN"

    def ready(self) -> None:
        # Each domain app declares its indicators in `indicators.py` (see sun.core.indicators).
        autodiscover_modules("indicators")
