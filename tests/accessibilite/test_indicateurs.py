"""Indicators of accessibility: share of valid published declarations, mean compliance rate
of audited services, share of compliant services; demonstration entries never counted."""

from datetime import date

import pytest

from sun.accessibilite.demo import creer_registre_demo
from sun.accessibilite.services import enregistrer_service
from sun.core.indicators import Niveau, obtenir

pytestmark = pytest.mark.django_db


def _calcul(code):
    return obtenir(f"accessibilite.{code}").calculer(Niveau.DEPARTEMENT, "11")


def test_indicateurs(jour_fixe):
    assert jour_fixe == date(2025, 6, 1)
    assert _calcul("taux_conformite_moyen").valeur is None
    base = {"url": "https://x.exemple.fr/", "type": "site"}
    enregistrer_service({**base, "nom": "A", "date_audit": date(2025, 1, 10), "taux": 100,
                         "declaration_etablie_le": date(2025, 2, 1)})  # fmt: skip
    enregistrer_service({**base, "nom": "B", "date_audit": date(2024, 3, 1), "taux": 60})
    enregistrer_service({**base, "nom": "C", "methode": "RGAA 4.1", "date_audit": date(2022, 1, 1),
                         "taux": 90, "declaration_etablie_le": date(2022, 1, 5)})  # fmt: skip
    enregistrer_service({**base, "nom": "D"})
    creer_registre_demo(date(2025, 6, 1))
    publiees = _calcul("part_declarations_publiees")
    assert publiees.valeur == 25.0  # A only: C's declaration is out of date
    assert publiees.source.startswith("Registre des services numériques")
    assert "4 services numériques de démonstration non comptés" in publiees.note
    moyen = _calcul("taux_conformite_moyen")
    assert moyen.valeur == 80.0 and moyen.date == date(2025, 1, 10)  # A and B; C out of date
    conformes = _calcul("services_conformes")
    assert conformes.valeur == 50.0 and conformes.date is not None
