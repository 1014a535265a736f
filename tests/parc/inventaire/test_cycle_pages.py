"""Every life-cycle step through the pages of the sheet (IT service): change of état,
decommissioning, exit (its form explains what counts), proof, cancellation, intervention.
Each refusal shows its French message on the form, keeps the input, and writes nothing."""

from datetime import date

import pytest
from django.urls import reverse

from sun.parc.models import Equipement, EvenementCycleVie, Sortie
from sun.parc.referentiel import Etat
from tests.parc.factories import (
    EquipementFactory,
    ReparateurFactory,
    equipement_reforme,
    equipement_sorti,
)

pytestmark = pytest.mark.django_db
Genre = EvenementCycleVie.Genre


def _url(nom: str, e) -> str:
    return reverse(f"espace:{nom}", kwargs={"pk": e.pk})


def _fiche(e) -> str:
    return _url("parc_equipement", e)


def test_changer_d_etat(client, informatique):
    e = EquipementFactory(date_acquisition=date(2021, 1, 1))
    reponse = client.post(
        _url("parc_equipement_etat", e),
        {"etat-etat": Etat.EN_REPARATION, "etat-date": "2026-01-15", "etat-commentaire": "Écran"},
    )
    assert reponse.status_code == 302 and reponse["Location"] == _fiche(e)
    e.refresh_from_db()
    assert e.etat == Etat.EN_REPARATION
    ev = e.evenements.get()
    assert (ev.genre, ev.date, ev.etat_avant, ev.auteur) == (
        Genre.CHANGEMENT_ETAT,
        date(2026, 1, 15),
        Etat.EN_SERVICE,
        informatique,
    )
    page = client.get(_fiche(e)).content.decode()
    assert "Nouvel état : En réparation." in page and "Écran" in page


def test_etat_que_le_cycle_refuse(client, informatique):
    e = equipement_reforme(date(2025, 1, 1))
    reponse = client.post(
        _url("parc_equipement_etat", e),
        {"etat-etat": Etat.EN_REPARATION, "etat-date": "2026-01-15"},
    )
    assert reponse.status_code == 400
    assert "rien n&#x27;a été enregistré" in reponse.content.decode()
    e.refresh_from_db()
    assert e.etat == Etat.REFORME and not e.evenements.exists()


def test_reformer_puis_remettre_en_stock(client, informatique):
    e = EquipementFactory(date_acquisition=date(2019, 5, 1))
    reponse = client.post(
        _url("parc_equipement_reformer", e),
        {"reforme-date": "2026-02-01", "reforme-commentaire": "Carte mère HS"},
    )
    assert reponse.status_code == 302
    e.refresh_from_db()
    assert (e.etat, e.date_reforme) == (Etat.REFORME, date(2026, 2, 1))
    client.post(
        _url("parc_equipement_etat", e), {"etat-etat": Etat.EN_STOCK, "etat-date": "2026-02-10"}
    )
    e.refresh_from_db()
    assert e.etat == Etat.EN_STOCK and e.date_reforme is None


def test_reforme_avant_l_acquisition_refusee(client, informatique):
    e = EquipementFactory(date_acquisition=date(2024, 5, 1))
    reponse = client.post(_url("parc_equipement_reformer", e), {"reforme-date": "2023-01-01"})
    page = reponse.content.decode()
    assert reponse.status_code == 400
    assert (
        "La date de réforme (01/01/2023) précède la date d&#x27;acquisition (01/05/2024)." in page
    )
    assert 'value="2023-01-01"' in page  # the input is kept
    e.refresh_from_db()
    assert e.etat == Etat.EN_SERVICE and e.date_reforme is None


SORTIE = {"voie": "don", "destination": "don_association", "destinataire": "Association Relais",
          "destinataire_siret": "12345678901234", "date": "2026-03-01",
          "justification": "Convention n° 12", "date_engagement": "2026-02-20",
          "reference_engagement": "ENG-1", "valeur_unitaire": "50"}  # fmt: skip


def test_formulaire_de_sortie_explique_l_objectif(client, informatique):
    e = equipement_reforme(date(2026, 1, 10), date_acquisition=date(2020, 1, 1))
    page = client.get(_url("parc_equipement_sortir", e)).content.decode()
    assert "Quelles sorties comptent pour l'objectif ?" in page
    assert (
        "décret n° 2023-266" in page and "Le recyclage et la destruction ne comptent jamais" in page
    )
    assert "il entre dans le champ" in page
    pas_reforme = EquipementFactory()
    page = client.get(_url("parc_equipement_sortir", pas_reforme)).content.decode()
    assert "Seul un équipement réformé sort du parc" in page and '<form method="post"' not in page


def test_sortir_puis_prouver(client, informatique):
    e = equipement_reforme(date(2026, 1, 10), date_acquisition=date(2020, 1, 1))
    reponse = client.post(_url("parc_equipement_sortir", e), SORTIE)
    assert reponse.status_code == 302
    sortie = Sortie.objects.get(equipement=e)
    assert (sortie.voie, sortie.destinataire_siret, sortie.auteur) == (
        "don",
        "12345678901234",
        informatique,
    )
    page = client.get(_fiche(e)).content.decode()
    assert "il faut encore la preuve du réemploi" in page
    reponse = client.post(
        _url("parc_equipement_preuve", e),
        {"preuve-date_preuve": "2026-04-01", "preuve-reference_preuve": "Attestation 7"},
    )
    assert reponse.status_code == 302
    sortie.refresh_from_db()
    assert sortie.date_preuve == date(2026, 4, 1) and sortie.reference_preuve == "Attestation 7"
    page = client.get(_fiche(e)).content.decode()
    assert "Compte pour l'objectif</dt><dd><strong>oui" in page


