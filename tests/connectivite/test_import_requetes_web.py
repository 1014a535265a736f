"""Imports of connectivity files: constant number of queries, the agent-space pages (roles,
upload, report), the commands and the demonstration data."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sun.comptes.roles import Role
from sun.connectivite.importation.demo import charger_demo
from sun.connectivite.importation.services import importer_fichier
from sun.connectivite.models import CalendrierCuivre, Edition, MeilleureTechnoCommune
from tests.connectivite import outils_import as o

pytestmark = pytest.mark.django_db


def _requetes(fonction) -> int:
    with CaptureQueriesContext(connection) as requetes:
        fonction()
    return len(requetes)


def test_requetes_constantes(tmp_path):
    petit = o.meilleure(tmp_path, [o.ligne_meilleure(f"11{i:03d}") for i in range(1, 4)], "p.csv")
    grand = o.meilleure(tmp_path, [o.ligne_meilleure(f"11{i:03d}", jour="2025-12-31")
                                   for i in range(1, 300)], "g.csv")  # fmt: skip
    assert _requetes(lambda: importer_fichier(petit)) == _requetes(lambda: importer_fichier(grand))
    # Re-importing (everything unchanged, absent rows looked for) stays constant too.
    assert _requetes(lambda: importer_fichier(petit)) == _requetes(lambda: importer_fichier(grand))


def test_requetes_constantes_ftth(tmp_path):
    t = ["T4 2024", "T1 2025", "T2 2025", "T3 2025"]
    serie = [1, 2, 3, 4]
    petit = o.ftth(tmp_path, [(f"11{i:03d}", 10, serie) for i in range(1, 3)], t, nom="a.xlsx")
    grand = o.ftth(tmp_path, [(f"11{i:03d}", 10, serie) for i in range(1, 200)], [*t[1:], "T4 2025"],
                   nom="b.xlsx")  # fmt: skip
    assert _requetes(lambda: importer_fichier(petit)) == _requetes(lambda: importer_fichier(grand))
    assert _requetes(lambda: importer_fichier(petit)) == _requetes(lambda: importer_fichier(grand))


@pytest.mark.parametrize(("role", "apercu", "importer"), [
    (None, 302, 302), ("sans", 403, 403), (Role.AGENT, 200, 200), (Role.MEDIATEUR, 403, 403),
    (Role.PILOTE, 200, 403), (Role.INSTRUCTEUR, 403, 403), (Role.ADMINISTRATEUR, 200, 200),
    (Role.COMMUNE, 403, 403), (Role.PARTENAIRE, 403, 403),
])  # fmt: skip
def test_roles(client, utilisateur_avec_role, django_user_model, role, apercu, importer):
    if role == "sans":
        client.force_login(django_user_model.objects.create_user("sans-role", password="x"))
    elif role is not None:
        client.force_login(utilisateur_avec_role(role))
    assert client.get(reverse("espace:connectivite")).status_code == apercu
    assert client.get(reverse("espace:connectivite_importer")).status_code == importer


def test_televersement_et_rapport(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    envoi = SimpleUploadedFile("commune_meilleure_techno_thd.csv", o.MEILLEURE.read_bytes())
    reponse = client.post(reverse("espace:connectivite_importer"),
                          {"fichier": envoi, "tous": "on"})  # fmt: skip
    assert reponse.status_code == 200
    assert "Import enregistré" in reponse.content.decode()
    assert MeilleureTechnoCommune.objects.count() == 6
    apercu = client.get(reverse("espace:connectivite")).content.decode()
    assert "31/03/2026" in apercu and "Toute la France" in apercu


def test_televersement_refuse_message_clair(client, utilisateur_avec_role, tmp_path):
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    chemin = o.gouv(tmp_path, [["11069", "3", "2026-01-31", "2027-01-31"]])
    envoi = SimpleUploadedFile("fermeture-reseau-cuivre.csv", chemin.read_bytes())
    reponse = client.post(reverse("espace:connectivite_importer"), {"fichier": envoi})
    assert reponse.status_code == 400
    assert "Date d&#x27;édition inconnue" in reponse.content.decode()
    assert not Edition.objects.exists()


def test_demo_idempotente(settings):
    settings.SUN_DEPARTEMENT = "11"
    premiers = charger_demo()
    assert premiers and all(r.nouveaux for r in premiers)
    assert Edition.objects.filter(demonstration=False).count() == 0
    assert CalendrierCuivre.objects.get(code_insee="11203").lot == "3"
    seconds = charger_demo()
    assert all(r.nouveaux == r.modifies == r.disparus == 0 for r in seconds)


def test_commandes(tmp_path, capsys):
    from sun.cli import main

    assert main(["connectivite", "importer", str(o.MEILLEURE), "--tous"]) == 0
    assert "Nouveaux : 6" in capsys.readouterr().out
    assert main(["connectivite", "editions"]) == 0
    assert "toute la France — 6 lignes" in capsys.readouterr().out
    assert main(["connectivite", "importer", str(o.MEILLEURE), "--type", "mobile"]) == 3
