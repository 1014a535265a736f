"""Who may change the network directory (checked on the server by every view)."""

from sun.comptes.roles import Role, a_role
from sun.inclusion.models import Mediateur


def peut_modifier(user, mediateur: Mediateur) -> bool:
    """Administrators edit every record; a médiateur edits their own."""
    if a_role(user, Role.ADMINISTRATEUR):
        return True
    return a_role(user, Role.MEDIATEUR) and mediateur.compte_id == user.pk


def peut_creer(user) -> bool:
    return a_role(user, Role.ADMINISTRATEUR)
