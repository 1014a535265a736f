"""Publik / w.c.s.: the JSON API of a form (a local server checking the signature, offset
pages), the CSV export, and the table of status names."""

import base64
import hashlib
import hmac
import json
import threading
import urllib.parse
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sun.core.imports import ImportImpossible
from sun.relation.importation import publik
from sun.relation.importation.reseau import SourceInjoignable
from sun.relation.models import Demande
from tests.relation.factories import DemarcheFactory

pytestmark = pytest.mark.django_db
DONNEES = Path(__file__).parent / "donnees"
JOUR = date(2024, 6, 1)
CLE = "secret-partage"


def demande_wcs(n: int, statut="Nouveau", canal="web", **autres) -> dict:
    return {"id": str(n), "display_id": f"12-{n}", "receipt_time": "2024-01-10T10:15:00",
            "last_update_time": "2024-01-11T09:00:00", "url": f"https://wcs.example.fr/apa/{n}/",
            "backoffice_url": f"https://wcs.example.fr/backoffice/management/apa/{n}/",
            "user": {"id": 3, "name": f"Usager {n}", "email": f"u{n}@example.fr"},
            "workflow": {"status": {"id": "1", "name": statut, "endpoint": False,
                                    "latest_arrival_datetime": "2024-02-01T10:00:00"}},
            "submission": {"backoffice": canal != "web", "channel": canal}, **autres}  # fmt: skip


def signature_valide(requete: str) -> bool:
    """What w.c.s. checks (`is_url_signed`): the HMAC of the query up to &signature=."""
    signee, _, signature = requete.partition("&signature=")
    attendue = base64.standard_b64encode(
        hmac.new(CLE.encode(), signee.encode(), hashlib.sha256).digest()
    )
    return urllib.parse.unquote(signature).encode() == attendue


class FauxWcs(BaseHTTPRequestHandler):
    demandes: list[dict] = []
    requetes: list[str] = []

    def do_GET(self):
        chemin, _, requete = self.path.partition("?")
        FauxWcs.requetes.append(self.path)
        parametres = dict(urllib.parse.parse_qsl(requete))
        if chemin != "/api/forms/apa/list":
            return self._envoyer(404, {"err": 1, "err_desc": "Unknown form."})
        if parametres.get("orig") != "sun.example.fr" or not signature_valide(requete):
            return self._envoyer(403, {"err": 1, "err_desc": "Invalid signature."})
        debut, nombre = int(parametres["offset"]), int(parametres["limit"])
        self._envoyer(200, FauxWcs.demandes[debut : debut + nombre])

    def _envoyer(self, code, contenu):
        donnees = json.dumps(contenu).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(donnees)

    def log_message(self, *args):
        pass


@pytest.fixture
def faux_wcs(settings):
    serveur = ThreadingHTTPServer(("127.0.0.1", 0), FauxWcs)
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    FauxWcs.demandes, FauxWcs.requetes = [], []
    settings.SUN_PUBLIK_URL = f"http://127.0.0.1:{serveur.server_port}/"
    settings.SUN_PUBLIK_ORIG, settings.SUN_PUBLIK_CLE = "sun.example.fr", CLE
    yield settings
    serveur.shutdown()
    serveur.server_close()


@pytest.fixture
def apa():
    return DemarcheFactory(slug="apa", titre="APA à domicile", regime="svr")


def test_signature_comme_wcs():
    signee = publik.signer("full=on&orig=sun", CLE, moment=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
                           nonce="abc")  # fmt: skip
    assert signee.startswith(
        "full=on&orig=sun&algo=sha256&timestamp=2024-01-02T03%3A04%3A05Z&nonce=abc&signature="
    )
    assert signature_valide(signee)


def test_deux_pages_signees_importees(faux_wcs, apa):
    FauxWcs.demandes = [demande_wcs(n) for n in range(1, 151)]
    FauxWcs.demandes[1] = demande_wcs(2, statut="Refusé", canal="mail")
    FauxWcs.demandes[2] = demande_wcs(3, statut="Pris en charge", canal="phone")
    rapport = publik.importer_api(apa, "apa", aujourd_hui=JOUR)
    assert (rapport.lues, rapport.nouveaux, rapport.refusees) == (150, 150, 0), rapport.lignes()
    assert len(FauxWcs.requetes) == 2 and "offset=100" in FauxWcs.requetes[1]
    assert "full=on" in FauxWcs.requetes[0]
    refusee = Demande.objects.get(source_externe="publik", numero_externe="12-2")
    assert (refusee.statut, refusee.canal, refusee.decidee_le) == (
        "refuse",
        "courrier",
        date(2024, 2, 1),
    )
    assert refusee.lien_externe.endswith("/backoffice/management/apa/2/")
    assert refusee.regime == "svr" and refusee.usager.courriel == "u2@example.fr"
    assert Demande.objects.get(numero_externe="12-3").canal == "telephone"
    assert publik.importer_api(apa, "apa", aujourd_hui=JOUR).inchanges == 150


def test_statut_inconnu_refuse_et_table_declarative(faux_wcs, apa, tmp_path):
    FauxWcs.demandes = [demande_wcs(1, statut="Terminé"), demande_wcs(2)]
    rapport = publik.importer_api(apa, "apa", aujourd_hui=JOUR)
    assert rapport.nouveaux == 1 and rapport.refusees == 1
    assert "statut inconnu" in rapport.lignes_rejetees[0].raison
    table = publik.charger_statuts(DONNEES / "publik-statuts.yaml")
    rapport = publik.importer_api(apa, "apa", aujourd_hui=JOUR, statuts=table)
    assert rapport.nouveaux == 1 and rapport.inchanges == 1
    assert Demande.objects.get(numero_externe="12-1").statut == "accepte"
    (tmp_path / "faux.yaml").write_text("Terminé: fini\n", encoding="utf-8")
    with pytest.raises(ImportImpossible, match="n'est pas un statut de SUN"):
        publik.charger_statuts(tmp_path / "faux.yaml")


def test_mauvaise_cle_et_formulaire_inconnu(faux_wcs, apa):
    FauxWcs.demandes = [demande_wcs(1)]
    faux_wcs.SUN_PUBLIK_CLE = "autre"
    with pytest.raises(SourceInjoignable, match=r"HTTP 403.*SUN_PUBLIK_ORIG"):
        publik.importer_api(apa, "apa", aujourd_hui=JOUR)
    faux_wcs.SUN_PUBLIK_CLE = CLE
    with pytest.raises(SourceInjoignable, match="HTTP 404"):
        publik.importer_api(apa, "inconnu", aujourd_hui=JOUR)
    assert not Demande.objects.exists()


def test_export_csv_wcs(apa):
    table = publik.charger_statuts(DONNEES / "publik-statuts.yaml")
    rapport = publik.importer_export(DONNEES / "publik-export.csv", apa, aujourd_hui=JOUR,
                                     statuts=table)  # fmt: skip
    assert (rapport.nouveaux, rapport.refusees) == (3, 0), rapport.lignes()
    refusee = Demande.objects.get(numero_externe="12-2")
    assert (refusee.statut, refusee.canal, refusee.decidee_le) == (
        "refuse",
        "courrier",
        date(2024, 2, 20),
    )
    assert refusee.usager is None  # a name without an e-mail or phone is not a contact
    assert Demande.objects.get(numero_externe="12-3").canal == "telephone"