@pytest.mark.parametrize(("changement", "message", "champ"), [
    ({"voie": ""}, "Une sortie du parc doit dire sa voie : réemploi, réutilisation, don, recyclage ou destruction.", "id_voie"),
    ({"date": "2019-06-01"}, "La date d&#x27;acquisition (01/01/2020) est postérieure à la date de sortie (01/06/2019).", "id_date"),
    ({"date": "2025-12-01"}, "La date de sortie (01/12/2025) précède la date de réforme (10/01/2026)", "id_date"),
    ({"valeur_unitaire": "450"}, "Un bien donné gratuitement vaut au plus 300 € l&#x27;unité", "id_valeur_unitaire"),
    ({"valeur_unitaire": "-5"}, "Une valeur ne peut pas être négative.", "id_valeur_unitaire"),
    ({"destination": "eco_organisme"}, "Un don va à une association, un agent ou une autre personne publique.", "id_destination"),
    ({"justification": ""}, "Justifiez la sortie", "id_justification"),
    ({"destinataire": " "}, "Indiquez le nom du preneur.", "id_destinataire"),
    ({"date_preuve": "2026-02-01"}, "La preuve du réemploi arrive après la sortie, pas avant.", "id_date_preuve"),
])  # fmt: skip
def test_sortie_refusee(client, informatique, changement, message, champ):
    e = equipement_reforme(date(2026, 1, 10), date_acquisition=date(2020, 1, 1))
    reponse = client.post(_url("parc_equipement_sortir", e), SORTIE | changement)
    page = reponse.content.decode()
    assert reponse.status_code == 400 and message in page
    assert f'id="{champ}_error"' in page  # on its field
    assert 'value="Association Relais"' in page or changement.get("destinataire")
    e.refresh_from_db()
    assert e.etat == Etat.REFORME and not Sortie.objects.exists() and not e.evenements.exists()


def test_preuve_avant_la_sortie_refusee(client, informatique):
    e = equipement_sorti(date(2025, 1, 1), date(2025, 2, 1))
    reponse = client.post(_url("parc_equipement_preuve", e), {"preuve-date_preuve": "2025-01-15"})
    assert reponse.status_code == 400
    assert "La preuve du réemploi arrive après la sortie, pas avant." in reponse.content.decode()
    assert Sortie.objects.get().date_preuve is None


def test_annuler_une_sortie(client, informatique):
    e = equipement_sorti(date(2025, 1, 1), date(2025, 2, 1))
    reponse = client.post(_url("parc_equipement_annuler_sortie", e), {"annulation-motif": " "})
    assert reponse.status_code == 400
    assert "Dites pourquoi la sortie est annulée." in reponse.content.decode()
    assert Sortie.objects.exists()
    reponse = client.post(
        _url("parc_equipement_annuler_sortie", e), {"annulation-motif": "Erreur de saisie"}
    )
    assert reponse.status_code == 302
    e.refresh_from_db()
    assert e.etat == Etat.REFORME and not Sortie.objects.exists()
    assert e.evenements.get().genre == Genre.ANNULATION


def test_intervention_avec_reconditionneur(client, informatique):
    atelier = ReparateurFactory(nom="Atelier Solidaire")
    e = EquipementFactory()
    reponse = client.post(
        _url("parc_equipement_intervention", e),
        {
            "intervention-genre": "reconditionnement",
            "intervention-date": "2026-01-05",
            "intervention-prestataire": atelier.pk,
            "intervention-commentaire": "SSD neuf",
        },
    )
    assert reponse.status_code == 302
    e.refresh_from_db()
    assert e.reconditionneur == atelier
    ev = e.evenements.get()
    assert (ev.genre, ev.prestataire, ev.commentaire) == (
        Genre.RECONDITIONNEMENT,
        atelier,
        "SSD neuf",
    )
    page = client.get(_fiche(e)).content.decode()
    assert "par Atelier Solidaire" in page and "Intervention enregistrée." in page


def test_intervention_inconnue(client, informatique):
    e = EquipementFactory()
    reponse = client.post(
        _url("parc_equipement_intervention", e),
        {"intervention-genre": "peinture", "intervention-date": "2026-01-05"},
    )
    assert reponse.status_code == 400 and "Intervention inconnue." in reponse.content.decode()
    assert not EvenementCycleVie.objects.exists()


def test_la_fiche_propose_les_etapes_de_son_etat(client, informatique):
    en_service = EquipementFactory()
    page = client.get(_fiche(en_service)).content.decode()
    assert (
        'id="reformer"' in page
        and 'id="changer-etat"' in page
        and 'id="annuler-sortie"' not in page
    )
    sorti = equipement_sorti(date(2025, 1, 1), date(2025, 2, 1))
    page = client.get(_fiche(sorti)).content.decode()
    assert 'id="annuler-sortie"' in page and 'id="preuve"' in page and 'id="reformer"' not in page
    assert "Association test" in page and Equipement.objects.count() == 2
