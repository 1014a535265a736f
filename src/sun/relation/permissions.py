"""Who may do what in the register of requests and the catalogue (checked on the server).

- agents (desk, phone) record requests from any channel, find them, read them, add notes and
  record pieces handed in; they do not decide;
- instructeurs handle the requests of their own services (`ServiceInstructeur.instructeurs`):
  statuses, pieces, decisions, and edit those services' démarches;
- administrators do everything; pilots read the statistics only.
"""

from sun.comptes.roles import Role, a_role

AGENT, INSTRUCTEUR, PILOTE, ADMIN = Role.AGENT, Role.INSTRUCTEUR, Role.PILOTE, Role.ADMINISTRATEUR


def _services_instruits(user) -> set[int]:
    if not hasattr(user, "_sun_services_instruits"):
        user._sun_services_instruits = (
            set(user.services_instruits.values_list("pk", flat=True))
            if a_role(user, INSTRUCTEUR) else set()
        )  # fmt: skip
    return user._sun_services_instruits


def est_admin(user) -> bool:
    return a_role(user, ADMIN)


def peut_enregistrer(user) -> bool:
    return a_role(user, AGENT, INSTRUCTEUR, ADMIN)


def instruit(user, service_id: int | None) -> bool:
    return est_admin(user) or (service_id is not None and service_id in _services_instruits(user))


def peut_lire_demande(user, demande) -> bool:
    """Agents answer the phone for every service; instructeurs read their services' requests
    (and the complaints that concern them)."""
    if a_role(user, AGENT, ADMIN):
        return True
    return instruit(user, demande.service_id) or instruit(user, demande.service_concerne_id)


def peut_instruire(user, demande) -> bool:
    return instruit(user, demande.service_id)


def peut_recevoir_pieces(user, demande) -> bool:
    return a_role(user, AGENT) or peut_instruire(user, demande)


def peut_editer_demarche(user, demarche) -> bool:
    return instruit(user, demarche.service_id)


def peut_lire_statistiques(user) -> bool:
    return a_role(user, AGENT, INSTRUCTEUR, PILOTE, ADMIN)


def services_lisibles(user):
    """The services whose dashboard `user` may read: all for agents and administrators, their
    own for instructeurs."""
    from sun.relation.models import ServiceInstructeur

    if a_role(user, AGENT, ADMIN):
        return ServiceInstructeur.objects.all()
    return ServiceInstructeur.objects.filter(pk__in=_services_instruits(user))
