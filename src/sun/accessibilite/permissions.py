"""Who may do what with the accessibility register and plan (checked on the server).

- agents and administrators read and edit everything (register, audits, plan, actions);
- instructeurs read everything and edit the entries of their own services;
- pilots read; mediators and anonymous users are refused the agent space;
- the declarations, the public list and the plan page are public.
"""

from sun.comptes.roles import Role, a_role
from sun.relation.permissions import instruit

LECTEURS = (Role.AGENT, Role.INSTRUCTEUR, Role.PILOTE, Role.ADMINISTRATEUR)
EDITEURS = (Role.AGENT, Role.ADMINISTRATEUR)


def peut_lire(user) -> bool:
    return a_role(user, *LECTEURS)


def peut_tout_editer(user) -> bool:
    """Create entries, edit any of them, edit the plan and its actions."""
    return a_role(user, *EDITEURS)


def peut_editer(user, service_numerique) -> bool:
    if peut_tout_editer(user):
        return True
    return a_role(user, Role.INSTRUCTEUR) and instruit(user, service_numerique.service_id)
