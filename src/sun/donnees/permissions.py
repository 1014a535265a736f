"""Who may do what in the data service (the agent-space modules « donnees »,
« donnees_inventaire », « donnees_conservation » let the roles in; these finer rules are
checked again by every write view and endpoint):

- the catalogue: the département's staff deposit and publish datasets; only an administrator
  publishes a file that does not conform to its schema (with a reason);
- the inventory: pilots, the IT service and administrators write, other staff read;
- retention: administrators and archivists edit the tableau de gestion; administrators run
  purges and propose slips; only an archivist (the Archives départementales) approves or
  refuses a slip and acknowledges a transfer."""

from sun.comptes.roles import Role, RoleManquant, a_role

CATALOGUE = (Role.AGENT, Role.PILOTE, Role.INSTRUCTEUR, Role.ADMINISTRATEUR, Role.INFORMATIQUE)
DEROGATION = (Role.ADMINISTRATEUR,)
INVENTAIRE_LECTEURS = CATALOGUE
INVENTAIRE_REDACTEURS = (Role.PILOTE, Role.INFORMATIQUE, Role.ADMINISTRATEUR)
CONSERVATION_LECTEURS = (Role.PILOTE, Role.ADMINISTRATEUR, Role.ARCHIVISTE)
REGLES_REDACTEURS = (Role.ADMINISTRATEUR, Role.ARCHIVISTE)
PURGE = (Role.ADMINISTRATEUR,)
VISA = (Role.ARCHIVISTE,)


def _a(user, roles) -> bool:
    return user.is_authenticated and user.is_active and a_role(user, *roles)


def peut_deposer(user) -> bool:
    return _a(user, CATALOGUE)


def peut_deroger(user) -> bool:
    return _a(user, DEROGATION)


def peut_ecrire_inventaire(user) -> bool:
    return _a(user, INVENTAIRE_REDACTEURS)


def peut_modifier_regles(user) -> bool:
    return _a(user, REGLES_REDACTEURS)


def peut_purger(user) -> bool:
    return _a(user, PURGE)


def peut_viser(user) -> bool:
    return _a(user, VISA)


def exiger(autorise: bool, message: str, roles) -> None:
    """Raise RoleManquant (403) with `message` unless `autorise`."""
    if not autorise:
        raise RoleManquant(message, roles)
