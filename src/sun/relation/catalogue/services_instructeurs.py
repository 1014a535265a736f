"""Who instructs for a service (`ServiceInstructeur.instructeurs`): add or remove an account
holding the instructeur role."""

from django.contrib.auth import get_user_model

from sun.comptes.roles import Role, a_role
from sun.relation.models import ServiceInstructeur


class InstructeurInvalide(ValueError):
    """A French message; nothing was written."""


def instructeurs_possibles():
    """Active accounts holding the instructeur role (superusers excepted: they hold all)."""
    return (get_user_model().objects.filter(is_active=True, groups__name=Role.INSTRUCTEUR.value)
            .distinct().order_by("username"))  # fmt: skip


def ajouter_instructeur(service: ServiceInstructeur, utilisateur) -> None:
    if not utilisateur.is_active or not a_role(utilisateur, Role.INSTRUCTEUR):
        raise InstructeurInvalide(
            f"Le compte « {utilisateur.username} » n'a pas le rôle Instructeur : un "
            "administrateur doit d'abord le lui donner."
        )
    if service.instructeurs.filter(pk=utilisateur.pk).exists():
        raise InstructeurInvalide(
            f"« {utilisateur.username} » est déjà instructeur de {service.nom}."
        )
    service.instructeurs.add(utilisateur)


def retirer_instructeur(service: ServiceInstructeur, utilisateur) -> None:
    if not service.instructeurs.filter(pk=utilisateur.pk).exists():
        raise InstructeurInvalide(
            f"« {utilisateur.username} » n'est pas instructeur de {service.nom}."
        )
    service.instructeurs.remove(utilisateur)
