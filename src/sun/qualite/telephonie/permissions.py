"""Who may do what with the telephone figures (checked on the server in every view).

- agents, instructeurs, pilots and administrators read every service's figures and staffing
  aid (the phone is answered for every service; pilots follow the schéma's indicators);
- agents and administrators set every queue (its service, target and thresholds) and enter
  every rota; instructeurs those of their own services, and may tie a queue that has no
  service yet to one of theirs;
- médiateurs and anonymous visitors see nothing.
"""

from sun.comptes.roles import Role, a_role
from sun.relation.permissions import instruit

LECTEURS = (Role.AGENT, Role.INSTRUCTEUR, Role.PILOTE, Role.ADMINISTRATEUR)
EDITEURS = (Role.AGENT, Role.INSTRUCTEUR, Role.ADMINISTRATEUR)


def peut_lire(user) -> bool:
    return a_role(user, *LECTEURS)


def peut_tout_regler(user) -> bool:
    return a_role(user, Role.AGENT, Role.ADMINISTRATEUR)


def peut_regler_file(user, file) -> bool:
    """Set a queue: agents and administrators; instructeurs for their services' queues and
    for queues tied to no service yet."""
    if peut_tout_regler(user):
        return True
    if not a_role(user, Role.INSTRUCTEUR):
        return False
    return file.service_id is None or instruit(user, file.service_id)


def peut_planifier(user, service_id: int) -> bool:
    """Enter the rota of a service's queues."""
    return peut_tout_regler(user) or instruit(user, service_id)


def services_assignables(user):
    """The services a queue may be tied to by `user`."""
    from sun.relation.models import ServiceInstructeur

    if peut_tout_regler(user):
        return ServiceInstructeur.objects.order_by("nom")
    return ServiceInstructeur.objects.filter(instructeurs=user).order_by("nom")
