"""Who may import an inventory and edit a source's tables of statuses and types: the IT
service and administrators (the same roles as the module « parc_import »)."""

from sun.comptes.roles import Role, a_role

ROLES_IMPORT = (Role.INFORMATIQUE, Role.ADMINISTRATEUR)


def peut_importer(user) -> bool:
    return a_role(user, *ROLES_IMPORT)
