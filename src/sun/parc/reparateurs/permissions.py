"""Who may do what in the repair directory: the module's roles read and write alike (the
directory is public; an agent who meets a repairer may add it)."""

from sun.comptes.roles import Role, a_role

EDITEURS = (Role.INFORMATIQUE, Role.AGENT, Role.ADMINISTRATEUR)


def peut_modifier(user) -> bool:
    return a_role(user, *EDITEURS)
