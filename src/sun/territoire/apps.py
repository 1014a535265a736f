from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class TerritoireConfig(AppConfig):
    name = "sun.territoire"
    label = "territoire"
    verbose_name = "Territoire"

    def ready(self) -> None:
        from sun.territoire.models import Commune, Mairie, SubdivisionCommune
        from sun.territoire.version import territoire_modifie

        # Single saves (admin, tests); a territory load, written in bulk, calls it itself.
        for modele in (Commune, SubdivisionCommune, Mairie):
            for signal in (post_save, post_delete):
                signal.connect(territoire_modifie, sender=modele, dispatch_uid=f"version-{modele}")
