"""Roles of SUN and the permission helpers every module uses.

A role is a Django group. Superusers hold every role. Checks happen on the server for every
view (decorator or mixin) and API endpoint (`exiger_role`).
"""

from collections.abc import Callable
from enum import StrEnum
from functools import wraps

from django.contrib.auth.mixins import AccessMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


class Role(StrEnum):
    AGENT = "agent"
    MEDIATEUR = "mediateur"
    PILOTE = "pilote"
    INSTRUCTEUR = "instructeur"
    ADMINISTRATEUR = "administrateur"
    # The IT service: the fleet's inventory, life cycle, donations and repair directory.
    INFORMATIQUE = "informatique"
    # The Archives départementales: they approve elimination slips (Code du patrimoine
    # L212-2, R212-14) and receive transfers; they open the retention module only.
    ARCHIVISTE = "archiviste"
    # The training service (human resources): the catalogue of sessions, attendance,
    # certificates, elected officials' training; the only staff to read a person's path.
    FORMATION = "formation"
    # Accounts from outside the département's services: a mayor or a commune secretary tied to
    # one commune (`connectivite.CompteCommune`), a partner's contact (the fibre syndicate).
    COMMUNE = "commune"
    PARTENAIRE = "partenaire"

    @property
    def libelle(self) -> str:
        return LIBELLES[self]


LIBELLES = {
    Role.AGENT: "Agent (accueil, orientation)",
    Role.MEDIATEUR: "Médiateur numérique",
    Role.PILOTE: "Pilote d'actions du schéma",
    Role.INSTRUCTEUR: "Instructeur (service en charge de démarches)",
    Role.ADMINISTRATEUR: "Administrateur",
    Role.INFORMATIQUE: "Service informatique (parc)",
    Role.ARCHIVISTE: "Archiviste (Archives départementales)",
    Role.FORMATION: "Service formation (ressources humaines)",
    Role.COMMUNE: "Commune (maire, secrétaire de mairie)",
    Role.PARTENAIRE: "Partenaire (syndicat, opérateur)",
}
# The roles of the département's own staff: they open the shared modules of the agent space.
ESPACE = (
    Role.AGENT,
    Role.MEDIATEUR,
    Role.PILOTE,
    Role.INSTRUCTEUR,
    Role.ADMINISTRATEUR,
    Role.INFORMATIQUE,
    Role.FORMATION,
)
# Every role enters the agent space (its home shows each account the modules it may open).
TOUS = tuple(Role)


def roles_de(user) -> set[Role]:
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return set(Role)
    if not hasattr(user, "_sun_roles"):
        noms = set(user.groups.values_list("name", flat=True))
        user._sun_roles = {r for r in Role if r.value in noms}
    return user._sun_roles


def a_role(user, *roles: Role) -> bool:
    """True if the user holds at least one of `roles`."""
    return bool(roles_de(user) & set(roles))


class RoleManquant(PermissionDenied):
    """A refusal that names the roles which would open the page (shown on the 403 page)."""

    def __init__(self, message: str, roles: tuple[Role, ...] = ()):
        super().__init__(message)
        self.roles = tuple(roles)


def libelles(roles) -> str:
    """« Agent (accueil, orientation) ou Administrateur »."""
    noms = [Role(r).libelle for r in roles]
    return ", ".join(noms[:-1]) + f" ou {noms[-1]}" if len(noms) > 1 else "".join(noms)


def verifier_role(user, *roles: Role) -> None:
    """Raise PermissionDenied unless the user holds one of the roles (for services and API)."""
    if not a_role(user, *roles):
        raise RoleManquant(f"Cette page est réservée aux rôles : {libelles(roles)}.", roles)


def role_requis(*roles: Role) -> Callable:
    """View decorator: anonymous users go to the login page, others without the role get 403."""

    def decorateur(vue):
        @wraps(vue)
        def enveloppe(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            verifier_role(request.user, *roles)
            return vue(request, *args, **kwargs)

        return enveloppe

    return decorateur


class RoleRequisMixin(AccessMixin):
    roles_autorises: tuple[Role, ...] = ESPACE

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        verifier_role(request.user, *self.roles_autorises)
        return super().dispatch(request, *args, **kwargs)
