"""The typology of hotline calls: the tree, adding, renaming (unique), deactivating, merging,
and every bad input refused in French with nothing written."""

import pytest

from sun.projets.erreurs import Refus
from sun.projets.models import Demande, TypeDemande
from sun.projets.statistiques import services
from sun.projets.statistiques.typologie import arbre, normaliser
from tests.projets.factories import DemandeFactory, TypeDemandeFactory

pytestmark = pytest.mark.django_db


def test_normaliser():
    assert normaliser("  Logiciel>   Messagerie ") == "Logiciel > Messagerie"
    assert normaliser(" > ") == ""


def test_arbre_avec_regroupements_et_effectifs():
    a = TypeDemandeFactory(libelle="Logiciel > Messagerie")
    b = TypeDemandeFactory(libelle="Logiciel > Bureautique > Tableur")
    c = TypeDemandeFactory(libelle="Matériel")
    noeuds = arbre([a, b, c], {a.pk: 3, b.pk: 2})
    assert [(n.chemin, n.niveau, n.type is not None) for n in noeuds] == [
        ("Logiciel", 0, False), ("Logiciel > Bureautique", 1, False),
        ("Logiciel > Bureautique > Tableur", 2, True), ("Logiciel > Messagerie", 1, True),
        ("Matériel", 0, True),
    ]  # fmt: skip
    assert noeuds[0].total == 5 and noeuds[4].total == 0


def test_ajouter_un_type():
    t = services.ajouter_type(" Logiciel >Messagerie ", "incident")
    assert (t.libelle, t.nature, t.source, t.actif) == ("Logiciel > Messagerie", "incident",
                                                        "sun", True)  # fmt: skip


@pytest.mark.parametrize("libelle, message", [
    ("", "Indiquez le libellé"), ("   ", "Indiquez le libellé"), (" > ", "Indiquez le libellé"),
    ("Logiciel > > Messagerie", "niveau vide"), ("Logiciel >", "niveau vide"),
    ("x" * 300, "trop long"), ("logiciel > MESSAGERIE", "existe déjà"),
])  # fmt: skip
def test_ajout_refuse(libelle, message):
    TypeDemandeFactory(libelle="Logiciel > Messagerie")
    with pytest.raises(Refus, match=message) as exc:
        services.ajouter_type(libelle)
    assert exc.value.champ == "libelle"
    assert TypeDemande.objects.count() == 1


def test_nature_inconnue_refusee():
    with pytest.raises(Refus, match="Nature inconnue"):
        services.ajouter_type("Réseau", "panne")
    assert not TypeDemande.objects.exists()


def test_renommer_avec_ses_sous_types():
    parent = TypeDemandeFactory(libelle="Logiciel")
    enfant = TypeDemandeFactory(libelle="Logiciel > Messagerie")
    services.renommer_type(parent, "Applications")
    enfant.refresh_from_db()
    assert (parent.libelle, enfant.libelle) == ("Applications", "Applications > Messagerie")


def test_renommer_vers_un_nom_pris_est_refuse():
    a = TypeDemandeFactory(libelle="Logiciel > Messagerie")
    TypeDemandeFactory(libelle="Logiciel > Courriel")
    with pytest.raises(Refus, match="existe déjà"):
        services.renommer_type(a, "Logiciel > courriel")
    a.refresh_from_db()
    assert a.libelle == "Logiciel > Messagerie"
    services.renommer_type(a, "logiciel > messagerie")  # its own name, another case: allowed
    assert TypeDemande.objects.get(pk=a.pk).libelle == "logiciel > messagerie"


def test_renommer_un_parent_dont_un_sous_type_entrerait_en_collision():
    parent = TypeDemandeFactory(libelle="A")
    TypeDemandeFactory(libelle="A > X")
    TypeDemandeFactory(libelle="B > X")
    with pytest.raises(Refus, match="« B > X » existe déjà"):
        services.renommer_type(parent, "B")
    assert set(TypeDemande.objects.values_list("libelle", flat=True)) == {"A", "A > X", "B > X"}


def test_desactiver_garde_l_historique():
    t = TypeDemandeFactory(libelle="Fax")
    d = DemandeFactory(type=t)
    services.changer_activite(t, False)
    d.refresh_from_db()
    assert d.type_id == t.pk and not TypeDemande.objects.get(pk=t.pk).actif
    assert t not in TypeDemande.objects.actifs()
    services.changer_activite(t, True)
    assert TypeDemande.objects.get(pk=t.pk).actif


def test_fusionner_deplace_les_demandes():
    a, b = TypeDemandeFactory(libelle="Courriel"), TypeDemandeFactory(libelle="Messagerie")
    DemandeFactory.create_batch(3, type=a)
    DemandeFactory(type=b)
    assert services.fusionner_types(a, b) == 3
    assert not TypeDemande.objects.filter(pk=a.pk).exists()
    assert Demande.objects.filter(type=b).count() == 4


def test_fusion_refusee():
    a = TypeDemandeFactory(libelle="Logiciel")
    TypeDemandeFactory(libelle="Logiciel > X")
    b = TypeDemandeFactory(libelle="Autre")
    with pytest.raises(Refus, match="différents"):
        services.fusionner_types(b, b)
    with pytest.raises(Refus, match="sous-types"):
        services.fusionner_types(a, b)
    with pytest.raises(Refus, match="deux types"):
        services.fusionner_types(None, b)
    assert TypeDemande.objects.count() == 3
