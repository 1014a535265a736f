"""Who does what with donations (checked on the server by every view, on top of the module
table that opens /espace/parc/dons/ to the IT service, agents, médiateurs and administrators):

- the IT service and administrators do everything: propose, choose the items, accept, hand
  over, record the proof, cancel, and show a donation on the place's page;
- agents propose donations, choose their items while they are « proposé », and follow all;
- a médiateur sees only the donations to the places of their structure(s) (`Structure.membres`,
  `Lieu.structure`) and chooses whether the place's public page shows them; any other
  donation is a 404 for them."""

from sun.comptes.roles import Role, a_role
from sun.parc.models import Don

INFORMATIQUE, AGENT, MEDIATEUR, ADMIN = (Role.INFORMATIQUE, Role.AGENT, Role.MEDIATEUR,
                                         Role.ADMINISTRATEUR)  # fmt: skip
LECTEURS = (INFORMATIQUE, AGENT, MEDIATEUR, ADMIN)
PROPOSANTS = (INFORMATIQUE, AGENT, ADMIN)
GESTIONNAIRES = (INFORMATIQUE, ADMIN)


def voit_tout(user) -> bool:
    return a_role(user, *PROPOSANTS)


def est_gestionnaire(user) -> bool:
    return a_role(user, *GESTIONNAIRES)


def structures_de(user) -> set[int]:
    """The structures a médiateur belongs to (none for another account)."""
    if not a_role(user, MEDIATEUR):
        return set()
    if not hasattr(user, "_sun_structures_dons"):
        user._sun_structures_dons = set(user.structures.values_list("pk", flat=True))
    return user._sun_structures_dons


def du_mediateur(user, don: Don) -> bool:
    return bool(don.lieu_id and don.lieu.structure_id
                and don.lieu.structure_id in structures_de(user))  # fmt: skip


def peut_voir(user, don: Don) -> bool:
    return voit_tout(user) or du_mediateur(user, don)


def peut_proposer(user) -> bool:
    return a_role(user, *PROPOSANTS)


def peut_choisir_equipements(user, don: Don) -> bool:
    if don.statut not in (Don.Statut.PROPOSE, Don.Statut.ACCEPTE):
        return False
    return est_gestionnaire(user) or (a_role(user, AGENT) and don.statut == Don.Statut.PROPOSE)


def peut_decider(user, don: Don) -> bool:
    """Accept, hand over, record the proof, cancel."""
    return est_gestionnaire(user)


def peut_changer_visibilite(user, don: Don) -> bool:
    return bool(don.lieu_id) and (est_gestionnaire(user) or du_mediateur(user, don))
