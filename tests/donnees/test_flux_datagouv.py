"""Publication to data.gouv.fr, against a local server imitating udata's dataset and resource
endpoints (no network): create then update, what is sent, failures (500, timeout,
unreachable, unreadable answer) stored in French with nothing of the catalogue lost and
retried on the next run, and nothing sent without a key."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sun.cli import main
from sun.core.taches import quotidien
from sun.donnees.flux import services
from sun.donnees.flux.tasks import publier_sur_datagouv
from sun.donnees.models import JeuDeDonnees, Ressource
from tests.donnees.fabriques_flux import VersionFactory, catalogue_de_test

pytestmark = pytest.mark.django_db
CLE = "cle-de-test-123"


class FauxUdata(BaseHTTPRequestHandler):
    """POST/PUT /api/1/datasets/…: answers the dataset or resource with an id; `panne` makes
    the next answers fail (a status, « lent », « pas-json »)."""

    requetes: list[dict] = []
    panne: str | int | None = None
    compteur = 0

    def _repondre(self):
        longueur = int(self.headers.get("Content-Length") or 0)
        corps = json.loads(self.rfile.read(longueur) or b"{}")
        FauxUdata.requetes.append({"methode": self.command, "chemin": self.path,
                                   "cle": self.headers.get("X-API-KEY"), "corps": corps})  # fmt: skip
        if FauxUdata.panne == "lent":
            time.sleep(1.5)
        if isinstance(FauxUdata.panne, int):
            self.send_response(FauxUdata.panne)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps({"message": "Erreur interne du serveur"}).encode())
            return
        morceaux = self.path.strip("/").split("/")  # api, 1, datasets, id, resources, rid
        if self.command == "POST":
            FauxUdata.compteur += 1
            identifiant = f"{'r' if 'resources' in morceaux else 'd'}{FauxUdata.compteur:04d}"
        else:
            identifiant = morceaux[-1]
        contenu = b"<html>oups</html>" if FauxUdata.panne == "pas-json" else json.dumps(
            {**corps, "id": identifiant}).encode()  # fmt: skip
        self.send_response(201 if self.command == "POST" else 200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(contenu)))
        self.end_headers()
        self.wfile.write(contenu)

    do_POST = do_PUT = _repondre

    def log_message(self, *args):
        pass


@pytest.fixture
def udata(settings):
    serveur = ThreadingHTTPServer(("127.0.0.1", 0), FauxUdata)
    fil = threading.Thread(target=serveur.serve_forever, daemon=True)
    fil.start()
    FauxUdata.requetes, FauxUdata.panne, FauxUdata.compteur = [], None, 0
    settings.SUN_DATAGOUV_API_URL = f"http://127.0.0.1:{serveur.server_port}/api/1"
    settings.SUN_DATAGOUV_API_CLE = CLE
    settings.SUN_DATAGOUV_ORGANISATION = "org-aude"
    settings.SUN_DATAGOUV_DELAI_S = 5
    settings.SUN_ADRESSE_SITE = "https://sun.exemple.fr"
    yield FauxUdata
    serveur.shutdown()
    serveur.server_close()


@pytest.fixture
def catalogue():
    return catalogue_de_test()


def _etat(slug: str) -> JeuDeDonnees:
    return JeuDeDonnees.objects.get(slug=slug)


def test_creation_puis_mise_a_jour(udata, catalogue):
    subventions = catalogue["subventions"]
    envoi = services.publier_jeu(subventions)
    assert envoi.reussi, envoi.message
    assert [(r["methode"], r["chemin"]) for r in udata.requetes] == [
        ("POST", "/api/1/datasets/"),
        ("POST", "/api/1/datasets/d0001/resources/"),
    ]
    assert all(r["cle"] == CLE for r in udata.requetes)
    jeu, ressource = udata.requetes[0]["corps"], udata.requetes[1]["corps"]
    assert jeu == {
        "title": "Subventions accordées",
        "description": subventions.description,
        "frequency": "annual", "tags": ["subventions", "associations"],
        "organization": "org-aude", "license": "fr-lo",
        "temporal_coverage": {"start": "2024-01-01", "end": "2024-12-31"},
        "spatial": {"zones": ["fr:departement:11"], "granularity": "fr:departement"},
    }  # fmt: skip
    r1 = catalogue["ressources"][0]
    assert ressource["url"] == f"https://sun.exemple.fr/donnees/r/{r1.uuid}"
    assert ressource["filetype"] == "remote" and ressource["format"] == "csv"
    assert ressource["title"] == "Subventions 2024"
    assert ressource["schema"] == {"name": "scdl/subventions", "version": "2.1.1"}
    assert ressource["checksum"] == {"type": "sha256", "value": "ba7816bf8f01cfea414140de5dae"
                                     "2223b00361a396177a9cb410ff61f20015ad"}  # fmt: skip
    etat = _etat("subventions")
    assert (etat.datagouv_id, etat.datagouv_a_jour, etat.datagouv_erreur) == ("d0001", True, "")
    assert etat.datagouv_publie_le is not None
    assert Ressource.objects.get(pk=r1.pk).datagouv_id == "r0002"

    # A new file: the dataset is no longer up to date; the next run updates (PUT), no duplicate.
    JeuDeDonnees.objects.filter(pk=etat.pk).update(datagouv_a_jour=False)
    udata.requetes.clear()
    assert [e.reussi for e in services.publier_en_attente()] == [True, True]
    chemins = [(r["methode"], r["chemin"]) for r in udata.requetes]
    assert ("PUT", "/api/1/datasets/d0001/") in chemins
    assert ("PUT", "/api/1/datasets/d0001/resources/r0002/") in chemins
    lieux = _etat("lieux")
    assert lieux.datagouv_a_jour and lieux.datagouv_id
    # The communes of « lieux » as udata zones.
    corps_lieux = next(r["corps"] for r in udata.requetes if r["corps"].get("title") == lieux.titre)
    assert corps_lieux["spatial"] == {"zones": ["fr:commune:11069", "fr:commune:11262"],
                                      "granularity": "fr:commune"}  # fmt: skip
    udata.requetes.clear()
    assert services.publier_en_attente() == []  # everything up to date: nothing sent
    assert udata.requetes == []


def _avant(catalogue) -> tuple:
    jeu = _etat("subventions")
    return (
        jeu.titre,
        jeu.description,
        jeu.statut,
        jeu.metadonnees_modifiees_le,
        jeu.ressources.count(),
        sum(r.versions.count() for r in jeu.ressources.all()),
    )


def test_erreur_500_conservee_rien_perdu_et_nouvel_essai(udata, catalogue):
    avant = _avant(catalogue)
    udata.panne = 500
    envoi = services.publier_jeu(catalogue["subventions"])
    assert not envoi.reussi and envoi.envoye
    etat = _etat("subventions")
    assert "erreur HTTP 500" in etat.datagouv_erreur
    assert "Erreur interne du serveur" in etat.datagouv_erreur  # udata's own message
    assert CLE not in etat.datagouv_erreur
    assert not etat.datagouv_a_jour and etat.datagouv_id == ""
    assert _avant(catalogue) == avant  # nothing of the local catalogue changed
    # The next run (the daily job) succeeds and clears the error.
    udata.panne = None
    assert "2 jeu(x) envoyé(s)" in publier_sur_datagouv()
    etat = _etat("subventions")
    assert etat.datagouv_a_jour and etat.datagouv_erreur == "" and etat.datagouv_id


def test_echec_sur_une_ressource_garde_l_identifiant_du_jeu(udata, catalogue):
    services.publier_jeu(catalogue["subventions"])
    r = catalogue["ressources"][0]
    nouvelle = Ressource.objects.create(jeu=catalogue["subventions"], titre="Annexe", format="pdf")
    VersionFactory(ressource=nouvelle, numero=1)
    JeuDeDonnees.objects.filter(slug="subventions").update(datagouv_a_jour=False)
    udata.panne = 502
    envoi = services.publier_jeu(_etat("subventions"))
    assert not envoi.reussi and "HTTP 502" in envoi.message
    etat = _etat("subventions")
    assert etat.datagouv_id == "d0001" and not etat.datagouv_a_jour  # no duplicate next time
    assert Ressource.objects.get(pk=r.pk).datagouv_id == "r0002"


def test_delai_depasse(udata, catalogue, settings):
    settings.SUN_DATAGOUV_DELAI_S = 0.3
    udata.panne = "lent"
    envoi = services.publier_jeu(catalogue["subventions"])
    assert not envoi.reussi
    assert "ne répond pas (délai de 0.3 s dépassé)" in _etat("subventions").datagouv_erreur


def test_reponse_illisible_et_serveur_injoignable(udata, catalogue, settings):
    udata.panne = "pas-json"
    assert "illisible" in services.publier_jeu(catalogue["subventions"]).message
    assert "illisible" in _etat("subventions").datagouv_erreur
    settings.SUN_DATAGOUV_API_URL = "http://127.0.0.1:9/api/1"  # nothing listens there
    assert "injoignable" in services.publier_jeu(catalogue["subventions"]).message
    assert not _etat("subventions").datagouv_a_jour


def test_desactive_sans_cle(udata, catalogue, settings, capsys):
    settings.SUN_DATAGOUV_API_CLE = ""
    envoi = services.publier_jeu(catalogue["subventions"])
    assert not envoi.envoye and "désactivée" in envoi.message
    assert services.publier_en_attente() == []
    assert "désactivée" in publier_sur_datagouv()
    assert main(["donnees", "datagouv"]) == 0
    assert "désactivée" in capsys.readouterr().out
    assert udata.requetes == []
    assert _etat("subventions").datagouv_erreur == ""


def test_un_brouillon_n_est_pas_envoye(udata, catalogue):
    envoi = services.publier_jeu(catalogue["brouillon"])
    assert not envoi.envoye and "n'est pas publié" in envoi.message
    assert udata.requetes == []


def test_tache_quotidienne_declaree():
    assert "donnees.datagouv" in {t.code for t in quotidien.toutes()}


def test_cli_datagouv(udata, catalogue, capsys):
    assert main(["donnees", "datagouv", "--jeu", "subventions"]) == 0
    assert "créé (identifiant d0001)" in capsys.readouterr().out
    assert main(["donnees", "datagouv", "--jeu", "inconnu"]) == 3
    udata.panne = 500
    assert main(["donnees", "datagouv"]) == 3  # « lieux » fails
    sortie = capsys.readouterr()
    assert "lieux : échec" in sortie.out and "1 envoi(s) en échec" in sortie.err
    udata.panne = None
    assert main(["donnees", "datagouv"]) == 0
    assert "lieux :" in capsys.readouterr().out
    assert main(["donnees", "datagouv"]) == 0
    assert "rien à envoyer" in capsys.readouterr().out
