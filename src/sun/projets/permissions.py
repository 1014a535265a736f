"""Who may do what with needs, requests, panels and calls (the agent-space modules
« projets », « panel », « appels_a_projets » let the roles in; these finer rules are checked
again by every write view and command):

- every member of staff describes a need, submits a request, supports one (« moi aussi »)
  and reads the backlog per tool (titles, scores, statuses);
- a request's details are read by its author, the digital referents of its direction, the IT
  service and administrators;
- the IT service and administrators qualify and score requests, link duplicates, edit the
  typology, import GLPI tickets and consult the panels; pilots consult the panels too;
- pilots and administrators keep the watch list of calls, the applications and the funding;
  agents read them.
"""

from sun.comptes.roles import ESPACE, Role, RoleManquant, a_role

PERSONNEL = ESPACE
QUALIFICATION = (Role.INFORMATIQUE, Role.ADMINISTRATEUR)
PANEL = (Role.INFORMATIQUE, Role.PILOTE, Role.ADMINISTRATEUR)
APPELS_LECTEURS = (Role.AGENT, Role.PILOTE, Role.ADMINISTRATEUR)
APPELS_REDACTEURS = (Role.PILOTE, Role.ADMINISTRATEUR)


def _a(user, roles) -> bool:
    return user.is_authenticated and user.is_active and a_role(user, *roles)


def est_du_personnel(user) -> bool:
    return _a(user, PERSONNEL)


def peut_qualifier(user) -> bool:
    return _a(user, QUALIFICATION)


def peut_consulter_panel(user) -> bool:
    return _a(user, PANEL)


def peut_modifier_appels(user) -> bool:
    return _a(user, APPELS_REDACTEURS)


def directions_referent(user) -> set[int]:
    """The directions whose digital referent `user` is (active)."""
    personne = getattr(user, "personne", None) if user.is_authenticated else None
    if personne is None:
        return set()
    return set(personne.references.filter(actif=True).values_list("direction_id", flat=True))


def peut_lire_demande(user, demande) -> bool:
    if peut_qualifier(user):
        return True
    if not est_du_personnel(user):
        return False
    if demande.demandeur_id == user.pk:
        return True
    return demande.direction_id is not None and demande.direction_id in directions_referent(user)


def exiger(autorise: bool, message: str, roles=()) -> None:
    """Raise RoleManquant (403) with `message` unless `autorise`."""
    if not autorise:
        raise RoleManquant(message, roles)


def peut_qualifier_demande(user, demande) -> bool:
    """The IT service and administrators qualify every request; the digital referents of a
    request's direction qualify that request (status, type, tool, criteria, effort)."""
    if peut_qualifier(user):
        return True
    return (est_du_personnel(user) and demande.direction_id is not None
            and demande.direction_id in directions_referent(user))  # fmt: skip


def demandes_lisibles(user, demandes) -> set[int]:
    """The pks of `demandes` whose details `user` may read (`peut_lire_demande`, with one
    look-up of the user's directions for the whole list: the backlog links only those)."""
    if peut_qualifier(user):
        return {d.pk for d in demandes}
    if not est_du_personnel(user):
        return set()
    miennes = directions_referent(user)
    return {d.pk for d in demandes
            if d.demandeur_id == user.pk or (d.direction_id is not None
                                              and d.direction_id in miennes)}  # fmt: skip


# --- needs (wing besoins) --------------------------------------------------------------------
def _direction_de(user) -> int | None:
    personne = getattr(user, "personne", None) if user.is_authenticated else None
    return personne.direction_id if personne is not None else None


def peut_lire_besoin(user, besoin) -> bool:
    """A need is read by its author, the people of its direction, the IT service and
    administrators."""
    if peut_qualifier(user):
        return True
    if not est_du_personnel(user):
        return False
    if besoin.redige_par_id is not None and besoin.redige_par_id == user.pk:
        return True
    direction = _direction_de(user)
    return direction is not None and direction == besoin.direction_id


def peut_modifier_besoin(user, besoin) -> bool:
    """Its author, the IT service and administrators edit a need (while it is a draft: the
    services check the status)."""
    if peut_qualifier(user):
        return True
    return (est_du_personnel(user) and besoin.redige_par_id is not None
            and besoin.redige_par_id == user.pk)  # fmt: skip
