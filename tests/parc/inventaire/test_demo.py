"""The demonstration fleet: every type, every état, exits by every route (some counting for
décret n° 2023-266, some not), flagged and labelled « démonstration », idempotent."""

from datetime import date

import pytest
from django.urls import reverse

from sun.parc import cycle_vie
from sun.parc.demo import SOURCE, creer_demo
from sun.parc.models import Equipement, EvenementCycleVie, Site, Sortie
from sun.parc.referentiel import Achat, Etat, TypeEquipement, Voie

pytestmark = pytest.mark.django_db


def test_parc_de_demonstration_complet_et_idempotent():
    n = creer_demo()
    equipements = Equipement.objects.filter(source=SOURCE)
    assert n == equipements.count() == 400
    assert not equipements.filter(demonstration=False).exists()
    assert set(equipements.values_list("type", flat=True)) == set(TypeEquipement.values)
    assert set(equipements.values_list("etat", flat=True)) == set(Etat.values)
    assert equipements.filter(achat=Achat.RECONDITIONNE).count() > 10
    annees = {d.year for d in equipements.values_list("date_acquisition", flat=True)}
    assert min(annees) == date.today().year - 13 and max(annees) >= date.today().year - 1
    assert equipements.filter(etat=Etat.REFORME).count() == 60
    sorties = Sortie.objects.filter(equipement__source=SOURCE)
    assert sorties.count() == 40 and set(sorties.values_list("voie", flat=True)) == set(Voie.values)
    assert all(date.today().year - 3 <= s.date.year for s in sorties)
    assert all(s.date <= date.today() for s in sorties)
    assert all(date.today().year - 3 <= e.date_reforme.year
               for e in equipements.filter(date_reforme__isnull=False))  # fmt: skip
    comptent = [s for s in sorties.select_related("equipement") if cycle_vie.compte_pour_le_reemploi(
        s.voie, s.date, s.date_engagement, s.date_preuve)]  # fmt: skip
    assert 10 < len(comptent) < 40
    trop_vieux = [s for s in sorties.select_related("equipement") if not cycle_vie.dans_le_champ(
        s.equipement.categorie_deee, s.equipement.date_acquisition, s.equipement.date_reforme)]  # fmt: skip
    assert len(trop_vieux) >= 5
    sans_preuve = sorties.filter(voie__in=[Voie.DON, Voie.REEMPLOI], date_preuve__isnull=True)
    assert sans_preuve.exists()
    sites = Site.objects.filter(demonstration=True)
    assert sites.count() == 6 and all("démonstration" in s.nom for s in sites)
    colleges = sites.filter(genre=Site.Genre.COLLEGE)
    assert colleges.count() == 3 and all(len(s.code_uai) == 8 and s.commune for s in colleges)
    assert all(s.effectif for s in sites.filter(genre=Site.Genre.SERVICE))
    assert all(s.commune.departement.code == "11" for s in sites)
    evenements = EvenementCycleVie.objects.filter(equipement__source=SOURCE).count()
    assert evenements > 500

    assert creer_demo() == 0
    assert Equipement.objects.count() == 400 and Sortie.objects.count() == 40
    assert Site.objects.count() == 6
    assert EvenementCycleVie.objects.count() == evenements


def test_la_demonstration_est_etiquetee_sur_les_pages(client, informatique):
    creer_demo()
    page = client.get(reverse("espace:parc")).content.decode()
    assert "dont 400 de démonstration" in page and page.count('etiquette">démonstration') >= 50
    e = Equipement.objects.filter(source=SOURCE, etat=Etat.SORTI).first()
    fiche = client.get(reverse("espace:parc_equipement", kwargs={"pk": e.pk})).content.decode()
    assert "démonstration" in fiche and "compté dans aucun indicateur" in fiche
    sites = client.get(reverse("espace:parc_sites")).content.decode()
    assert sites.count("(démonstration)</a>") == 6
