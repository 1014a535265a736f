import pytest

from sun.competences.erreurs import Refus
from sun.competences.referents import services
from sun.comptes.roles import Role
from tests.competences.factories import DirectionFactory, PersonneFactory

pytestmark = pytest.mark.django_db


def test_pages_et_mauvaises_saisies(client, utilisateur_avec_role):
    d, autre = DirectionFactory(), DirectionFactory()
    p = PersonneFactory(direction=d)
    services.ajouter_referent(d, "Tout", "r@example.org", personne=p)
    with pytest.raises(Refus):
        services.ajouter_referent(d, "Tout", "r@example.org", personne=p)
    with pytest.raises(Refus):
        services.ajouter_referent(autre, "Tout", "r@example.org", personne=p)
    with pytest.raises(Refus):
        services.ajouter_referent(d, "Tout", "", nom="Neuf")
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    assert client.get("/espace/competences/referents/?q=tout").status_code == 200
    assert client.get("/espace/competences/referents/ajouter/").status_code == 403
    assert client.get("/espace/competences/suivi/diagnostics/").status_code == 200
    assert client.get("/espace/competences/diagnostic/").status_code == 200
