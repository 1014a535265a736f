"""Accounts of every identity for the inventory's tests, and small helpers."""

import pytest

from sun.comptes.roles import Role
from tests.comptes.factories import UtilisateurFactory

IDENTITES = {
    "sans_role": (),
    "agent": (Role.AGENT,),
    "mediateur": (Role.MEDIATEUR,),
    "pilote": (Role.PILOTE,),
    "instructeur": (Role.INSTRUCTEUR,),
    "administrateur": (Role.ADMINISTRATEUR,),
    "informatique": (Role.INFORMATIQUE,),
    "commune": (Role.COMMUNE,),
    "partenaire": (Role.PARTENAIRE,),
}


def compte(identite: str):
    return UtilisateurFactory(username=f"inv-{identite}", roles=IDENTITES[identite])


@pytest.fixture
def informatique(client):
    utilisateur = compte("informatique")
    client.force_login(utilisateur)
    return utilisateur


def erreurs(reponse) -> str:
    """The page's text, to look for a French message in it."""
    return reponse.content.decode()
