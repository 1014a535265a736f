"""The pages of the wing « taux » per role, the purchase form, the CSV exports and the public
page « Numérique responsable » (figures only: no item, no serial number)."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from sun.comptes.roles import Role
from sun.parc.models import AchatLigne, StockReforme
from tests.parc.factories import EquipementFactory
from tests.parc.taux.outils import exemple_des_notes, lot

pytestmark = pytest.mark.django_db
SIRET = "22110001700016"
LECTURE = ["espace:parc_taux", "espace:parc_achats", "espace:parc_taux_csv"]


def _client(client, utilisateur_avec_role, *roles):
    if roles != (None,):
        client.force_login(utilisateur_avec_role(*roles))
    return client


@pytest.mark.parametrize("roles, lecture, ecriture", [
    ((None,), 302, 302),
    ((), 403, 403),
    ((Role.AGENT,), 403, 403),
    ((Role.MEDIATEUR,), 403, 403),
    ((Role.INSTRUCTEUR,), 403, 403),
    ((Role.COMMUNE,), 403, 403),
    ((Role.PILOTE,), 200, 403),
    ((Role.INFORMATIQUE,), 200, 200),
    ((Role.ADMINISTRATEUR,), 200, 200),
])  # fmt: skip
def test_qui_lit_et_qui_ecrit(client, utilisateur_avec_role, roles, lecture, ecriture):
    c = _client(client, utilisateur_avec_role, *roles)
    for nom in LECTURE:
        assert c.get(reverse(nom)).status_code == lecture, nom
    assert c.get(reverse("espace:parc_taux_annee", kwargs={"annee": 2025})).status_code == lecture
    assert c.get(reverse("espace:parc_achat_nouveau")).status_code == ecriture
    reponse = c.post(reverse("espace:parc_taux_figer"), {"annee": "2025"})
    assert reponse.status_code == (302 if ecriture == 200 else ecriture)
    assert StockReforme.objects.filter(annee=2025).exists() == (ecriture == 200)


def test_la_page_de_l_annee_dit_la_regle_les_chiffres_et_les_listes(client, utilisateur_avec_role):
    exemple_des_notes()
    c = _client(client, utilisateur_avec_role, Role.PILOTE)
    page = c.get(reverse("espace:parc_taux_annee", kwargs={"annee": 2025})).content.decode()
    assert "Décret n° 2023-266" in page and "62,5 %" in page
    assert "Derrière A : 250 équipements" in page and "Derrière B : 400 équipements" in page
    assert "Plus de dix ans à la date de réforme" in page
    assert "Inventaire et sorties tenus dans SUN" in page and "non figé" in page
    assert "SERIE-SECRETE" not in page
    assert "Figer le stock" not in page  # a pilot reads, does not freeze
    accueil = c.get(reverse("espace:parc_taux")).content.decode()
    assert "62,5 %" in accueil and "+12,5 points (atteint)" in accueil


def test_une_annee_hors_periode_est_introuvable(client, utilisateur_avec_role):
    c = _client(client, utilisateur_avec_role, Role.INFORMATIQUE)
    annee = timezone.localdate().year + 1
    assert c.get(reverse("espace:parc_taux_annee", kwargs={"annee": annee})).status_code == 404


def test_l_export_des_taux_une_ligne_par_annee(client, utilisateur_avec_role):
    exemple_des_notes()
    c = _client(client, utilisateur_avec_role, Role.INFORMATIQUE)
    texte = c.get(reverse("espace:parc_taux_csv")).content.decode("utf-8-sig")
    rangs = {r[0]: r for r in csv.reader(io.StringIO(texte), delimiter=";")}
    assert rangs["annee"][:5] == ["annee", "a_orientes_reemploi", "b_stock_1er_janvier",
                                  "taux_pct", "objectif_pct"]  # fmt: skip
    assert rangs["2025"][1:5] == ["250", "400", "62.5", "50"]


def test_enregistrer_un_achat_et_refuser_un_montant_negatif(client, utilisateur_avec_role):
    c = _client(client, utilisateur_avec_role, Role.INFORMATIQUE)
    donnees = {"date": "2025-05-02", "categorie": "informatique", "libelle": "Portables "
               "reconditionnés", "montant_ht": "-300", "issu_reemploi": "on"}  # fmt: skip
    reponse = c.post(reverse("espace:parc_achat_nouveau"), donnees)
    assert reponse.status_code == 400
    assert "ne peut pas être négatif" in reponse.content.decode()
    assert not AchatLigne.objects.exists()
    reponse = c.post(reverse("espace:parc_achat_nouveau"), donnees | {"montant_ht": "2 400,00"})
    assert reponse.status_code == 302
    page = c.get(reponse["Location"]).content.decode()
    assert "Portables reconditionnés" in page and "100,0 %" in page


def test_la_declaration_refusee_sans_siret_puis_servie(client, utilisateur_avec_role, settings):
    c = _client(client, utilisateur_avec_role, Role.ADMINISTRATEUR)
    settings.SUN_PARC_SIRET, settings.SUN_PARC_RAISON_SOCIALE = "", "Département de l'Aude"
    url = reverse("espace:parc_declaration_csv", kwargs={"annee": 2025})
    reponse = c.get(url, follow=True)
    assert "SUN_PARC_SIRET" in reponse.content.decode()
    assert reponse.redirect_chain and "annee=2025" in reponse.redirect_chain[0][0]
    settings.SUN_PARC_SIRET = SIRET
    reponse = c.get(url)
    assert reponse["Content-Type"].startswith("text/csv")
    assert reponse.content.decode().startswith("annee,siret,raison_sociale,type_produit_acquis")


def test_la_page_publique_sans_liste_ni_numero(client):
    lot(3, acquisition=date(2021, 5, 1))
    exemple_des_notes()
    EquipementFactory(numero_serie="SERIE-SECRETE-X", type="ecran", date_acquisition=None)
    reponse = client.get(reverse("numerique_responsable"))
    assert reponse.status_code == 200
    page = reponse.content.decode()
    assert "Le parc en chiffres" in page and "<svg" in page
    assert "Décret n° 2023-266" in page and "décret n° 2024-134" in page
    assert "SERIE-SECRETE" not in page and "T000" not in page and "PC-" not in page
    assert "données de démonstration" not in page


def test_la_page_publique_montre_la_demonstration_etiquetee(client):
    lot(4, demonstration=True)
    page = client.get(reverse("numerique_responsable")).content.decode()
    assert "données de démonstration" in page and "<strong>4</strong> équipements" in page


def test_la_page_publique_sans_inventaire(client):
    page = client.get(reverse("numerique_responsable")).content.decode()
    assert "Aucun équipement n'est encore enregistré" in page


def test_la_page_publique_calculee_une_fois_par_version(client, monkeypatch):
    from sun.web.views.parc import taux_public

    appels, originale = [], taux_public.pages.parc_public

    def espion(*args, **kwargs):
        appels.append(1)
        return originale(*args, **kwargs)

    monkeypatch.setattr(taux_public.pages, "parc_public", espion)
    for _ in range(3):
        assert client.get(reverse("numerique_responsable")).status_code == 200
    assert len(appels) == 1
    lot(1)  # a new item: the fleet's version changes
    assert client.get(reverse("numerique_responsable")).status_code == 200
    assert len(appels) == 2
