"""Who may do what in the register (checked on the server by every view)."""

from sun.comptes.roles import Role, a_role
from sun.inclusion.models import Lieu

EDITEURS_TOUT = (Role.AGENT, Role.ADMINISTRATEUR)
IMPORTEURS = (Role.AGENT, Role.ADMINISTRATEUR)


def peut_modifier(user, lieu: Lieu) -> bool:
    """Agents and administrators edit every place; médiateurs only their structure's places."""
    if a_role(user, *EDITEURS_TOUT):
        return True
    if a_role(user, Role.MEDIATEUR) and lieu.structure_id is not None:
        return lieu.structure.membres.filter(pk=user.pk).exists()
    return False


def peut_creer(user) -> bool:
    return a_role(user, *EDITEURS_TOUT)


def peut_importer(user) -> bool:
    return a_role(user, *IMPORTEURS)
