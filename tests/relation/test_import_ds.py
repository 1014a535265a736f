"""Démarches Simplifiées: the GraphQL API v2 (a local server speaking it, several pages) and
the CSV export; errors told in French, nothing written."""

import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sun.core.imports import ColonnesManquantes
from sun.core.models import JournalImport
from sun.relation.importation import ds
from sun.relation.importation.reseau import SourceInjoignable
from sun.relation.models import CompteurDemandes, Demande, Evenement
from tests.relation.factories import DemarcheFactory

pytestmark = pytest.mark.django_db
DONNEES = Path(__file__).parent / "donnees"
JOUR = date(2024, 6, 1)
JETON = "jeton-de-test"


def dossier(n: int, **autres) -> dict:
    return {"number": n, "state": "en_construction", "dateDepot": "2024-01-10T10:15:00+01:00",
            "datePassageEnInstruction": None, "dateTraitement": None,
            "datePrevisionnelleDecisionSVASVR": "2024-03-11",
            "usager": {"email": f"u{n}@example.fr"},
            "demandeur": {"nom": "Martin", "prenom": f"Jeanne {n}", "email": None}, **autres}  # fmt: skip


class FauxDs(BaseHTTPRequestHandler):
    dossiers: list[dict] = []
    requetes: list[dict] = []
    panne_page: int | None = None  # this page (1, 2, 3…) answers 500
    reponse: dict | None = None  # a fixed answer (GraphQL errors, truncated…)

    def do_POST(self):
        corps = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FauxDs.requetes.append(corps)
        if self.headers.get("Authorization") != f"Bearer {JETON}":
            return self._envoyer(
                401,
                {"errors": [{"message": "Without a token, only persisted queries are allowed"}]},
            )
        if FauxDs.reponse is not None:
            return self._envoyer(200, FauxDs.reponse)
        apres = corps["variables"].get("apres")
        debut = int(apres[1:]) if apres else 0
        if FauxDs.panne_page == debut // 100 + 1:
            return self._envoyer(500, {"errors": [{"message": "boom"}]})
        noeuds = FauxDs.dossiers[debut : debut + 100]
        suite = debut + 100 < len(FauxDs.dossiers)
        self._envoyer(200, {"data": {"demarche": {"number": 4242, "dossiers": {
            "pageInfo": {"hasNextPage": suite, "endCursor": f"c{debut + 100}" if suite else None},
            "nodes": noeuds}}}})  # fmt: skip

    def _envoyer(self, code, contenu):
        donnees = json.dumps(contenu).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(donnees)))
        self.end_headers()
        self.wfile.write(donnees)

    def log_message(self, *args):
        pass


@pytest.fixture
def faux_ds(settings):
    serveur = ThreadingHTTPServer(("127.0.0.1", 0), FauxDs)
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    FauxDs.dossiers, FauxDs.requetes, FauxDs.panne_page, FauxDs.reponse = [], [], None, None
    settings.SUN_DS_API_URL = f"http://127.0.0.1:{serveur.server_port}/api/v2/graphql"
    settings.SUN_DS_JETON = JETON
    yield settings
    serveur.shutdown()
    serveur.server_close()


@pytest.fixture
def apa():
    return DemarcheFactory(slug="apa", titre="APA à domicile")


def _importer(apa, **options):
    return ds.importer_api(apa, 4242, aujourd_hui=JOUR, **options)


def test_trois_pages_importees_puis_reimport_inchange(faux_ds, apa):
    FauxDs.dossiers = [dossier(n) for n in range(1, 251)]
    FauxDs.dossiers[0] = dossier(1, state="accepte", dateTraitement="2024-02-01T09:00:00+01:00")
    rapport = _importer(apa)
    assert (rapport.lues, rapport.nouveaux, rapport.refusees) == (250, 250, 0)
    assert len(FauxDs.requetes) == 3
    assert [r["variables"]["apres"] for r in FauxDs.requetes] == [None, "c100", "c200"]
    assert (
        "dateDepot" in FauxDs.requetes[0]["query"] and "first: 100" in FauxDs.requetes[0]["query"]
    )
    d = Demande.objects.get(source_externe="demarches_simplifiees", numero_externe="1")
    assert (d.statut, d.canal, d.recue_le, d.decidee_le) == (
        "accepte",
        "en_ligne",
        date(2024, 1, 10),
        date(2024, 2, 1),
    )
    assert d.lien_externe.endswith("/procedures/4242/dossiers/1")
    assert d.usager.nom == "Jeanne 1 Martin" and d.usager.courriel == "u1@example.fr"
    assert d.date_decision_implicite == date(2024, 3, 10) and d.dans_les_temps is True
    assert rapport.avertissements == 0  # DS's date (claimable on 11 March) agrees
    assert sum(c.nombre for c in CompteurDemandes.objects.all()) == 250
    encore = _importer(apa)
    assert (encore.nouveaux, encore.modifies, encore.inchanges) == (0, 0, 250)


