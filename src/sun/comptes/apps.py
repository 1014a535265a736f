from django.apps import AppConfig
from django.db.models.signals import post_migrate


def droits_des_administrateurs(**kwargs) -> None:
    """Administrators edit everything in the Django admin: their group holds every model
    permission, kept up to date after each migration (new models included)."""
    from django.contrib.auth.models import Group, Permission

    from sun.comptes.roles import Role

    groupe = Group.objects.filter(name=Role.ADMINISTRATEUR.value).first()
    if groupe is not None:
        groupe.permissions.set(Permission.objects.all())


class ComptesConfig(AppConfig):
    name = "sun.comptes"
    label = "comptes"
    verbose_name = "Comptes et rôles"

    def ready(self) -> None:
        post_migrate.connect(droits_des_administrateurs, dispatch_uid="sun-droits-administrateurs")
