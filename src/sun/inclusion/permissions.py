"""Who may do what in the register (checked on the server by every view)."""

from sun.comptes.modules import PAR_CODE, peut_ouvrir
from sun.comptes.roles import Role, a_role
from sun.inclusion.models import Lieu

EDITEURS_TOUT = (Role.AGENT, Role.ADMINISTRATEUR)
# Imports, their journal, duplicates and reported errors: the imports module of the agent space.
IMPORTEURS = PAR_CODE["imports"].roles


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
    return peut_ouvrir(user, "imports")
