"""Which items a donation holds before they leave the fleet (`Don.equipements`), and the
texts of the two history events that record an offer and its withdrawal on each item."""

from sun.parc.models import Don, Equipement, EvenementCycleVie

PROPOSE = "Proposé au don "
RETIRE = "Retiré du don "
GENRE = EvenementCycleVie.Genre.CHANGEMENT_ETAT
OUVERTS = (Don.Statut.PROPOSE, Don.Statut.ACCEPTE)
Lien = Don.equipements.through


def texte_propose(don: Don) -> str:
    return f"{PROPOSE}{don.numero}"


def texte_retire(don: Don) -> str:
    return f"{RETIRE}{don.numero}"


def ids_du_don(don: Don) -> list[int]:
    return list(Lien.objects.filter(don=don).values_list("equipement_id", flat=True))


def equipements_du_don(don: Don):
    return Equipement.objects.filter(dons=don).order_by("type", "nom", "cle")


def dons_ouverts_de(ids) -> dict[int, str]:
    """{equipement pk: numéro} of the open donations (proposed or accepted) holding them."""
    liens = Lien.objects.filter(equipement_id__in=list(ids), don__statut__in=OUVERTS)
    return dict(liens.values_list("equipement_id", "don__numero"))


def ids_proposes_ouverts() -> set[int]:
    """Every item held by an open donation (for the list of items still available)."""
    return set(Lien.objects.filter(don__statut__in=OUVERTS).values_list("equipement_id",
                                                                         flat=True))  # fmt: skip
