"""Refusals of the life cycle added after the walkthrough: steps dated in the future, an exit
whose route and taker contradict each other, a proof of reuse for a recycling exit."""

from datetime import date, timedelta

import pytest

from sun.parc import services
from sun.parc.cycle_vie import DemandeSortie, RefusCycleVie
from sun.parc.models import Sortie
from tests.parc.factories import EquipementFactory, equipement_reforme, equipement_sorti

pytestmark = pytest.mark.django_db
DEMAIN = date.today() + timedelta(days=1)


def test_une_reforme_dans_le_futur_est_refusee():
    e = EquipementFactory()
    with pytest.raises(RefusCycleVie, match="dans le futur") as refus:
        services.reformer(e, DEMAIN)
    assert refus.value.champ == "date_reforme"
    e.refresh_from_db()
    assert e.etat == "en_service" and e.date_reforme is None


def test_une_sortie_dans_le_futur_est_refusee():
    e = equipement_reforme(date(2025, 1, 10))
    with pytest.raises(RefusCycleVie, match="dans le futur"):
        services.sortir(e, DemandeSortie(DEMAIN, "recyclage", "eco_organisme", "Ecologic", "BSD"))
    assert not Sortie.objects.exists()


@pytest.mark.parametrize(("voie", "destination", "champ"), [
    ("recyclage", "don_association", "voie"),   # given free: the route is « don »
    ("destruction", "vente", "destination"),    # destroyed by a provider, not sold
])  # fmt: skip
def test_voie_et_preneur_contradictoires(voie, destination, champ):
    e = equipement_reforme(date(2025, 1, 10))
    demande = DemandeSortie(date(2025, 2, 1), voie, destination, "X", "motif",
                            valeur_unitaire=500)  # fmt: skip
    with pytest.raises(RefusCycleVie) as refus:
        services.sortir(e, demande)
    assert refus.value.champ == champ and not Sortie.objects.exists()


def test_pas_de_preuve_de_reemploi_pour_un_recyclage():
    e = equipement_sorti(date(2025, 1, 10), date(2025, 2, 1), voie="recyclage",
                         destination="eco_organisme")  # fmt: skip
    with pytest.raises(RefusCycleVie, match="n'est pas un réemploi"):
        services.enregistrer_preuve(e.sortie, date(2025, 3, 1))
    e.sortie.refresh_from_db()
    assert e.sortie.date_preuve is None


def test_retour_en_stock_avant_la_reforme_refuse():
    e = equipement_reforme(date(2025, 6, 1))
    with pytest.raises(RefusCycleVie, match="ne peut pas revenir en stock avant"):
        services.changer_etat(e, "en_stock", date(2025, 5, 1))


def test_les_reparateurs_de_demonstration_sont_dits_tels_dans_les_listes():
    from sun.web.forms.parc import InterventionForm, reparateurs
    from tests.parc.factories import ReparateurFactory

    ReparateurFactory(nom="Atelier réel")
    ReparateurFactory(nom="Atelier fictif", demonstration=True)
    form = InterventionForm()
    form.fields["prestataire"].queryset = reparateurs()
    libelles = [libelle for _, libelle in form.fields["prestataire"].choices]
    assert "Atelier fictif (démonstration)" in libelles and "Atelier réel" in libelles
