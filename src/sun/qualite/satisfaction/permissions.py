"""Who may do what with users' answers (checked on the server in every view).

- results (scores and counts, never a text): agents, instructeurs, pilotes, administrators;
- free texts (masked, yet possibly holding what the masking missed): read and moderated by
  the service they are about, that is its instructeurs, and by agents and administrators for
  every service; a text about no service (a place, the site) by agents and administrators;
- pilotes read the results and only the texts already accepted (publishable), never those
  waiting for moderation or set aside;
- médiateurs and the public: nothing here (the public fills in the questionnaire);
- importing a JDMA export and setting up a desk tablet: agents and administrators for every
  service, instructeurs for their own services.
"""

from sun.comptes.roles import Role, a_role
from sun.relation.permissions import instruit, services_lisibles

AGENT, INSTRUCTEUR, PILOTE, ADMIN = Role.AGENT, Role.INSTRUCTEUR, Role.PILOTE, Role.ADMINISTRATEUR
ROLES_MODULE = (AGENT, INSTRUCTEUR, PILOTE, ADMIN)


def peut_lire_resultats(user) -> bool:
    return a_role(user, *ROLES_MODULE)


def tous_les_services(user) -> bool:
    return a_role(user, AGENT, ADMIN)


def peut_lire_textes(user) -> bool:
    """Opens the page of texts (what it lists depends on `textes_lisibles`)."""
    return a_role(user, AGENT, INSTRUCTEUR, PILOTE, ADMIN)


def lit_les_textes_a_moderer(user) -> bool:
    return a_role(user, AGENT, INSTRUCTEUR, ADMIN)


def service_de(avis) -> int | None:
    if avis.service_id is not None:
        return avis.service_id
    return avis.demarche.service_id if avis.demarche_id is not None else None


def peut_moderer(user, avis) -> bool:
    if tous_les_services(user):
        return True
    service = service_de(avis)
    return service is not None and a_role(user, INSTRUCTEUR) and instruit(user, service)


def textes_lisibles(user, qs):
    """The answers whose text `user` may read, from `qs` (an AvisQuerySet)."""
    if tous_les_services(user):
        return qs
    if a_role(user, INSTRUCTEUR):
        propres = qs.des_services(list(services_lisibles(user).values_list("pk", flat=True)))
        if a_role(user, PILOTE):
            return (propres | qs.publiables()).distinct()
        return propres
    if a_role(user, PILOTE):
        return qs.publiables()
    return qs.none()


def peut_importer(user) -> bool:
    return a_role(user, AGENT, INSTRUCTEUR, ADMIN)


def services_geres(user):
    """The services `user` may import answers for or set a tablet up for."""
    from sun.relation.models import ServiceInstructeur

    if tous_les_services(user):
        return ServiceInstructeur.objects.all()
    if a_role(user, INSTRUCTEUR):
        return services_lisibles(user)
    return ServiceInstructeur.objects.none()


def peut_installer_borne(user) -> bool:
    return a_role(user, AGENT, INSTRUCTEUR, ADMIN)
