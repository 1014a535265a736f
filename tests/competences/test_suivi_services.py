"""Services of the organisation: directions, people, elected officials with consent."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from sun.competences import services
from sun.competences.erreurs import Refus
from sun.competences.models import Direction, Inscription, Personne
from tests.competences.factories import DirectionFactory, InscriptionFactory, PersonneFactory

pytestmark = pytest.mark.django_db


def test_creer_elu_sans_consentement_refuse_et_rien_n_est_ecrit():
    with pytest.raises(Refus) as exc:
        services.creer_elu("Martin", "Alix", None, "formulaire signé")
    assert exc.value.champ == "consentement_le"
    assert "consentement" in exc.value.message
    with pytest.raises(Refus) as exc:
        services.creer_elu("Martin", "Alix", timezone.localdate(), "  ")
    assert exc.value.champ == "consentement_modalite"
    assert not Personne.objects.exists()


def test_creer_elu_consentement_futur_refuse():
    with pytest.raises(Refus):
        services.creer_elu("Martin", "Alix", timezone.localdate() + timedelta(days=3), "courriel")
    assert not Personne.objects.exists()


def test_la_base_refuse_aussi_un_elu_sans_consentement():
    with pytest.raises(IntegrityError), transaction.atomic():
        Personne.objects.create(nom="X", categorie="elu")


def test_creer_elu_avec_consentement():
    elu = services.creer_elu("Martin", "Alix", timezone.localdate(), "formulaire signé")
    assert elu.categorie == "elu" and elu.consentement_le is not None


def test_retrait_du_consentement_laisse_des_lignes_anonymes():
    direction = DirectionFactory()
    elu = PersonneFactory(categorie="elu", direction=direction)
    inscription = InscriptionFactory(personne=elu, statut="present")
    assert services.retirer_consentement(elu) == 1
    assert not Personne.objects.filter(pk=elu.pk).exists()
    ligne = Inscription.objects.get(pk=inscription.pk)
    assert ligne.personne is None
    assert ligne.categorie == "elu" and ligne.direction == direction


def test_retrait_du_consentement_refuse_pour_un_agent():
    agent = PersonneFactory()
    with pytest.raises(Refus):
        services.retirer_consentement(agent)
    assert Personne.objects.filter(pk=agent.pk).exists()


def test_import_des_directions_avec_une_mauvaise_ligne_n_ecrit_rien():
    texte = "code;nom;sigle\nroutes;Direction des routes;DR\nMauvais Code;Culture;DC\n;Sans code;\n"
    with pytest.raises(Refus) as exc:
        services.importer_directions(texte)
    assert "Ligne 3" in exc.value.message and "Ligne 4" in exc.value.message
    assert not Direction.objects.exists()


def test_import_des_directions_en_tete_et_doublon():
    with pytest.raises(Refus, match="en-tête"):
        services.importer_directions("code,nom\nroutes,Routes\n")
    with pytest.raises(Refus, match="figure déjà ligne 2"):
        services.importer_directions("code;nom;sigle\nroutes;Routes;DR\nroutes;Autre;X\n")
    assert not Direction.objects.exists()


def test_import_des_directions_cree_et_renomme():
    DirectionFactory(code="routes", nom="Ancien nom", sigle="X")
    texte = "\ufeffcode;nom;sigle\nroutes;Direction des routes;DR\nculture;Culture;DCP\n".encode()
    resultat = services.importer_directions(texte)
    assert (resultat.crees, resultat.modifiees) == (1, 1)
    assert Direction.objects.get(code="routes").nom == "Direction des routes"


def test_creer_direction_code_unique_et_slug():
    services.creer_direction("routes", "Routes", "DR")
    with pytest.raises(Refus) as exc:
        services.creer_direction("routes", "Autre", "")
    assert exc.value.champ == "code"
    with pytest.raises(Refus):
        services.creer_direction("Routes Été", "Autre", "")
    with pytest.raises(Refus) as exc:
        services.creer_direction("autre", "", "")
    assert exc.value.champ == "nom"
    assert Direction.objects.count() == 1


def test_renommer_direction_garde_le_code():
    d = services.creer_direction("routes", "Routes", "DR")
    services.renommer_direction(d, "Routes et mobilités", "DRM")
    d.refresh_from_db()
    assert (d.code, d.nom, d.sigle) == ("routes", "Routes et mobilités", "DRM")


def test_creer_personne_et_responsable():
    chef = services.creer_personne("Durand", "Lou", "lou@example.org", "encadrant")
    agent = services.creer_personne("Petit", "Noa", "", "agent", responsable=chef)
    assert list(Personne.objects.equipe_de(chef)) == [agent]
    with pytest.raises(Refus):
        services.definir_responsable(chef, agent)  # a loop
    with pytest.raises(Refus):
        services.creer_personne("Élu", "X", "", "elu")
    with pytest.raises(Refus) as exc:
        services.creer_personne("Y", "", "pas-une-adresse")
    assert exc.value.champ == "courriel"
    assert Personne.objects.count() == 2


def test_ma_direction():
    from tests.comptes.factories import UtilisateurFactory

    user = UtilisateurFactory(username="agent-x")
    d = DirectionFactory()
    assert services.choisir_ma_direction(user, d).direction == d
    assert services.ma_personne(user).direction == d
