"""Who may do what with the plan (checked on the server by every view)."""

from sun.comptes.modules import PAR_CODE, peut_ouvrir
from sun.comptes.roles import Role, a_role

# Readers of the plan: the steering module of the agent space (one table, sun.comptes.modules).
LECTEURS = PAR_CODE["pilotage"].roles


def peut_lire(user) -> bool:
    """Agents, pilots, administrators, and whoever pilots an action."""
    return peut_ouvrir(user, "pilotage")


def peut_modifier(user, action) -> bool:
    """Administrators edit every action; a pilot edits the actions they pilot."""
    return a_role(user, Role.ADMINISTRATEUR) or action.pilotes.filter(pk=user.pk).exists()


def peut_saisir(user, indicateur) -> bool:
    """Values of an indicator: administrators, and the pilots of an action it measures."""
    return a_role(user, Role.ADMINISTRATEUR) or indicateur.actions.filter(pilotes=user).exists()


def peut_assigner(user) -> bool:
    """Who chooses an action's pilots: administrators."""
    return a_role(user, Role.ADMINISTRATEUR)


def indicateurs_calculables(user, indicateurs):
    """Of `indicateurs` (a queryset of indicators SUN computes), those `user` may recompute on
    demand, which stores a dated value: all of them for administrators; for a pilot, those
    measuring an action they pilot (the same rule as entering a value, `peut_saisir`). Readers
    only (agents, pilots of other actions) get none: the nightly job computes them anyway."""
    if a_role(user, Role.ADMINISTRATEUR):
        return indicateurs
    if not user.is_authenticated:
        return indicateurs.none()
    return indicateurs.filter(actions__pilotes=user).distinct()


def peut_calculer(user, calculables) -> bool:
    """May press « recalculer » at all: administrators, or a pilot with at least one indicator
    in `calculables` (the result of `indicateurs_calculables`)."""
    return a_role(user, Role.ADMINISTRATEUR) or calculables.exists()
