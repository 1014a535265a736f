"""The datasets SUN produces are in the inventory, open once published, and leave it with
their declaration."""

import pytest

from sun.donnees.inventaire.jeux_sun import synchroniser_jeux_sun
from sun.donnees.inventaire.synchronisation import synchroniser_traitements_sun
from sun.donnees.models import EntreeInventaire, Nature, Origine, Ouverture, StatutJeu
from tests.donnees.factories import JeuFactory

pytestmark = pytest.mark.django_db


def test_les_jeux_de_sun_sont_inventories_et_le_restent():
    jeu = JeuFactory(origine=Origine.SUN, declaration="test.jeu", statut=StatutJeu.PUBLIE)
    JeuFactory(titre="Déposé par un agent")  # not SUN's: an agent inventories it
    bilan = synchroniser_jeux_sun()
    assert (bilan.crees, bilan.inchanges) == (1, 0)
    entree = EntreeInventaire.objects.get(code="jeu.test.jeu")
    assert (entree.nature, entree.ouverture, entree.jeu, entree.donnees_personnelles) == (
        Nature.JEU, Ouverture.OUVERT, jeu, False)  # fmt: skip
    assert synchroniser_jeux_sun().inchanges == 1
    synchroniser_traitements_sun()  # the processing's sync leaves the datasets alone
    assert EntreeInventaire.objects.filter(code="jeu.test.jeu").exists()
    jeu.statut = StatutJeu.RETIRE
    jeu.save()
    assert synchroniser_jeux_sun().supprimes == 1
    assert not EntreeInventaire.objects.filter(nature=Nature.JEU).exists()
