"""The guard of the pipeline: an import that would close or refuse too much writes nothing
until the operator confirms it (CLI --confirmer-fermetures, confirmation step in the space)."""

import json
from pathlib import Path

import pytest

from sun.cli import main
from sun.comptes.roles import Role
from sun.core.imports import ConfirmationRequise
from sun.core.models import JournalImport
from sun.inclusion.lieux.importation import correspondance
from sun.inclusion.lieux.services import importer_lieux
from sun.inclusion.models import Lieu
from tests.inclusion.outils import ecrire_csv, lieu_v1

pytestmark = pytest.mark.django_db


def _six_lieux(tmp_path):
    lignes = [lieu_v1(id=f"l{i}", nom=f"Espace numérique {nom}", adresse=f"{i} rue Haute")
              for i, nom in enumerate(["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"])]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "a.csv", lignes), "Hub test")
    return lignes


def test_fermer_plus_que_le_seuil_demande_une_confirmation(tmp_path):
    lignes = _six_lieux(tmp_path)
    fichier = ecrire_csv(tmp_path / "b.csv", lignes[:2])  # 4 of 6 would close
    with pytest.raises(ConfirmationRequise) as arret:
        importer_lieux(fichier, "Hub test")
    assert len(arret.value.a_fermer) == 4 and "4 enregistrements" in str(arret.value)
    assert Lieu.objects.filter(statut=Lieu.Statut.ACTIF).count() == 6  # nothing written
    journal = JournalImport.objects.first()
    assert journal.statut == JournalImport.Statut.A_CONFIRMER and journal.compteurs["disparus"] == 4
    essai = importer_lieux(fichier, "Hub test", essai=True)  # a dry run says it, never stops
    assert essai.confirmation and "demandera une confirmation" in "\n".join(essai.lignes())
    rapport = importer_lieux(fichier, "Hub test", confirmer=True)
    assert rapport.disparus == 4 and Lieu.objects.filter(statut=Lieu.Statut.FERME).count() == 4


def test_fermer_sous_le_seuil_passe(tmp_path):
    lignes = _six_lieux(tmp_path)
    rapport = importer_lieux(ecrire_csv(tmp_path / "b.csv", lignes[:5]), "Hub test")
    assert rapport.disparus == 1 and not rapport.confirmation


def test_correspondance_avec_une_faute_ne_ferme_rien(tmp_path, capsys):
    lignes = _six_lieux(tmp_path)
    fichier = ecrire_csv(tmp_path / "b.csv", lignes)
    yaml = tmp_path / "hub.yaml"
    yaml.write_text("format: v1\ncolonnes:\n  nom: Nomm\n", encoding="utf-8")
    code = main(["lieux", "importer", str(fichier), "--source", "Hub test",
                 "--correspondance", str(yaml)])  # fmt: skip
    assert code == 3 and "Colonnes absentes du fichier : Nomm" in capsys.readouterr().err
    assert Lieu.objects.filter(statut=Lieu.Statut.ACTIF).count() == 6


def test_json_sans_la_colonne_nommee_est_refuse(tmp_path):
    lignes = _six_lieux(tmp_path)
    fichier = tmp_path / "b.json"
    fichier.write_text(json.dumps(lignes), encoding="utf-8")
    mapping = correspondance.depuis_dict({"format": "v1", "colonnes": {"nom": "Nomm"}})
    with pytest.raises(Exception, match="Colonnes absentes du fichier : Nomm"):
        importer_lieux(fichier, "Hub test", mapping=mapping)
    assert Lieu.objects.filter(statut=Lieu.Statut.ACTIF).count() == 6


def test_trop_de_lignes_refusees_en_ligne_de_commande(tmp_path, capsys):
    lignes = [lieu_v1(id=f"x{i}", nom="") for i in range(12)] + [lieu_v1(id="ok")]
    fichier = ecrire_csv(tmp_path / "b.csv", lignes)
    code = main(["lieux", "importer", str(fichier), "--source", "Hub test"])
    erreur = capsys.readouterr().err
    assert (
        code == 3 and "12 lignes refusées sur 13" in erreur and "--confirmer-fermetures" in erreur
    )
    assert not Lieu.objects.exists()
    assert main(["lieux", "importer", str(fichier), "--source", "Hub test",
                 "--confirmer-fermetures"]) == 0  # fmt: skip
    assert Lieu.objects.count() == 1


def test_la_garde_protege_les_autres_importeurs(tmp_path):
    from sun.inclusion.analyses.ifn import importer

    fichier = tmp_path / "ifn.csv"
    lignes = ["name,division,code,no_thd_coverage_rate,no_4g_coverage_rate,poverty_rate,"
              "older_65_rate,nscol15p_rate,total"]  # fmt: skip
    lignes += [f"X,planete,{i},1,1,1,1,1,1" for i in range(11)] + ["Y,city,11069,1,1,1,1,1,1"]
    fichier.write_text("\n".join(lignes), encoding="utf-8")
    with pytest.raises(ConfirmationRequise):
        importer(fichier)
    assert importer(fichier, confirmer=True).nouveaux == 1


