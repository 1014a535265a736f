"""Who may do what in the inventory (module « parc »: the middleware lets in INFORMATIQUE,
PILOTE and ADMIN; this finer rule is checked again by every write view):

- the IT service and the administrators write (create, edit, life cycle, exits, sites);
- a pilot reads the fleet, its sheets and its export, and writes nothing."""

from sun.comptes.roles import Role, RoleManquant, a_role

LECTEURS = (Role.INFORMATIQUE, Role.PILOTE, Role.ADMINISTRATEUR)
REDACTEURS = (Role.INFORMATIQUE, Role.ADMINISTRATEUR)


def peut_lire(user) -> bool:
    return user.is_authenticated and user.is_active and a_role(user, *LECTEURS)


def peut_ecrire(user) -> bool:
    return user.is_authenticated and user.is_active and a_role(user, *REDACTEURS)


def verifier_ecriture(user) -> None:
    """Raise RoleManquant (403) unless `user` may write in the inventory."""
    if not peut_ecrire(user):
        raise RoleManquant(
            "Modifier l'inventaire est réservé au service informatique et aux administrateurs ; "
            "les pilotes le consultent.", REDACTEURS,
        )  # fmt: skip
