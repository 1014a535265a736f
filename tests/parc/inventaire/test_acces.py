"""Who opens which page of the inventory: INFORMATIQUE and ADMIN read and write, PILOTE reads
only (403 on every write page and POST), every other role gets a 403 on the module, the
anonymous visitor goes to the login page. Checked on the server, GET and POST."""

from datetime import date

import pytest
from django.urls import reverse

from sun.parc.models import Equipement
from sun.parc.referentiel import Etat
from tests.parc.factories import SiteFactory, equipement_reforme, equipement_sorti
from tests.parc.inventaire.outils import IDENTITES, compte

pytestmark = pytest.mark.django_db

LECTURE = ["parc", "parc_export_csv", "parc_sites", "parc_equipement"]
ECRITURE_GET = ["parc_equipement_nouveau", "parc_equipement_modifier", "parc_equipement_sortir",
                "parc_site_nouveau", "parc_site_modifier"]  # fmt: skip
ECRITURE_POST = ["parc_equipement_etat", "parc_equipement_reformer", "parc_equipement_sortir",
                 "parc_equipement_preuve", "parc_equipement_annuler_sortie",
                 "parc_equipement_intervention", "parc_equipement_nouveau",
                 "parc_equipement_modifier", "parc_site_nouveau", "parc_site_modifier"]  # fmt: skip
LECTEURS = {"pilote", "administrateur", "informatique"}
REDACTEURS = {"administrateur", "informatique"}


def _adresse(nom: str, e: Equipement, site) -> str:
    if nom.startswith("parc_equipement") and nom != "parc_equipement_nouveau":
        return reverse(f"espace:{nom}", kwargs={"pk": e.pk})
    if nom == "parc_site_modifier":
        return reverse(f"espace:{nom}", kwargs={"pk": site.pk})
    return reverse(f"espace:{nom}")


@pytest.fixture
def objets():
    site = SiteFactory(nom="Direction des finances")
    return equipement_reforme(date(2025, 1, 10), site=site), site


@pytest.mark.parametrize("identite", ["anonyme", *IDENTITES])
def test_qui_ouvre_quoi(client, objets, identite):
    e, site = objets
    if identite != "anonyme":
        client.force_login(compte(identite))
    for nom in LECTURE + ECRITURE_GET:
        reponse = client.get(_adresse(nom, e, site))
        if identite == "anonyme":
            assert reponse.status_code == 302 and "/se-connecter/" in reponse["Location"], nom
        elif identite in REDACTEURS or (identite in LECTEURS and nom in LECTURE):
            assert reponse.status_code == 200, (identite, nom)
        else:
            assert reponse.status_code == 403, (identite, nom)


@pytest.mark.parametrize("identite", ["anonyme", *sorted(set(IDENTITES) - REDACTEURS)])
def test_aucune_ecriture_sans_droit(client, objets, identite):
    """Every POST of a non-writer is refused and writes nothing (the pilot included)."""
    e, site = objets
    if identite != "anonyme":
        client.force_login(compte(identite))
    donnees = {"etat-etat": Etat.EN_STOCK, "etat-date": "2025-02-01", "reforme-date": "2025-02-01",
               "nom": "Piraté", "type": "portable", "numero_inventaire": "X1", "genre": "site",
               "voie": "don", "intervention-genre": "reparation", "intervention-date": "2025-02-01"}  # fmt: skip
    for nom in ECRITURE_POST:
        reponse = client.post(_adresse(nom, e, site), donnees)
        attendu = 302 if identite == "anonyme" else 403
        assert reponse.status_code == attendu, (identite, nom)
    e.refresh_from_db()
    site.refresh_from_db()
    assert e.etat == Etat.REFORME and e.evenements.count() == 0
    assert Equipement.objects.count() == 1 and site.nom == "Direction des finances"


def test_le_pilote_voit_la_fiche_sans_les_actions(client, objets):
    e, _ = objets
    client.force_login(compte("pilote"))
    page = client.get(reverse("espace:parc_equipement", kwargs={"pk": e.pk})).content.decode()
    assert "Consultation seule" in page and "Étapes du cycle de vie" not in page
    assert reverse("espace:parc_equipement_modifier", kwargs={"pk": e.pk}) not in page
    liste = client.get(reverse("espace:parc")).content.decode()
    assert reverse("espace:parc_equipement_nouveau") not in liste


def test_actions_en_get_refusees(client, informatique, objets):
    e, _ = objets
    for nom in ("parc_equipement_etat", "parc_equipement_reformer", "parc_equipement_preuve",
                "parc_equipement_annuler_sortie", "parc_equipement_intervention"):  # fmt: skip
        assert client.get(reverse(f"espace:{nom}", kwargs={"pk": e.pk})).status_code == 405


def test_equipement_inconnu_404(client, informatique):
    assert client.get(reverse("espace:parc_equipement", kwargs={"pk": 999})).status_code == 404
    assert client.post(reverse("espace:parc_equipement_reformer", kwargs={"pk": 999}),
                       {"reforme-date": "2025-01-01"}).status_code == 404  # fmt: skip


def test_navigation_ne_montre_que_les_modules_ouverts(client, objets):
    equipement_sorti(date(2024, 1, 1), date(2024, 2, 1))
    client.force_login(compte("pilote"))
    page = client.get(reverse("espace:parc")).content.decode()
    nav = page.split('aria-label="Parc informatique"')[1].split("</nav>")[0]
    assert "Inventaire" in nav and "Sites" in nav
    assert "Importer un inventaire" not in nav and "Dons de matériel" not in nav
    client.force_login(compte("informatique"))
    nav = client.get(reverse("espace:parc")).content.decode().split(
        'aria-label="Parc informatique"')[1].split("</nav>")[0]  # fmt: skip
    assert "Inventaire" in nav and 'aria-current="page">Inventaire' in nav
