"""The remedies written on an acknowledgement and on the portal: the démarche's own when the
catalogue gives them (a compulsory prior appeal, another court), else the general ones."""

import pytest

from sun.relation.catalogue.textes import sans_reponse
from sun.relation.registre.accuse import mentions
from tests.relation.factories import DemarcheFactory, demande

pytestmark = pytest.mark.django_db


def _recours(d) -> str:
    return next(m.texte for m in mentions(d) if m.code == "recours")


def test_voies_generales_par_defaut(settings):
    settings.SUN_RELATION_TRIBUNAL = "le tribunal administratif de Montpellier"
    d = demande(DemarcheFactory(regime="svr", base_legale="CRPA L231-4 3°"))
    assert "recours gracieux" in _recours(
        d
    ) and "tribunal administratif de Montpellier" in _recours(d)


def test_voies_propres_a_la_demarche(settings):
    settings.SUN_RELATION_TRIBUNAL = "le tribunal administratif de Montpellier"
    cada = DemarcheFactory(regime="svr", base_legale="CRPA R311-13", voies_de_recours=(
        "Avant tout recours au tribunal, vous devez saisir la CADA dans les deux mois. "
        "Vous pourrez alors saisir {tribunal}."))  # fmt: skip
    texte = _recours(demande(cada))
    assert "saisir la CADA" in texte and "recours gracieux" not in texte
    assert texte.endswith("saisir le tribunal administratif de Montpellier.")
    phrases = sans_reponse("svr", 1, "mois", cada.voies_de_recours)
    assert phrases[0] == "Sans réponse au bout d'un mois, votre demande est refusée."
    assert "CADA" in phrases[-1] and "{tribunal}" not in phrases[-1]
    assert "s'arrête jusqu'à ce que vous les envoyiez" in phrases[1]


def test_catalogue_de_l_aude_donne_les_recours_prealables():
    from pathlib import Path

    from sun.relation.catalogue.services import charger
    from sun.relation.models import Demarche

    charger(Path(__file__).resolve().parents[2] / "catalogues" / "aude.yaml")
    assert "CADA" in Demarche.objects.get(slug="acces-documents-administratifs").voies_de_recours
    assert "tribunal judiciaire" in Demarche.objects.get(slug="pch").voies_de_recours
    assert "L262-47" in Demarche.objects.get(slug="rsa").voies_de_recours
