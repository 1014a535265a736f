"""Importing the fragility index from the agent space: same importers' roles as the other
imports, the pipeline's report, the département filter, a dry run that writes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sun.comptes.roles import Role
from sun.core.models import JournalImport
from sun.inclusion.models import IndiceFragilite
from tests.outils import texte

pytestmark = pytest.mark.django_db
URL = "/espace/couverture/fragilite/importer/"
ENTETE = "name,division,code,no_thd_coverage_rate,no_4g_coverage_rate,poverty_rate,older_65_rate,nscol15p_rate,total\n"
CONTENU = (
    ENTETE + "Limoux,city,11206,2,3,8,7,6,5.2\n"
    "Axat,city,11021,9,8,7,9,8,8.2\n"
    "Vide,city,11001,,3,8,7,6,5.2\n"
    "L'Abergement-Clémenciat,city,01001,10,7,2,5,6,6\n"
    "CC du Limouxin,epci,200071926,7,7,6.8,8.2,5.9,6.98\n"
)


def _envoi(**options):
    fichier = SimpleUploadedFile("ifn-2025.csv", CONTENU.encode(), content_type="text/csv")
    return {"fichier": fichier, "source": "La MedNum, édition 2025", **options}


@pytest.mark.parametrize("role", [Role.MEDIATEUR, Role.PILOTE])
def test_reserve_a_ceux_qui_importent(client, utilisateur_avec_role, role):
    client.force_login(utilisateur_avec_role(role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, _envoi()).status_code == 403
    assert IndiceFragilite.objects.count() == 0


def test_essai_puis_import_du_departement(client, utilisateur_avec_role, settings):
    settings.SUN_DEPARTEMENT = "11"
    agent = utilisateur_avec_role(Role.AGENT)
    client.force_login(agent)
    page = texte(client.get(URL))
    assert "Aucun indice chargé pour les communes du département" in page
    page = texte(client.post(URL, _envoi(essai="on", departement_seul="on")))
    assert "Résultat de l'essai à blanc (rien n'a été enregistré)" in page
    assert IndiceFragilite.objects.count() == 0
    page = texte(client.post(URL, _envoi(departement_seul="on")))
    assert "Nouveaux : 3" in page and "refusées : 1" in page
    assert "Lignes hors du département 11 (non lues) : 1" in page
    assert "no_thd_coverage_rate" in page and "nombre attendu" in page  # the refused line
    assert set(IndiceFragilite.objects.values_list("code", flat=True)) == {
        "11206", "11021", "200071926"
    }  # fmt: skip
    assert IndiceFragilite.objects.get(code="11206").source == "La MedNum, édition 2025"
    journal = JournalImport.objects.filter(genre="ifn").first()
    assert journal.auteur == agent and journal.fichier == "ifn-2025.csv"
    page = texte(client.get(URL))
    assert "2 communes sur" in page and "1 EPCI" in page and "La MedNum, édition 2025" in page


def test_tout_le_fichier_et_fichier_refuse(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    texte(client.post(URL, _envoi()))
    assert IndiceFragilite.objects.filter(code="01001").exists()  # another département
    mauvais = SimpleUploadedFile("ifn.csv", b"nom,code\nLimoux,11206\n", content_type="text/csv")
    page = texte(client.post(URL, {"fichier": mauvais}))
    assert "Colonnes absentes" in page and "Rien n'a été enregistré." in page


def test_lien_depuis_la_couverture(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    assert URL in texte(client.get("/espace/couverture/"))
    client.force_login(utilisateur_avec_role(Role.MEDIATEUR, identifiant="mediatrice"))
    assert URL not in texte(client.get("/espace/couverture/"))


def test_l_import_passe_par_le_service_des_taches(client, utilisateur_avec_role):
    from sun.core.taches.models import Tache

    client.force_login(utilisateur_avec_role(Role.AGENT))
    client.post(URL, _envoi(departement_seul="on"))
    tache = Tache.objects.get(genre="ifn")
    assert tache.etat == Tache.Etat.TERMINEE and tache.fichier == "ifn-2025.csv"
    assert tache.options["departement"] == "11"
    page = texte(client.get(f"{URL}?tache={tache.pk}"))
    assert "Nouveaux : 3" in page
