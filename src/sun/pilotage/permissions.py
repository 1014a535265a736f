"""Who may do what with the plan (checked on the server by every view)."""

from sun.comptes.modules import PAR_CODE, peut_ouvrir
from sun.comptes.roles import Role, a_role

# Readers of the plan: the steering module of the agent space (one table, sun.comptes.modules).
LECTEURS = PAR_CODE["pilotage"].roles


def peut_lire(user) -> bool:
    """Agents, pilots, administrators, and whoever pilots an action."""
    return peut_ouvrir(user, "pilotage")


def peut_modifier(user, action) -> bool:
    """Administrators edit every action; a pilot edits the actions they pilot."""
    return a_role(user, Role.ADMINISTRATEUR) or action.pilotes.filter(pk=user.pk).exists()


def peut_saisir(user, indicateur) -> bool:
    """Values of an indicator: administrators, and the pilots of an action it measures."""
    return a_role(user, Role.ADMINISTRATEUR) or indicateur.actions.filter(pilotes=user).exists()


def peut_assigner(user) -> bool:
    """Who chooses an action's pilots: administrators."""
    return a_role(user, Role.ADMINISTRATEUR)
