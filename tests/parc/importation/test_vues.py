"""Agent space › Parc › Importer un inventaire: who opens the pages (module « parc_import »:
the IT service and administrators), the upload (dry run by default, then for real), the
template download, and the tables of statuses and types edited on their page."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sun.comptes.roles import Role
from sun.parc.models import CorrespondanceStatut, CorrespondanceType, Equipement
from tests.parc.importation.outils import ENTETE_FR, ecrire_glpi, ligne_fr

pytestmark = pytest.mark.django_db
PAGES = ("espace:parc_importer", "espace:parc_modele_csv", "espace:parc_correspondances")


@pytest.mark.parametrize(
    ("role", "attendu"),
    [(None, 403), (Role.AGENT, 403), (Role.MEDIATEUR, 403), (Role.PILOTE, 403),
     (Role.INSTRUCTEUR, 403), (Role.COMMUNE, 403), (Role.PARTENAIRE, 403),
     (Role.ADMINISTRATEUR, 200), (Role.INFORMATIQUE, 200)],
)  # fmt: skip
def test_roles(client, utilisateur_avec_role, role, attendu):
    client.force_login(utilisateur_avec_role(*([role] if role else [])))
    for page in PAGES:
        assert client.get(reverse(page)).status_code == attendu, page


def test_anonyme_vers_la_connexion(client):
    for page in PAGES:
        reponse = client.get(reverse(page))
        assert reponse.status_code == 302 and reponse["Location"].startswith("/se-connecter/")


def _envoyer(client, tmp_path, lignes, **champs):
    chemin = ecrire_glpi(tmp_path / "glpi.csv", lignes, ENTETE_FR)
    envoye = SimpleUploadedFile("glpi.csv", chemin.read_bytes(), content_type="text/csv")
    return client.post(reverse("espace:parc_importer"), {"fichier": envoye, **champs})


def test_televersement_essai_puis_import(client, utilisateur_avec_role, tmp_path):
    client.force_login(utilisateur_avec_role(Role.INFORMATIQUE))
    lignes = [ligne_fr(n=1), ligne_fr(n=2, Statut="En prêt"), ligne_fr(n=3, Type="Borne")]
    reponse = _envoyer(client, tmp_path, lignes, essai="on")
    contenu = reponse.content.decode()
    assert reponse.status_code == 200 and "essai à blanc" in contenu
    assert "À faire correspondre" in contenu and "statut=En%20pr%C3%AAt" in contenu
    assert not Equipement.objects.exists()
    reponse = _envoyer(client, tmp_path, lignes, types_autre="on")
    assert reponse.status_code == 200 and "Import enregistré" in reponse.content.decode()
    assert set(Equipement.objects.values_list("type", flat=True)) == {"poste_fixe", "autre"}


def test_fichier_refuse_message_en_francais(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    envoye = SimpleUploadedFile("x.csv", b"a;b\n1;2\n", content_type="text/csv")
    reponse = client.post(reverse("espace:parc_importer"), {"fichier": envoye})
    assert reponse.status_code == 400
    assert "Colonnes non reconnues" in reponse.content.decode() and not Equipement.objects.exists()


def test_modele_telecharge(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.INFORMATIQUE))
    reponse = client.get(reverse("espace:parc_modele_csv"))
    assert reponse["Content-Disposition"].startswith("attachment")
    assert reponse.content.startswith("\ufeffnumero_inventaire;".encode())


def test_correspondances_modifiees(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.INFORMATIQUE))
    url = reverse("espace:parc_correspondances")
    reponse = client.post(url, {"action": "statut", "statut-source": "GLPI",
                                "statut-statut_source": "En prêt", "statut-etat": "en_service"})  # fmt: skip
    assert reponse.status_code == 302
    assert CorrespondanceStatut.objects.get(statut_source="En prêt").etat == "en_service"
    # « sorti » needs its route: refused with the reason, nothing written.
    reponse = client.post(url, {"action": "statut", "statut-source": "GLPI",
                                "statut-statut_source": "Vendu", "statut-etat": "sorti"})  # fmt: skip
    assert reponse.status_code == 400 and "par quelle voie" in reponse.content.decode()
    assert not CorrespondanceStatut.objects.filter(statut_source="Vendu").exists()
    client.post(url, {"action": "type", "type-source": "GLPI", "type-type_source": "Borne*",
                      "type-type": "autre"})  # fmt: skip
    type_ = CorrespondanceType.objects.get(type_source="Borne*")
    page = client.get(url + "?source=GLPI&statut=Perdu").content.decode()
    assert "Borne*" in page and 'value="Perdu"' in page
    client.post(url, {"action": "retirer_type", "pk": type_.pk})
    assert not CorrespondanceType.objects.exists()


def test_le_service_informatique_telecharge_le_rapport_de_son_import(
    client, utilisateur_avec_role, tmp_path, settings
):
    """The IT service does not open the journal of every import, but gets the full CSV of
    the lines its own import refused, from its import page."""
    settings.VAR_DIR = tmp_path / "var"
    client.force_login(utilisateur_avec_role(Role.INFORMATIQUE))
    lignes = [ligne_fr(n=1), ligne_fr(n=2, Statut="En prêt")]
    contenu = _envoyer(client, tmp_path, lignes).content.decode()
    assert "/espace/imports/" not in contenu  # the journal is not theirs: no link to it
    lien = re.search(r"/espace/parc/importer/\d+/rapport\.csv", contenu).group(0)
    reponse = client.get(lien)
    assert reponse.status_code == 200
    assert reponse.content.startswith(b"\xef\xbb\xbf") and "En prêt" in reponse.content.decode()
