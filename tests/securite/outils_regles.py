"""The shape of an access rule of the matrix: {identity: expected status}."""

from tests.securite import adresses as ids
from tests.securite.adresses import IDENTITES

L = "connexion"  # 302 to the login page
IDENTITES_CONNECTEES = [i for i in IDENTITES if i != ids.ANONYME]


def regle(defaut, **exceptions) -> dict:
    """{identity: expected status}: `defaut` for all but the `exceptions`. Commune, partner and
    archivist accounts open only their own module: unless named, they get what an account
    without a role gets."""
    assert set(exceptions) <= set(IDENTITES), exceptions
    for externe in (*ids.EXTERNES, ids.ARCHIVISTE):
        exceptions.setdefault(externe, exceptions.get(ids.SANS_ROLE, defaut))
    return {i: exceptions.get(i, defaut) for i in IDENTITES}
