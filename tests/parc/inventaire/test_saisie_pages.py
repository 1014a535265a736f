"""Creating and editing equipment and sites through the pages: the refusals of issue 18
point 10 (negative price, duplicate inventory number, unknown type, acquisition after the
exit) with their French message on the field, the input kept and nothing written."""

from datetime import date

import pytest
from django.urls import reverse

from sun.parc.models import Equipement, EvenementCycleVie, Site
from sun.parc.referentiel import Etat
from sun.territoire.models import Commune
from tests.parc.factories import EquipementFactory, SiteFactory, equipement_sorti

pytestmark = pytest.mark.django_db
NOUVEAU = "espace:parc_equipement_nouveau"
FICHE = {"etat": "en_stock", "type": "portable", "nom": "PORT-042", "fabricant": "DELL",
         "modele": "Latitude 5420", "numero_inventaire": "INV-042", "numero_serie": "SN42",
         "date_acquisition": "2024-09-01", "prix_acquisition": "849,90", "achat": "reconditionne",
         "date_fin_garantie": "2027-09-01", "proprietaire": "departement"}  # fmt: skip


def test_ajouter_un_equipement(client, informatique):
    site = SiteFactory(nom="Direction des routes")
    aragon = Commune.objects.get(code_insee="11011")
    reponse = client.post(reverse(NOUVEAU), FICHE | {"site": site.pk, "commune": aragon.pk})
    e = Equipement.objects.get()
    assert reponse.status_code == 302 and reponse["Location"] == reverse(
        "espace:parc_equipement", kwargs={"pk": e.pk}
    )
    assert (e.etat, e.source, e.cle, str(e.prix_acquisition)) == (
        Etat.EN_STOCK,
        "Saisie SUN",
        "inv:INV-042",
        "849.90",
    )
    assert e.categorie_deee == "2" and e.site == site and e.commune == aragon
    assert e.evenements.get().genre == EvenementCycleVie.Genre.ENTREE


@pytest.mark.parametrize(("changement", "message", "champ"), [
    ({"prix_acquisition": "-10"}, "Le prix d&#x27;acquisition ne peut pas être négatif.", "prix_acquisition"),
    ({"type": "frigo"}, "Type d&#x27;équipement inconnu : « frigo ».", "type"),
    ({"type": ""}, "Choisissez le type de l&#x27;équipement.", "type"),
    ({"numero_inventaire": "INV-001"}, "Un équipement de ce numéro d&#x27;inventaire (ou de série) existe déjà.", "numero_inventaire"),
    ({"numero_inventaire": "", "numero_serie": ""}, "Un équipement a un numéro d&#x27;inventaire ou, à défaut, un numéro de série.", "numero_inventaire"),
    ({"date_acquisition": "31/02/2024"}, "Saisissez une date valide.", "date_acquisition"),
])  # fmt: skip
def test_ajout_refuse(client, informatique, changement, message, champ):
    EquipementFactory(source="Saisie SUN", numero_inventaire="INV-001", cle="inv:INV-001")
    reponse = client.post(reverse(NOUVEAU), FICHE | changement)
    page = reponse.content.decode()
    assert reponse.status_code == 400 and message in page
    assert f'id="id_{champ}_error"' in page
    assert 'value="Latitude 5420"' in page  # the input is kept
    assert Equipement.objects.count() == 1 and not EvenementCycleVie.objects.exists()


def test_modifier_un_equipement(client, informatique):
    e = EquipementFactory(nom="PC-1", site=None)
    site = SiteFactory(nom="Collège de Limoux", genre="college")
    page = client.get(
        reverse("espace:parc_equipement_modifier", kwargs={"pk": e.pk})
    ).content.decode()
    assert 'value="PC-1"' in page and 'name="etat"' not in page
    donnees = FICHE | {"nom": "PC-1 bis", "numero_inventaire": e.numero_inventaire, "site": site.pk}
    donnees.pop("etat")
    reponse = client.post(reverse("espace:parc_equipement_modifier", kwargs={"pk": e.pk}), donnees)
    assert reponse.status_code == 302
    e.refresh_from_db()
    assert e.nom == "PC-1 bis" and e.site == site
    assert e.evenements.get().genre == EvenementCycleVie.Genre.REAFFECTATION


def test_modification_acquisition_apres_la_sortie_refusee(client, informatique):
    e = equipement_sorti(date(2025, 1, 1), date(2025, 2, 1), date_acquisition=date(2020, 1, 1))
    donnees = FICHE | {"numero_inventaire": e.numero_inventaire, "date_acquisition": "2025-06-01"}
    donnees.pop("etat")
    reponse = client.post(reverse("espace:parc_equipement_modifier", kwargs={"pk": e.pk}), donnees)
    page = reponse.content.decode()
    assert reponse.status_code == 400
    assert "précède la date d&#x27;acquisition (01/06/2025)" in page
    assert 'id="id_date_acquisition_error"' in page and 'value="2025-06-01"' in page
    e.refresh_from_db()
    assert e.date_acquisition == date(2020, 1, 1) and e.nom != "PORT-042"


def test_modification_numero_deja_pris_refusee(client, informatique):
    EquipementFactory(source="Saisie SUN", numero_inventaire="INV-001", cle="inv:INV-001")
    e = EquipementFactory(source="Saisie SUN", numero_inventaire="INV-002", cle="inv:INV-002")
    donnees = FICHE | {"numero_inventaire": "INV-001"}
    donnees.pop("etat")
    reponse = client.post(reverse("espace:parc_equipement_modifier", kwargs={"pk": e.pk}), donnees)
    assert reponse.status_code == 400 and "existe déjà" in reponse.content.decode()
    e.refresh_from_db()
    assert e.numero_inventaire == "INV-002"


def test_sites(client, informatique):
    reponse = client.post(
        reverse("espace:parc_site_nouveau"),
        {
            "nom": "Collège Joseph Delteil",
            "genre": "college",
            "code_uai": "0110012b",
            "effectif": "",
        },
    )
    assert reponse.status_code == 302
    site = Site.objects.get()
    assert site.code_uai == "0110012B" and site.effectif is None
    page = client.get(reverse("espace:parc_sites")).content.decode()
    assert "Collège Joseph Delteil" in page and "<caption" in page
    reponse = client.post(
        reverse("espace:parc_site_modifier", kwargs={"pk": site.pk}),
        {
            "nom": "Collège Joseph Delteil",
            "genre": "college",
            "code_uai": "0110012B",
            "effectif": "45",
        },
    )
    site.refresh_from_db()
    assert reponse.status_code == 302 and site.effectif == 45


@pytest.mark.parametrize(("donnees", "message"), [
    ({"nom": "Direction des routes", "genre": "service"}, "Un site s&#x27;appelle déjà « Direction des routes »."),
    ({"nom": "Collège X", "genre": "college", "code_uai": "11-12"}, "Un code UAI a sept chiffres et une lettre"),
    ({"nom": "Service Y", "genre": "service", "effectif": "-3"}, "supérieure ou égale à 0"),
    ({"nom": "Service Y", "genre": "chateau"}, "Sélectionnez un choix valide"),
])  # fmt: skip
def test_site_refuse(client, informatique, donnees, message):
    SiteFactory(nom="Direction des routes")
    reponse = client.post(reverse("espace:parc_site_nouveau"), donnees)
    assert reponse.status_code == 400 and message in reponse.content.decode()
    assert Site.objects.count() == 1
