"""Keeps the register of SUN's own processing true: every field of SUN's models that holds
personal data belongs to a declared processing (or is listed, with its reason, as not
personal), and every model or field a processing names exists."""

import pytest
from django.apps import apps
from django.db import models

from sun.donnees.inventaire.non_personnels import NON_PERSONNELS
from sun.donnees.inventaire.personnelles import champs_personnels, modeles_de_sun
from sun.donnees.inventaire.traitements_sun import TRAITEMENTS
from sun.donnees.models import BaseLegale


def couverts() -> set[str]:
    return {m for t in TRAITEMENTS for m in t.modeles}


def manquants(modeles) -> list[str]:
    """Personal fields neither in a model a processing covers nor listed as not personal."""
    return [c for c in champs_personnels(modeles)
            if c.rsplit(".", 1)[0] not in couverts() and c not in NON_PERSONNELS]  # fmt: skip


def test_tout_champ_personnel_appartient_a_un_traitement():
    assert manquants(modeles_de_sun()) == []


def test_auth_user_est_couvert():
    assert "auth.User" in couverts()


def test_chaque_champ_personnel_d_un_modele_couvert_est_nomme_dans_ses_categories():
    declares = {c for t in TRAITEMENTS for c in t.champs()}
    oublies = [c for c in champs_personnels(modeles_de_sun())
               if c not in declares and c not in NON_PERSONNELS]  # fmt: skip
    assert oublies == []


def test_les_modeles_et_champs_nommes_existent():
    for t in TRAITEMENTS:
        for label in t.modeles:
            apps.get_model(label)  # LookupError if the model is gone
        for champ in t.champs():
            modele, nom = champ.rsplit(".", 1)
            assert modele in t.modeles, f"{t.code} : {champ} hors de ses modèles"
            apps.get_model(modele)._meta.get_field(nom)


def test_la_liste_blanche_ne_garde_que_des_champs_existants_et_motives():
    for champ, motif in NON_PERSONNELS.items():
        modele, nom = champ.rsplit(".", 1)
        apps.get_model(modele)._meta.get_field(nom)
        assert motif.strip()


def test_declarations_completes():
    codes = [t.code for t in TRAITEMENTS]
    assert len(codes) == len(set(codes))
    attendus = {"auth.User", "axes.AccessLog", "inclusion.SignalementErreur",
                "inclusion.Orientation", "inclusion.Activite", "inclusion.Mediateur",
                "relation.Usager", "relation.Demande", "relation.Evenement", "qualite.Appel",
                "qualite.Avis", "connectivite.Signalement", "connectivite.CompteCommune",
                "parc.Don"}  # fmt: skip
    assert attendus <= couverts()
    for t in TRAITEMENTS:
        assert t.base_legale in BaseLegale.values and t.base_legale_motif
        assert t.texte_conservation() and t.texte_securite() and t.categories_donnees


def test_un_nouveau_modele_avec_un_courriel_sans_traitement_fait_echouer():
    class Inscription(models.Model):
        courriel = models.EmailField()
        quantite = models.IntegerField()

        class Meta:
            app_label = "donnees"
            managed = False

        def __str__(self) -> str:
            return self.courriel

    try:
        assert manquants([Inscription]) == ["donnees.Inscription.courriel"]
        assert manquants([*modeles_de_sun(), Inscription]) == ["donnees.Inscription.courriel"]
    finally:
        apps.all_models["donnees"].pop("inscription", None)
        apps.clear_cache()


@pytest.mark.parametrize("nom", ["prenom", "telephone", "adresse_ip", "commentaire", "nom"])
def test_regle_des_noms(nom):
    from sun.donnees.inventaire.personnelles import est_personnel

    champ = models.CharField(max_length=10)
    champ.set_attributes_from_name(nom)
    champ.concrete = True
    assert est_personnel(champ)
