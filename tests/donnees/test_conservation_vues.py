"""The retention pages per role: anonymous → login, roles outside the module or the action →
403; the archivist's visa and receipt; the purge page's dry run writes nothing; the CLI."""

import pytest
from django.urls import reverse

from sun.cli import main
from sun.comptes.roles import Role
from sun.donnees.conservation import services
from sun.donnees.conservation.purge import purger
from sun.donnees.models import BordereauElimination, ExecutionPurge, RegleConservation, Versement
from tests.donnees.fabriques_conservation import base_ancienne

pytestmark = pytest.mark.django_db


@pytest.fixture
def donnees(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    services.charger_defauts()
    base_ancienne()
    purger(essai=False)
    return {"b": BordereauElimination.objects.get(type_enregistrement="qualite.appel"),
            "v": Versement.objects.get(type_enregistrement="core.journalimport"),
            "r": RegleConservation.objects.get(code="SUN-QUA-APP")}  # fmt: skip


def _urls(d):
    return {
        "donnees_conservation": reverse("espace:donnees_conservation"),
        "donnees_regle_modifier": reverse("espace:donnees_regle_modifier", args=[d["r"].pk]),
        "donnees_regles_importer": reverse("espace:donnees_regles_importer"),
        "donnees_regles_csv": reverse("espace:donnees_regles_csv"),
        "donnees_regles_vitam": reverse("espace:donnees_regles_vitam"),
        "donnees_purge": reverse("espace:donnees_purge"),
        "donnees_bordereau": reverse("espace:donnees_bordereau", args=[d["b"].pk]),
        "donnees_versement": reverse("espace:donnees_versement", args=[d["v"].pk]),
        "donnees_versement_zip": reverse("espace:donnees_versement_zip", args=[d["v"].pk]),
    }


LECTURE = {"donnees_conservation", "donnees_regles_csv", "donnees_regles_vitam",
           "donnees_bordereau", "donnees_versement", "donnees_versement_zip"}  # fmt: skip
ATTENDU = {
    Role.PILOTE: LECTURE,
    Role.ARCHIVISTE: LECTURE | {"donnees_regle_modifier", "donnees_regles_importer"},
    Role.ADMINISTRATEUR: LECTURE | {"donnees_regle_modifier", "donnees_regles_importer",
                                    "donnees_purge"},
    Role.AGENT: set(),
}  # fmt: skip


def test_anonyme_renvoye_a_la_connexion(client, donnees):
    for nom, url in _urls(donnees).items():
        r = client.get(url)
        assert r.status_code == 302 and "/se-connecter/" in r["Location"], nom


@pytest.mark.parametrize("role", list(ATTENDU))
def test_pages_par_role(client, donnees, utilisateur_avec_role, role):
    client.force_login(utilisateur_avec_role(role))
    for nom, url in _urls(donnees).items():
        attendu = 200 if nom in ATTENDU[role] else 403
        assert client.get(url).status_code == attendu, (role, nom)


def test_accueil_et_purge_a_blanc(client, donnees, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    page = client.get(reverse("espace:donnees_conservation")).content.decode()
    assert "SUN-QUA-APP" in page and donnees["b"].numero in page and donnees["v"].numero in page
    assert "SUN_RELATION" not in page and "SUN_CONNEXION" not in page and "--essai" not in page
    n = ExecutionPurge.objects.count()
    essai = client.get(reverse("espace:donnees_purge"))
    assert essai.status_code == 200 and ExecutionPurge.objects.count() == n
    assert "rien n&#x27;a été écrit" in essai.content.decode()
    assert client.post(reverse("espace:donnees_purge")).status_code == 302
    assert ExecutionPurge.objects.count() == n + 1


def test_visa_par_l_archiviste_seulement(client, donnees, utilisateur_avec_role):
    url = reverse("espace:donnees_bordereau", args=[donnees["b"].pk])
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    assert "Viser" not in client.get(url).content.decode()
    assert client.post(url, {"action": "viser"}).status_code == 403
    client.force_login(utilisateur_avec_role(Role.ARCHIVISTE))
    assert client.post(url, {"action": "refuser", "refus-motif": ""}).status_code == 400
    assert client.post(url, {"action": "viser"}).status_code == 302
    assert BordereauElimination.objects.get(pk=donnees["b"].pk).statut == "vise"
    assert client.post(url, {"action": "viser"}).status_code == 400  # not twice
    v = reverse("espace:donnees_versement", args=[donnees["v"].pk])
    assert client.post(v, {"action": "recu"}).status_code == 302
    assert Versement.objects.get(pk=donnees["v"].pk).statut == "recu"


def test_bordereau_pdf(client, donnees, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.ARCHIVISTE))
    r = client.get(reverse("espace:donnees_bordereau_pdf", args=[donnees["b"].pk]))
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    from sun.donnees.conservation.bordereau import html

    texte = html(donnees["b"])
    assert "L212-2" in texte and "R212-14" in texte and "L214-3" in texte
    assert "Visa du directeur" in texte and "Relevés d&#x27;appels téléphoniques" in texte


def test_modifier_et_importer_par_la_page(client, donnees, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.ARCHIVISTE))
    url = reverse("espace:donnees_regle_modifier", args=[donnees["r"].pk])
    r = donnees["r"]
    champs = {"typologie": r.typologie, "type_enregistrement": r.type_enregistrement,
              "dua_valeur": "-2", "dua_unite": "annees", "point_depart": "creation",
              "sort_final": "D", "rgpd_valeur": "12", "rgpd_unite": "mois"}  # fmt: skip
    refus = client.post(url, champs)
    assert refus.status_code == 400 and "négative" in refus.content.decode()
    assert RegleConservation.objects.get(pk=r.pk).dua_valeur == 2
    assert client.post(url, {**champs, "dua_valeur": "3"}).status_code == 302
    assert RegleConservation.objects.get(pk=r.pk).dua_valeur == 3
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sun.donnees.conservation.regles import COLONNES

    mauvais = (",".join(COLONNES) + "\nX,qualite.appel,T,,,-1,annees,creation,D,,,,,,,,\n").encode()
    page = client.post(reverse("espace:donnees_regles_importer"),
                       {"fichier": SimpleUploadedFile("t.csv", mauvais)})  # fmt: skip
    assert page.status_code == 400 and "Ligne 2" in page.content.decode()
    assert not RegleConservation.objects.filter(code="X").exists()


def test_cli(donnees, capsys, tmp_path):
    assert main(["donnees", "purger", "--essai"]) == 0
    sortie = capsys.readouterr().out
    assert "ESSAI, rien n'a été écrit" in sortie and "Relevés d'appels" in sortie
    assert main(["donnees", "conservation", "defauts"]) == 0
    assert "inchangée" in capsys.readouterr().out
    fichier = tmp_path / "tdg.csv"
    assert main(["donnees", "conservation", "exporter", str(fichier)]) == 0
    assert main(["donnees", "conservation", "importer", str(fichier)]) == 0
    assert main(["donnees", "conservation", "exporter", str(fichier), "--vitam"]) == 0
    assert fichier.read_text().startswith("RuleId,RuleType")
    assert main(["donnees", "conservation", "importer", str(fichier)]) == 3
    assert "colonnes obligatoires" in capsys.readouterr().out
    assert main(["donnees", "purger"]) == 0
    assert "proposé(s) à l'élimination" in capsys.readouterr().out


def test_tache_quotidienne_declaree(donnees):
    from sun.core.taches import quotidien
    from sun.donnees.conservation import tasks

    assert "donnees.purger" in {t.code for t in quotidien.toutes()}
    assert "anonymisé" in tasks.purger_chaque_jour()
