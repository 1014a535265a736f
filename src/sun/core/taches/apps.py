from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class TachesConfig(AppConfig):
    name = "sun.core.taches"
    label = "taches"
    verbose_name = "Tâches planifiées et longues"

    def ready(self) -> None:
        # Each domain app declares its daily jobs and its long imports in `tasks.py`
        # (see sun.core.taches.quotidien and sun.core.taches.imports).
        autodiscover_modules("tasks")
