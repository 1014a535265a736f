"""Who may do what in training and skills (the agent-space modules « formations »,
« formations_suivi » and « referents » let the roles in; these finer rules are checked again
by every write view and command):

- every member of staff reads the catalogue, registers themself, fills in their own diagnosis
  and reads their own path and certificates;
- a manager (a person whose team is recorded) registers a member of their team, and reads
  that member's diagnosis only once the member shares it;
- the training service and administrators manage sessions, attendance, certificates, the
  elected officials (with their consent) and read each person's path;
- pilots read the aggregated figures (masked under 5), never a person's;
- the training service, the IT service and administrators keep the directory of referents.
"""

from sun.comptes.roles import ESPACE, Role, RoleManquant, a_role

PERSONNEL = ESPACE
GESTION = (Role.FORMATION, Role.ADMINISTRATEUR)
SUIVI = (Role.FORMATION, Role.PILOTE, Role.ADMINISTRATEUR)
ANNUAIRE_REDACTEURS = (Role.FORMATION, Role.INFORMATIQUE, Role.ADMINISTRATEUR)


def _a(user, roles) -> bool:
    return user.is_authenticated and user.is_active and a_role(user, *roles)


def est_du_personnel(user) -> bool:
    return _a(user, PERSONNEL)


def peut_gerer_formations(user) -> bool:
    return _a(user, GESTION)


def peut_lire_le_suivi(user) -> bool:
    return _a(user, SUIVI)


def peut_modifier_annuaire(user) -> bool:
    return _a(user, ANNUAIRE_REDACTEURS)


def est_responsable_de(user, personne) -> bool:
    """Whether `user` is the recorded manager of `personne`."""
    moi = getattr(user, "personne", None) if user.is_authenticated else None
    return bool(moi and personne.responsable_id == moi.pk)


def peut_inscrire(user, personne) -> bool:
    """Oneself, a member of one's team, or anyone for the training service."""
    if peut_gerer_formations(user):
        return True
    if not est_du_personnel(user):
        return False
    return personne.compte_id == user.pk or est_responsable_de(user, personne)


def peut_lire_diagnostic(user, diagnostic) -> bool:
    """Only the person; their manager once shared. No role reads it otherwise, not even HR:
    the service reads the aggregated figures."""
    personne = diagnostic.personne
    if user.is_authenticated and personne.compte_id == user.pk:
        return True
    return diagnostic.partage_avec_responsable and est_responsable_de(user, personne)


def exiger(autorise: bool, message: str, roles=()) -> None:
    """Raise RoleManquant (403) with `message` unless `autorise`."""
    if not autorise:
        raise RoleManquant(message, roles)


def est_la_personne(user, personne) -> bool:
    """Whether `personne` is `user`'s own person (their account)."""
    return bool(user.is_authenticated and personne is not None and personne.compte_id == user.pk)


def peut_lire_attestation(user, inscription) -> bool:
    """The certificate: the person it is about, and the training service."""
    return peut_gerer_formations(user) or est_la_personne(user, inscription.personne)
