"""Who may do what with the plan (checked on the server by every view)."""

from sun.comptes.roles import Role, a_role

LECTEURS = (Role.AGENT, Role.PILOTE, Role.ADMINISTRATEUR)


def peut_lire(user) -> bool:
    return a_role(user, *LECTEURS) or user.actions_pilotees.exists()


def peut_modifier(user, action) -> bool:
    """Administrators edit every action; a pilot edits the actions they pilot."""
    return a_role(user, Role.ADMINISTRATEUR) or action.pilotes.filter(pk=user.pk).exists()


def peut_saisir(user, indicateur) -> bool:
    """Values of an indicator: administrators, and the pilots of an action it measures."""
    return a_role(user, Role.ADMINISTRATEUR) or indicateur.actions.filter(pilotes=user).exists()
