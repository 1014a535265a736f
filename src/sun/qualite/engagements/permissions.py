"""Who may do what in Services Publics+ (checked on the server in every view):

- agents and administrators read and edit the self-assessment and actions of every service;
- instructeurs read every service and edit those they handle (`ServiceInstructeur.instructeurs`);
- pilots read everything (steering), edit nothing;
- mediators (and anyone else) are refused.
"""

from sun.comptes.roles import Role, a_role
from sun.relation import permissions as relation

LECTEURS = (Role.AGENT, Role.INSTRUCTEUR, Role.PILOTE, Role.ADMINISTRATEUR)
EDITEURS_DE_TOUT = (Role.AGENT, Role.ADMINISTRATEUR)


def peut_lire(user) -> bool:
    return a_role(user, *LECTEURS)


def peut_modifier(user, service_id: int | None) -> bool:
    """Edit the self-assessment and the actions of the service `service_id`."""
    if a_role(user, *EDITEURS_DE_TOUT):
        return True
    return a_role(user, Role.INSTRUCTEUR) and relation.instruit(user, service_id)
