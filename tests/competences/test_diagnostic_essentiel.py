import pytest

from sun.competences import referentiel
from sun.competences.diagnostic import services
from sun.competences.erreurs import Refus
from sun.competences.models import Diagnostic
from sun.competences.services import ma_personne
from sun.comptes.roles import Role

pytestmark = pytest.mark.django_db


def test_brouillon_puis_fin_refusee_puis_terminee(utilisateur_avec_role):
    moi = ma_personne(utilisateur_avec_role(Role.AGENT))
    e = services.enregistrer(moi, {"1.1": 3}, terminer=True)
    assert e.fin_refusee and e.diagnostic.termine_le is None and len(e.manquantes) == 15
    with pytest.raises(Refus):
        services.enregistrer(moi, {"1.2": 9})
    assert Diagnostic.objects.brouillon_de(moi).reponses == {"1.1": 3}
    e = services.enregistrer(moi, {c.code: 4 for c in referentiel.COMPETENCES}, terminer=True)
    assert e.termine and Diagnostic.objects.filter(personne=moi).count() == 1


def test_administrateur_ne_lit_pas_un_diagnostic(client, utilisateur_avec_role):
    moi = ma_personne(utilisateur_avec_role(Role.AGENT))
    d = services.enregistrer(moi, {c.code: 2 for c in referentiel.COMPETENCES}, True).diagnostic
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    assert client.get(f"/espace/competences/diagnostic/{d.pk}/").status_code == 403
