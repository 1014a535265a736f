"""Schemas: what is not a Table Schema is refused in French and nothing stored; a schema added
from a file or a URL (a local http.server: 200, 500, timeout) is found again; the setting
SUN_DONNEES_SCHEMAS (path or URL)."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sun.donnees.validation import schemas, services, valider
from sun.donnees.validation.descripteurs import SchemaRefuse, verifier

ICI = Path(__file__).parent / "fichiers_validation"
BUDGET = {"name": "budget", "title": "Budget (essai)", "version": "0.8.3",
          "fields": [{"name": "EXER", "type": "integer"}, {"name": "LIB", "type": "string",
                                                           "constraints": {"required": True}}]}  # fmt: skip
DECP = {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
        "properties": {"marches": {"type": "array"}}}  # fmt: skip


@pytest.fixture(autouse=True)
def var(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    settings.SUN_DONNEES_SCHEMAS = ""
    settings.SUN_DONNEES_SCHEMAS_DELAI = 0.5
    return settings.VAR_DIR


@pytest.mark.parametrize("contenu, attendu", [
    (b"pas du json", "ce n'est pas du JSON valide"),
    (b"[1, 2]", "un objet JSON"),
    (json.dumps(DECP).encode(), "c'est un JSON Schema"),
    (b'{"title": "x"}', "pas de liste de colonnes « fields »"),
    (b'{"fields": []}', "liste non vide"),
    (b'{"fields": [{"type": "string"}]}', "la colonne n° 1 n'a pas de nom"),
    (b'{"fields": [{"name": "a", "type": "texte"}]}', "type inconnu « texte »"),
    (b'{"fields": [{"name": "a"}, {"name": "a"}]}', "définie deux fois"),
    ("é".encode("cp1252"), "UTF-8"),
])  # fmt: skip
def test_pas_un_table_schema(var, contenu, attendu):
    with pytest.raises(SchemaRefuse, match=attendu):
        verifier(contenu, "essai.json")
    with pytest.raises(SchemaRefuse, match=attendu):
        services.ajouter_schema(contenu, "essai.json", schema_id="essai/x", version="1.0")
    assert not schemas.dossier().exists() or not any(schemas.dossier().iterdir())


def test_ajout_depuis_un_fichier_puis_validation(tmp_path):
    connu = services.ajouter_schema(json.dumps(BUDGET).encode(), "budget.json",
                                    schema_id="scdl/budget")  # fmt: skip
    assert (connu.id, connu.version, connu.source) == ("scdl/budget", "0.8.3", schemas.AJOUTE)
    assert "scdl/budget@0.8.3" in [s.reference for s in schemas.connus()]
    csv = tmp_path / "budget.csv"
    csv.write_text("EXER,LIB\n2024,Fonctionnement\nxx,\n", encoding="utf-8")
    rapport = valider(csv, ("scdl/budget", "0.8.3"))
    assert {g.type for g in rapport.groupes} == {"type-error", "constraint-error/required"}
    with pytest.raises(SchemaRefuse, match="déjà livré"):
        services.ajouter_schema(json.dumps(BUDGET).encode(), "b.json",
                                schema_id="scdl/subventions", version="2.1.1")  # fmt: skip
    with pytest.raises(SchemaRefuse, match="Identifiant"):
        services.ajouter_schema(json.dumps(BUDGET).encode(), "b.json", schema_id="")


class Serveur(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/lent":
            time.sleep(2)
        if self.path == "/panne":
            self.send_response(500)
            self.end_headers()
            return
        corps = json.dumps(BUDGET if self.path.endswith("schema.json") else DECP).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(corps)

    def log_message(self, *args):
        pass


@pytest.fixture
def serveur():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Serveur)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_ajout_depuis_une_url(serveur):
    url = f"{serveur}/schemas/scdl/budget/0.8.3/schema.json"
    connu = services.ajouter_schema(url=url)  # id and version read from the URL
    assert connu.id == "scdl/budget"
    assert connu.origine == url and connu.version == "0.8.3"


@pytest.mark.parametrize("chemin, attendu", [
    ("/panne", "erreur 500"), ("/lent", "n'a pas répondu"), ("/decp.json", "JSON Schema"),
])  # fmt: skip
def test_url_en_echec(serveur, chemin, attendu):
    with pytest.raises(SchemaRefuse, match=attendu):
        services.ajouter_schema(url=serveur + chemin, schema_id="x/y", version="1")
    assert not schemas.dossier().exists() or not any(schemas.dossier().iterdir())


def test_url_injoignable_et_adresse_refusee():
    with pytest.raises(SchemaRefuse, match="Impossible de joindre"):
        services.ajouter_schema(url="http://127.0.0.1:9/schema.json", schema_id="x/y",
                                version="1")  # fmt: skip
    with pytest.raises(SchemaRefuse, match="https://"):
        services.ajouter_schema(url="file:///etc/passwd", schema_id="x/y", version="1")


def test_reglage(settings, tmp_path, serveur):
    fichier = tmp_path / "budget.json"
    fichier.write_text(json.dumps(BUDGET), encoding="utf-8")
    settings.SUN_DONNEES_SCHEMAS = (f"scdl/budget@0.8.3={fichier} "
                                    f"essai/url@1.0={serveur}/schema.json mal-forme")  # fmt: skip
    references = {s.reference: s for s in schemas.connus()}
    assert references["scdl/budget@0.8.3"].source == schemas.REGLAGE
    assert "essai/url@1.0" in references
    assert schemas.obtenir("essai/url", "1.0").titre == "Budget (essai)"  # fetched, then kept
    assert (schemas.dossier() / "reglage").is_dir()
    settings.SUN_DONNEES_SCHEMAS = f"essai/panne@1.0={serveur}/panne"
    with pytest.raises(SchemaRefuse, match="erreur 500"):
        schemas.obtenir("essai/panne", "1.0")
    with pytest.raises(schemas.SchemaInconnu):
        schemas.obtenir("essai/absent", "1.0")


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/admin/", "https://10.0.0.1/schema.json",
                                 "http://schema.data.gouv.fr/schemas/x/1/schema.json"])  # fmt: skip
def test_l_espace_agents_ne_lit_que_les_sites_des_schemas_nationaux(url):
    with pytest.raises(SchemaRefuse, match="seules les adresses https"):
        services.ajouter_schema(url=url, schema_id="x/y", version="1", hotes_connus=True)
