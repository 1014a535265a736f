"""Issue 14: no server error on bad input. A DOS (CP850) CSV is read right; a binary file, NUL
bytes, malformed mapping files and a too deep plan file are refused in French (exit code 3 on
the command line, a form error in the agent space), with their line where there is one."""

import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sun.cli import main
from sun.comptes.roles import Role
from sun.core.imports import Importeur, executer, ouvrir
from sun.core.models import JournalImport
from sun.inclusion.models import Lieu
from tests.outils import texte

pytestmark = pytest.mark.django_db


class Lecteur(Importeur):
    genre, libelle = "essai", "Essai"

    def ecrire(self, valeurs, rapport):
        self.valeurs = valeurs


def test_csv_dos_cp850_lu_correctement(tmp_path):
    chemin = tmp_path / "dos.csv"
    chemin.write_bytes("nom;commune\nÉcole numérique;Limoux\nMédiathèque;Quillan\n".encode("cp850"))
    lecture = ouvrir(chemin)
    assert lecture.format == "CSV (point-virgule, cp850)"
    lecteur = Lecteur()
    executer(lecteur, chemin)
    assert lecteur.valeurs == [{"nom": "École numérique", "commune": "Limoux"},
                               {"nom": "Médiathèque", "commune": "Quillan"}]  # fmt: skip


def test_csv_windows_1252_reste_lu_comme_tel(tmp_path):
    chemin = tmp_path / "w.csv"
    chemin.write_bytes("nom;commune\nÉcole l’Odyssée;Limoux\n".encode("cp1252"))
    assert list(ouvrir(chemin).lignes) == [(2, {"nom": "École l’Odyssée", "commune": "Limoux"})]


@pytest.mark.parametrize("contenu", [
    random.Random(14).randbytes(50_000), b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(5000)])  # fmt: skip
def test_fichier_binaire(tmp_path, capsys, client, utilisateur_avec_role, contenu):
    (tmp_path / "lieux.csv").write_bytes(contenu)
    assert main(["lieux", "importer", str(tmp_path / "lieux.csv"), "--source", "Hub"]) == 3
    erreur = capsys.readouterr().err
    assert "n'est pas un fichier de données lisible" in erreur and "Traceback" not in erreur
    client.force_login(utilisateur_avec_role(Role.AGENT))
    reponse = client.post("/espace/lieux/importer/", {
        "fichier": SimpleUploadedFile("lieux.csv", contenu), "source": "Hub"})  # fmt: skip
    # Refused by the form, before anything is queued: 422 with the reader's message, naming
    # the file the agent chose; the record of imports lists the refusal.
    assert reponse.status_code == 422 and "n'est pas un fichier de données lisible" in texte(
        reponse
    )
    assert "« lieux.csv »" in texte(reponse)
    assert not Lieu.objects.exists()
    refus = JournalImport.objects.filter(
        genre="lieux", auteur__isnull=False
    ).get()  # not the CLI one
    assert refus.statut == JournalImport.Statut.REFUSE and refus.fichier == "lieux.csv"


def test_caractere_nul_au_milieu(tmp_path, capsys):
    """Past the first kilobytes (where a NUL means « binary »): refused with its line, never
    sent to the database (PostgreSQL refuses NUL in any text: run on PostgreSQL too)."""
    from tests.inclusion.outils import ecrire_csv, lieu_v1

    lignes = [lieu_v1(id=f"l{i}", nom=f"Espace {i}") for i in range(200)]
    chemin = ecrire_csv(tmp_path / "l.csv", lignes)
    contenu = chemin.read_bytes().splitlines(keepends=True)
    contenu[150] = contenu[150].replace(b"Espace", b"Esp\x00ace")
    chemin.write_bytes(b"".join(contenu))
    assert main(["lieux", "importer", str(chemin), "--source", "Hub"]) == 3
    erreur = capsys.readouterr().err
    assert "caractère nul (octet 0) ligne 151" in erreur and "Traceback" not in erreur
    assert not Lieu.objects.exists()


def test_caractere_nul_dans_un_json(tmp_path):
    from sun.core.imports import FichierIllisible

    (tmp_path / "a.json").write_text('[{"nom": "A\\u0000B"}]')
    with pytest.raises(FichierIllisible, match="caractère nul"):
        list(ouvrir(tmp_path / "a.json").lignes)


CORRESPONDANCES = {
    "profonde": ("colonnes:\n  nom: " + "[" * 50_000 + "]" * 50_000 + "\n",
                 "(ligne 2) : plus de 64 niveaux d'imbrication"),
    "types": ("source: [1, 2]\ncolonnes: 3\n", "ligne 1 : « source » doit être un texte"),
    "liste": ("colonnes:\n  nom: [Nom, Autre]\n", "ligne 2 : « nom » : un nom de colonne est attendu"),
    "jour": ("champs:\n  horaires:\n    jours: {Mo: Lundi, Xy: Mardi}\n",
             "ligne 3 : horaires : jour « Xy » inconnu"),
    "alias": ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "(ligne 2) : les alias YAML"),
}  # fmt: skip


@pytest.mark.parametrize("cas", CORRESPONDANCES)
def test_correspondance_mal_formee(tmp_path, capsys, client, utilisateur_avec_role, cas):
    yaml_, attendu = CORRESPONDANCES[cas]
    (tmp_path / "c.yaml").write_text(yaml_)
    (tmp_path / "l.csv").write_text("Nom,Ville\nA,Limoux\n")
    assert main(["lieux", "importer", str(tmp_path / "l.csv"), "--correspondance",
                 str(tmp_path / "c.yaml"), "--source", "Hub"]) == 3  # fmt: skip
    erreur = capsys.readouterr().err
    assert attendu in erreur and "Traceback" not in erreur
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    reponse = client.post("/espace/lieux/importer/", {
        "fichier": SimpleUploadedFile("l.csv", b"Nom,Ville\nA,Limoux\n"), "source": "Hub",
        "correspondance": SimpleUploadedFile("c.yaml", yaml_.encode())})  # fmt: skip
    assert reponse.status_code == 422 and attendu in texte(reponse)
    assert not Lieu.objects.exists()


def test_plan_trop_profond(tmp_path, capsys):
    (tmp_path / "plan.yaml").write_text("plan:\n  titre: " + "[" * 100_000 + "]" * 100_000)
    assert main(["pilotage", "importer", str(tmp_path / "plan.yaml")]) == 3
    erreur = capsys.readouterr().err
    assert "ligne 2 : plus de 64 niveaux d'imbrication" in erreur and "Traceback" not in erreur
