"""The inventory's writes: refusals with their French messages, nothing written; SUN's own
entries; the synchronisation of SUN's processing (idempotent, removes what is gone)."""

import pytest
from django.utils import timezone

from sun.donnees.inventaire import services
from sun.donnees.inventaire.services import RefusInventaire
from sun.donnees.inventaire.synchronisation import synchroniser_traitements_sun
from sun.donnees.inventaire.traitements_sun import TRAITEMENTS
from sun.donnees.models import EntreeInventaire, OrigineEntree, StatutJeu
from tests.donnees.factories import EntreeInventaireFactory, JeuFactory, RegleFactory

pytestmark = pytest.mark.django_db

BASE = {"nom": "Aides à domicile", "service": "Direction des solidarités",
        "finalite": "Suivre les aides accordées.", "nature": "jeu"}  # fmt: skip
ART30 = {"categories_donnees": "Identité", "categories_personnes": "Bénéficiaires",
         "base_legale": "obligation", "destinataires": "Instructeurs",
         "duree_conservation": "5 ans", "mesures_securite": "Accès par rôle"}  # fmt: skip


def refus(d, fonction=services.creer_entree, *args):
    with pytest.raises(RefusInventaire) as exc:
        fonction(*args, d) if args else fonction(d)
    return exc.value.erreurs


def test_creer_une_entree_simple():
    e = services.creer_entree(BASE)
    assert e.origine == OrigineEntree.SAISIE and e.ouverture == "a_ouvrir"


def test_champs_obligatoires():
    erreurs = refus({})
    assert set(erreurs) == {"nom", "service", "finalite"}
    assert not EntreeInventaire.objects.exists()


def test_donnees_personnelles_exigent_l_article_30():
    erreurs = refus({**BASE, "donnees_personnelles": True})
    assert set(erreurs) == set(ART30)
    assert "base légale" in erreurs["base_legale"]
    assert services.creer_entree({**BASE, "donnees_personnelles": True, **ART30}).pk
    assert EntreeInventaire.objects.count() == 1


def test_non_ouverte_exige_son_motif():
    for ouverture in ("restreint", "ferme"):
        assert "motif_fermeture" in refus({**BASE, "ouverture": ouverture})
    assert "motif_detail" in refus({**BASE, "ouverture": "ferme", "motif_fermeture": "autre"})
    e = services.creer_entree({**BASE, "ouverture": "ferme", "motif_fermeture": "l311_6"})
    assert e.motif_fermeture == "l311_6"


def test_lien_vers_un_jeu_publie_seulement_si_ouverte():
    publie = JeuFactory(statut=StatutJeu.PUBLIE, publie_le=timezone.now())
    brouillon = JeuFactory()
    assert "jeu" in refus({**BASE, "ouverture": "a_ouvrir", "jeu": publie})
    assert "jeu" in refus({**BASE, "ouverture": "ouvert", "jeu": brouillon})
    assert services.creer_entree({**BASE, "ouverture": "ouvert", "jeu": publie}).jeu == publie


def test_valeur_inconnue():
    assert "nature" in refus({**BASE, "nature": "autre"})


def test_modifier_et_supprimer_une_saisie():
    e = EntreeInventaireFactory()
    services.modifier_entree(e, {**BASE, "nom": "Nouveau nom"})
    e.refresh_from_db()
    assert e.nom == "Nouveau nom"
    erreurs = refus({**BASE, "nom": ""}, services.modifier_entree, e)
    e.refresh_from_db()
    assert "nom" in erreurs and e.nom == "Nouveau nom"
    services.supprimer_entree(e)
    assert not EntreeInventaire.objects.exists()


def test_une_entree_de_sun_ne_se_supprime_ni_ne_se_modifie():
    synchroniser_traitements_sun()
    e = EntreeInventaire.objects.get(code="sun.demandes")
    assert "origine" in refus({**BASE}, services.modifier_entree, e)
    with pytest.raises(RefusInventaire, match="tenue à jour par SUN"):
        services.supprimer_entree(e)
    assert EntreeInventaire.objects.filter(code="sun.demandes").exists()


def test_synchronisation_idempotente_et_suppression():
    bilan = synchroniser_traitements_sun()
    assert bilan.crees == len(TRAITEMENTS) and bilan.supprimes == 0
    assert synchroniser_traitements_sun().inchanges == len(TRAITEMENTS)
    assert EntreeInventaire.objects.filter(origine="sun").count() == len(TRAITEMENTS)
    e = EntreeInventaire.objects.get(code="sun.appels")
    assert e.nature == "traitement" and e.donnees_personnelles and e.base_legale == "mission"
    assert "HMAC" in e.mesures_securite and "appelant" in e.champs
    EntreeInventaire.objects.create(code="sun.ancien", origine="sun", nature="traitement",
                                    nom="Ancien", service="SUN", finalite="…")  # fmt: skip
    saisie = EntreeInventaireFactory()
    bilan = synchroniser_traitements_sun()
    assert bilan.supprimes == 1 and not EntreeInventaire.objects.filter(code="sun.ancien").exists()
    assert EntreeInventaire.objects.filter(pk=saisie.pk).exists()


def test_duree_lue_dans_les_reglages(settings):
    settings.SUN_RELATION_CONSERVATION_ANS = 7
    settings.SUN_CONNEXION_CONSERVATION_JOURS = 90
    synchroniser_traitements_sun()
    assert "7 ans" in EntreeInventaire.objects.get(code="sun.demandes").duree_conservation
    assert "90 jours" in EntreeInventaire.objects.get(code="sun.comptes").duree_conservation


def test_regle_du_tableau_de_gestion_rattachee():
    regle = RegleFactory(code="D-APP", type_enregistrement="qualite.Appel", rgpd_valeur=12)
    synchroniser_traitements_sun()
    e = EntreeInventaire.objects.get(code="sun.appels")
    assert e.regle == regle and "Règle D-APP" in e.duree_conservation


def test_completer_une_entree_de_sun_garde_ses_complements():
    synchroniser_traitements_sun()
    e = EntreeInventaire.objects.get(code="sun.avis")
    services.completer_entree_sun(e, {"service": "Direction de la relation aux usagers",
                                      "referent": "Responsable qualité", "application": "SUN",
                                      "mesures_complementaires": "Sauvegarde chiffrée."})  # fmt: skip
    synchroniser_traitements_sun()
    e.refresh_from_db()
    assert e.service == "Direction de la relation aux usagers"
    assert e.mesures_complementaires == "Sauvegarde chiffrée."
    assert "masqué" in e.mesures_securite
    assert "service" in refus({"service": ""}, services.completer_entree_sun, e)