def test_confirmation_dans_l_espace_agents(client, tmp_path, utilisateur_avec_role):
    lignes = _six_lieux(tmp_path)
    client.force_login(utilisateur_avec_role(Role.AGENT))
    envoi = {"source": "Hub test", "fichier": ecrire_csv(tmp_path / "b.csv", lignes[:1]).open("rb")}
    page = client.post("/espace/lieux/importer/", envoi)
    contenu = page.content.decode()
    assert "Import arrêté : confirmation nécessaire" in contenu
    assert "Espace numérique Foxtrot" in contenu  # the list of what would close
    assert Lieu.objects.filter(statut=Lieu.Statut.FERME).count() == 0
    jeton = page.context["arret"]["jeton"]
    page = client.post(
        "/espace/lieux/importer/confirmer/", {"jeton": jeton, "decision": "confirmer"}
    )
    assert "Import enregistré" in page.content.decode()
    assert Lieu.objects.filter(statut=Lieu.Statut.FERME).count() == 5
    # The token is used up: confirming twice does nothing.
    page = client.post(
        "/espace/lieux/importer/confirmer/", {"jeton": jeton, "decision": "confirmer"}
    )
    assert page.status_code == 302


def test_abandon_dans_l_espace_agents(client, tmp_path, utilisateur_avec_role):
    lignes = _six_lieux(tmp_path)
    client.force_login(utilisateur_avec_role(Role.AGENT))
    envoi = {"source": "Hub test", "fichier": ecrire_csv(tmp_path / "b.csv", lignes[:1]).open("rb")}
    jeton = client.post("/espace/lieux/importer/", envoi).context["arret"]["jeton"]
    client.post("/espace/lieux/importer/confirmer/", {"jeton": jeton, "decision": "annuler"})
    assert Lieu.objects.filter(statut=Lieu.Statut.FERME).count() == 0


@pytest.mark.parametrize(("role", "code"), [(Role.MEDIATEUR, 403), (Role.PILOTE, 403)])
def test_confirmation_interdite_sans_le_droit_d_importer(client, role, code, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(role))
    assert client.post("/espace/lieux/importer/confirmer/", {"jeton": "x"}).status_code == code


def test_rapport_d_un_tres_gros_fichier_plafonne(tmp_path, settings):
    settings.SUN_IMPORT_RAPPORT_MAX_LIGNES = 5
    lignes = [lieu_v1(id=f"l{i}", nom=f"Lieu {i}", adresse=f"{i} rue Haute", telephone="12")
              for i in range(9)]  # fmt: skip
    rapport = importer_lieux(ecrire_csv(tmp_path / "a.csv", lignes), "Hub test")
    with open(rapport.chemin_rapport, encoding="utf-8") as f:
        contenu = f.read().splitlines()
    assert len(contenu) == 1 + 5 + 1 and rapport.omises > 0
    assert f"{rapport.omises} autres signalements non écrits" in contenu[-1]
    assert any("limité à 5 lignes" in ligne for ligne in rapport.lignes())


def test_un_echec_n_ecrase_pas_le_rapport_precedent(tmp_path):
    premier = importer_lieux(ecrire_csv(tmp_path / "a.csv", [lieu_v1(telephone="12")]), "Hub test")
    avant = Path(premier.chemin_rapport).read_text(encoding="utf-8")
    (tmp_path / "b.csv").write_bytes(b"\x1f\x8b\x08\x00" + bytes(100))
    with pytest.raises(Exception, match="pas un fichier de données lisible"):
        importer_lieux(tmp_path / "b.csv", "Hub test")
    assert Path(premier.chemin_rapport).read_text(encoding="utf-8") == avant
    assert JournalImport.objects.filter(statut="refuse").first().rapport == ""


def test_confirmation_avec_correspondance_televersee(client, tmp_path, utilisateur_avec_role):
    """The mapping of a stopped import waits with it (in the session) and is used on confirm."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    lignes = _six_lieux(tmp_path)
    client.force_login(utilisateur_avec_role(Role.AGENT))
    yaml = b"format: v1\ndescription: 2024-06-01\ncolonnes:\n  nom: Nom du lieu\n"
    fichier = ecrire_csv(tmp_path / "b.csv", [{**lignes[0], "Nom du lieu": lignes[0]["nom"]}],
                         colonnes=[*lignes[0].keys(), "Nom du lieu"])  # fmt: skip
    envoi = {"source": "Hub test", "fichier": fichier.open("rb"),
             "correspondance": SimpleUploadedFile("hub.yaml", yaml)}  # fmt: skip
    page = client.post("/espace/lieux/importer/", envoi)
    assert page.context["arret"], (page.context["erreur"], page.context["form"].errors)
    jeton = page.context["arret"]["jeton"]
    page = client.post(
        "/espace/lieux/importer/confirmer/", {"jeton": jeton, "decision": "confirmer"}
    )
    assert "Import enregistré" in page.content.decode()
    assert "correspondance hub.yaml" in JournalImport.objects.first().format
