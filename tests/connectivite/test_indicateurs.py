"""Indicators of connectivity: real editions only, dated by their edition, every level."""

from datetime import date

import pytest
from django.utils import timezone

from sun.connectivite.indicators import communes_cuivre_ferme_sans_fibre
from sun.connectivite.models import Edition, Genre, Signalement, Statut
from sun.core import indicators
from sun.core.indicators import Niveau
from tests.connectivite import factories as f
from tests.territoire.factories import commune

pytestmark = pytest.mark.django_db


def _valeur(code, niveau="departement", territoire="11"):
    return indicators.obtenir(code).calculer(niveau, territoire)


def test_eligibilite_fibre_sur_la_derniere_edition_reelle():
    f.fixe("11011", nbr=100, ftth=50, cu_30=40, sat=10, date_edition=date(2025, 12, 31))
    f.fixe("11011", nbr=100, ftth=90, cu_30=0, sat=10, date_edition=date(2026, 3, 31))
    f.fixe("11022", nbr=300, ftth=270, cu_30=20, sat=10, date_edition=date(2026, 3, 31))
    valeur = _valeur("connectivite.eligibilite_fibre")
    assert valeur.valeur == 90.0 and valeur.date == date(2026, 3, 31)
    assert _valeur("connectivite.eligibilite_fibre", "commune", "11011").valeur == 90.0
    epci = commune("11011").epci.code_siren
    assert _valeur("connectivite.eligibilite_fibre", "epci", epci).valeur is not None


def test_une_edition_de_demonstration_ne_compte_pas():
    f.fixe("11011", date_edition=date(2026, 6, 30))
    Edition.objects.update(demonstration=True)
    valeur = _valeur("connectivite.eligibilite_fibre")
    assert valeur.valeur is None and "démonstration" in valeur.note


def test_communes_ou_le_cuivre_est_ferme_sans_fibre_complete():
    f.fixe("11011", nbr=100, ftth=80, cu_30=10, sat=10)  # not fully fibred
    f.fixe("11022", nbr=100, ftth=100, cu_30=0, sat=0)  # fully fibred
    f.fixe("11023", nbr=100, ftth=50, cu_30=40, sat=10)  # closure still to come
    f.cuivre("11011", date_fc=date(2026, 1, 31))
    f.cuivre("11022", date_fc=date(2026, 1, 31))
    f.cuivre("11023", date_fc=date(2027, 1, 31))
    valeur = communes_cuivre_ferme_sans_fibre(Niveau.DEPARTEMENT, "11", jour=date(2026, 6, 1))
    assert valeur.valeur == 1
    avant = communes_cuivre_ferme_sans_fibre(Niveau.DEPARTEMENT, "11", jour=date(2025, 6, 1))
    assert avant.valeur == 0


def test_difficultes_ouvertes_et_resolues():
    maintenant = timezone.now()
    for statut in (Statut.NOUVEAU, Statut.EN_COURS, Statut.RESOLU):
        Signalement.objects.create(commune=commune("11011"), categorie="elagage", adresse="1 rue",
                                   description="Arbres", statut=statut, cree_le=maintenant,
                                   modifie_le=maintenant)  # fmt: skip
    Signalement.objects.create(commune=commune("11011"), categorie="elagage", adresse="2 rue",
                               description="Démo", cree_le=maintenant, modifie_le=maintenant,
                               demonstration=True)  # fmt: skip
    assert _valeur("connectivite.difficultes_ouvertes").valeur == 2
    assert _valeur("connectivite.difficultes_resolues").valeur == 1
    assert "démonstration" in _valeur("connectivite.difficultes_ouvertes").note


def test_sans_donnees_la_valeur_dit_pourquoi():
    assert _valeur("connectivite.eligibilite_fibre").note == "Aucune édition importée."
    assert Genre.FTTH  # the kinds are declared
