"""Indicators of the catalogue: datasets published, share valid against their schema,
datasets late on their frequency; drafts, withdrawn datasets and demonstration content never
counted."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sun.core.indicators import obtenir
from sun.donnees.catalogue import services
from sun.donnees.models import JeuDeDonnees
from tests.donnees import fabriques_catalogue
from tests.donnees.fabriques_catalogue import (
    CSV_REGISTRE_FAUTIF,
    CSV_REGISTRE_VALIDE,
    SCHEMA_REGISTRE,
    jeu_avec_version,
    jeu_publie,
)

pytestmark = pytest.mark.django_db

# Fixtures shared by the catalogue's tests.
administrateur = fabriques_catalogue.administrateur
agent = fabriques_catalogue.agent
stockage = fabriques_catalogue.stockage


def _valeur(code):
    return obtenir(code).calculer("departement", "11")


def test_declares_au_niveau_du_departement_seulement():
    for code in ("donnees.jeux_publies", "donnees.part_valides", "donnees.jeux_en_retard"):
        indicateur = obtenir(code)
        assert [n.value for n in indicateur.niveaux] == ["departement"]
        assert indicateur.source == "Catalogue des données de SUN"
    assert obtenir("donnees.jeux_publies").unite == "jeux de données"
    assert obtenir("donnees.part_valides").unite == "%"


def test_valeurs(agent, administrateur, stockage):
    assert _valeur("donnees.jeux_publies").valeur == 0
    assert _valeur("donnees.part_valides").valeur is None
    jeu_publie(agent, stockage, titre="Conforme", contenu=CSV_REGISTRE_VALIDE,
               schema=SCHEMA_REGISTRE)  # fmt: skip
    jeu_publie(agent, stockage, titre="Sans schéma")  # not counted in the share
    jeu, _, v = jeu_avec_version(
        agent, stockage, titre="Non conforme", contenu=CSV_REGISTRE_FAUTIF, schema=SCHEMA_REGISTRE
    )
    services.publier_version_deposee(v, par=administrateur, motif="Fichier historique.")
    services.publier_jeu(jeu, par=agent)
    jeu_avec_version(agent, stockage, titre="Brouillon")
    retire, _, _ = jeu_publie(agent, stockage, titre="Retiré")
    services.retirer_jeu(retire, par=agent)
    valeur = _valeur("donnees.jeux_publies")
    assert valeur.valeur == 3 and valeur.date == timezone.localdate()
    assert _valeur("donnees.part_valides").valeur == 50.0


def test_jeux_en_retard_sur_leur_frequence(agent, stockage):
    annuel, _, _ = jeu_publie(agent, stockage, titre="Annuel", frequence="annual")
    mensuel, _, _ = jeu_publie(agent, stockage, titre="Mensuel", frequence="monthly")
    jeu_publie(agent, stockage, titre="Ponctuel", frequence="punctual")
    assert _valeur("donnees.jeux_en_retard").valeur == 0
    il_y_a_40_jours = timezone.now() - timedelta(days=40)
    JeuDeDonnees.objects.filter(pk__in=[annuel.pk, mensuel.pk]).update(modifie_le=il_y_a_40_jours)
    valeur = _valeur("donnees.jeux_en_retard")
    assert valeur.valeur == 1 and "2 jeu(x)" in valeur.note


def test_contenu_de_demonstration_jamais_compte(agent, stockage):
    from sun.inclusion.demo.lieux import creer_lieux_demo

    creer_lieux_demo("11")
    assert _valeur("donnees.jeux_publies").valeur == 0
    jeu_publie(agent, stockage)
    assert _valeur("donnees.jeux_publies").valeur == 1