def test_changement_d_etat_et_depuis(faux_ds, apa):
    FauxDs.dossiers = [dossier(7)]
    _importer(apa)
    FauxDs.dossiers = [dossier(7, state="en_instruction")]
    rapport = _importer(apa, depuis=date(2024, 5, 1))
    assert rapport.modifies == 1
    assert FauxDs.requetes[-1]["variables"]["depuis"].startswith("2024-05-01T00:00:00")
    evenement = Evenement.objects.get(type=Evenement.Type.IMPORT)
    assert (evenement.de_statut, evenement.vers_statut) == ("en_construction", "en_instruction")


def test_date_ds_un_jour_tot_en_fin_de_mois_est_une_alerte(faux_ds, apa):
    FauxDs.dossiers = [dossier(9, dateDepot="2022-12-30T16:00:00+01:00",
                               datePrevisionnelleDecisionSVASVR="2023-02-28")]  # fmt: skip
    rapport = _importer(apa)
    assert rapport.nouveaux == 1 and rapport.refusees == 0 and rapport.avertissements == 1
    alerte = rapport.lignes_signalees[0]
    assert "28/02/2023" in alerte.raison and "réclamable le 01/03/2023" in alerte.raison


def test_panne_a_la_page_3_rien_n_est_ecrit(faux_ds, apa):
    FauxDs.dossiers = [dossier(n) for n in range(1, 251)]
    FauxDs.panne_page = 3
    with pytest.raises(SourceInjoignable, match="HTTP 500"):
        _importer(apa)
    assert not Demande.objects.exists() and not Evenement.objects.exists()
    journal = JournalImport.objects.filter(genre="relation-demandes").latest("pk")
    assert journal.statut == JournalImport.Statut.REFUSE and "500" in journal.message


def test_mauvais_jeton_erreurs_graphql_et_reponse_tronquee(faux_ds, apa):
    FauxDs.dossiers = [dossier(1)]
    faux_ds.SUN_DS_JETON = "faux"
    with pytest.raises(SourceInjoignable, match=r"HTTP 401.*SUN_DS_JETON"):
        _importer(apa)
    faux_ds.SUN_DS_JETON = JETON
    FauxDs.reponse = {"data": None, "errors": [{"message": "Demarche not found"}]}
    with pytest.raises(SourceInjoignable, match=r"a refusé la requête.*Demarche not found"):
        _importer(apa)
    FauxDs.reponse = {"data": {"demarche": {"dossiers": {"nodes": []}}}}
    with pytest.raises(SourceInjoignable, match=r"incomplète.*pageInfo"):
        _importer(apa)
    assert not Demande.objects.exists()


def test_delai_depasse(faux_ds, apa, monkeypatch):
    faux_ds.SUN_RELATION_IMPORT_DELAI = 0.2
    monkeypatch.setattr(FauxDs, "do_POST", lambda self: threading.Event().wait(1))
    with pytest.raises(SourceInjoignable, match="ne répond pas"):
        _importer(apa)


def test_dossier_sans_champ_obligatoire_refuse(faux_ds, apa):
    FauxDs.dossiers = [dossier(1), {"number": 2, "state": "en_construction"},
                       dossier(3, state="brouillon")]  # fmt: skip
    rapport = _importer(apa)
    assert rapport.nouveaux == 1 and rapport.refusees == 2
    raisons = [r.raison for r in rapport.lignes_rejetees]
    assert "champ « dateDepot » absent de la réponse" in raisons
    assert any("statut inconnu" in r for r in raisons)


def test_export_csv_de_ds(apa):
    rapport = ds.importer_export(DONNEES / "ds-export.csv", apa, numero_ds=4242, aujourd_hui=JOUR)
    assert (rapport.nouveaux, rapport.refusees) == (3, 0), rapport.lignes()
    d = Demande.objects.get(numero_externe="1002")
    assert (d.statut, d.recue_le, d.decidee_le) == (
        "accepte",
        date(2022, 12, 30),
        date(2023, 2, 10),
    )
    assert Demande.objects.get(numero_externe="1003").statut == "sans_suite"
    assert rapport.avertissements == 1  # 1002: DS's SVA date is a day early (30 December)


def test_export_ds_sans_colonne_obligatoire_refuse(apa):
    with pytest.raises(ColonnesManquantes, match="État du dossier"):
        ds.importer_export(DONNEES / "ds-export-incomplet.csv", apa, aujourd_hui=JOUR)
    assert not Demande.objects.exists()
