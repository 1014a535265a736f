"""Who reads the footprint (module « parc_empreinte »): the IT service, the steering and the
administrators. Every page is read-only."""

from sun.comptes.roles import Role

ROLES_LECTURE = (Role.INFORMATIQUE, Role.PILOTE, Role.ADMINISTRATEUR)
