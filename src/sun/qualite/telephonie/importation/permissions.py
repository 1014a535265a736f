"""Who may import call records: agents, instructors and administrators (the rest of the
agent space reads the figures)."""

from sun.comptes.roles import Role, a_role

ROLES_IMPORT = (Role.AGENT, Role.INSTRUCTEUR, Role.ADMINISTRATEUR)


def peut_importer_appels(user) -> bool:
    return any(a_role(user, r) for r in ROLES_IMPORT)
