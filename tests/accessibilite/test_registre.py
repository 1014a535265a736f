"""Writes of the register: compliance figures, the audit criterion by criterion, contents,
due dates; bad input refused in French with nothing written."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sun.accessibilite import rgaa
from sun.accessibilite.models import (
    Categorie,
    ContenuNonAccessible,
    ResultatCritere,
    ServiceNumerique,
    TypeService,
)
from sun.accessibilite.services import (
    ajouter_contenu,
    enregistrer_grille,
    enregistrer_schema,
    enregistrer_service,
)

pytestmark = pytest.mark.django_db
BASE = {"nom": "Portail des aides", "url": "https://aides.exemple.fr/", "type": TypeService.SITE}


def _messages(exc) -> str:
    return " ".join(exc.value.messages)


def test_taux_calcule_echeance_et_etat():
    sn = enregistrer_service({**BASE, "date_audit": date(2024, 5, 2), "criteres_valides": 37,
                              "criteres_applicables": 51, "declaration_etablie_le": date(2024, 6, 1)})  # fmt: skip
    assert sn.slug == "portail-des-aides"
    assert sn.taux == Decimal("72.55") and sn.echeance == date(2027, 6, 1)
    c = sn.conformite(date(2025, 1, 1))
    assert c.etat == rgaa.Etat.PARTIEL and not c.motif
    perime = sn.conformite(date(2027, 6, 2))
    assert perime.etat == rgaa.Etat.NON and "périmé" in perime.motif
    sans = enregistrer_service({**BASE, "nom": "Autre"})
    assert (
        sans.slug == "autre"
        and sans.conformite(date(2025, 1, 1)).motif == "aucun audit de conformité"
    )
    assert enregistrer_service({**BASE}).slug == "portail-des-aides-2"


@pytest.mark.parametrize("donnees, message", [
    ({"date_audit": date(2024, 1, 1), "taux": Decimal("120")}, "compris entre 0 et 100 %"),
    ({"date_audit": date(2024, 1, 1), "criteres_valides": 60, "criteres_applicables": 50},
     "dépasserait 100 %"),
    ({"date_audit": date(2024, 1, 1), "criteres_valides": 100, "criteres_applicables": 110},
     "106 critères"),
    ({"date_audit": date(2024, 1, 1), "criteres_valides": 10}, "les deux nombres"),
    ({"taux": Decimal("80")}, "donnez sa date"),
    ({"pages_a_controler": "ftp://x"}, "n'est pas une adresse http"),
])  # fmt: skip
def test_saisie_refusee_rien_ecrit(donnees, message):
    with pytest.raises(ValidationError) as exc:
        enregistrer_service({**BASE, **donnees})
    assert message in _messages(exc)
    assert not ServiceNumerique.objects.exists()


def test_date_d_audit_dans_le_futur_refusee():
    demain = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        enregistrer_service({**BASE, "date_audit": demain, "taux": Decimal(80)})
    assert "ne peut pas être dans le futur" in _messages(exc)
    assert not ServiceNumerique.objects.exists()


def test_grille_critere_par_critere():
    sn = enregistrer_service(BASE)
    etats = dict.fromkeys(rgaa.numeros(), "NA")
    etats.update({"1.1": "C", "1.2": "C", "1.3": "NC", "11.1": "C"})
    enregistrer_grille(sn, etats, date_audit=date(2024, 3, 1), audite_par="Cabinet")
    sn.refresh_from_db()
    assert (sn.criteres_valides, sn.criteres_applicables, sn.taux) == (3, 4, Decimal("75.00"))
    assert sn.criteres.count() == 106
    # Incomplete grid: refused, the previous audit kept.
    del etats["13.12"]
    with pytest.raises(ValidationError) as exc:
        enregistrer_grille(sn, etats, date_audit=date(2024, 4, 1))
    assert "13.12" in _messages(exc)
    sn.refresh_from_db()
    assert sn.date_audit == date(2024, 3, 1) and ResultatCritere.objects.count() == 106
    # New figures typed by hand no longer match the grid: the grid goes.
    enregistrer_service({"criteres_valides": 40, "criteres_applicables": 50}, sn)
    assert not sn.criteres.exists() and sn.taux == Decimal("80.00")


def test_derogation_justifiee_avec_alternative():
    sn = enregistrer_service(BASE)
    with pytest.raises(ValidationError) as exc:
        ajouter_contenu(sn, {"categorie": Categorie.DEROGATION, "description": "Plans"})
    assert "justifiée" in _messages(exc) and "alternative" in _messages(exc)
    assert not ContenuNonAccessible.objects.exists()
    ajouter_contenu(sn, {"categorie": Categorie.DEROGATION, "description": "Plans",
                         "justification": "Coût", "alternative": "Par courriel"})  # fmt: skip
    assert sn.contenus.count() == 1


def test_ordre_d_urgence():
    jour = date(2025, 6, 1)
    enregistrer_service({**BASE, "nom": "A valide", "date_audit": date(2025, 1, 1), "taux": 90})
    enregistrer_service({**BASE, "nom": "B sans audit"})
    enregistrer_service({**BASE, "nom": "C périmé", "methode": "RGAA 4.1",
                         "date_audit": date(2022, 1, 1), "taux": 90})  # fmt: skip
    enregistrer_service({**BASE, "nom": "D bientôt", "date_audit": date(2022, 7, 1), "taux": 90,
                         "methode": "RGAA 4.1.2"})  # fmt: skip
    noms = [sn.nom for sn in ServiceNumerique.objects.par_urgence(jour)]
    assert noms == ["B sans audit", "C périmé", "D bientôt", "A valide"]


def test_schema_trois_ans_au_plus():
    with pytest.raises(ValidationError) as exc:
        enregistrer_schema({"titre": "Trop long", "debut": date(2025, 1, 1),
                            "fin": date(2028, 6, 30)})  # fmt: skip
    assert "au plus 3 ans" in _messages(exc)
    schema = enregistrer_schema({"titre": "2025-2027", "debut": date(2025, 1, 1),
                                 "fin": date(2027, 12, 31)})  # fmt: skip
    assert schema.annees == [2025, 2026, 2027]
