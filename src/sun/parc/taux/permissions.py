"""Who reads and who writes in the wing « taux » (checked on the server by every view):
the IT service, the steering pilots and the administrators read the rates and purchases; the
IT service and the administrators record purchases and freeze the 1 January stock."""

from sun.comptes.roles import Role, a_role

LECTEURS = (Role.INFORMATIQUE, Role.PILOTE, Role.ADMINISTRATEUR)
REDACTEURS = (Role.INFORMATIQUE, Role.ADMINISTRATEUR)


def peut_ecrire(user) -> bool:
    return a_role(user, *REDACTEURS)
