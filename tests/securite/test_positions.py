"""A resident's position is kept to about 100 m, and the access log keeps no search terms."""

import logging
from datetime import timedelta
from pathlib import Path

import pytest
from django.http import QueryDict
from gunicorn.config import Config

from sun.journal_acces import JournalAcces
from sun.web.forms.position import position_arrondie, requete_a_position_arrondie
from tests.inclusion.factories import LieuFactory
from tests.outils import texte
from tests.territoire.factories import commune

PRECISE = {"lat": "43.05462", "lon": "2.21871"}


@pytest.mark.parametrize(
    ("brut", "arrondi"),
    [("43.05462", "43.055"), ("2,21871", "2.219"), ("-1.23449", "-1.234"), ("43.2", "43.2"),
     ("4.305462e1", "43.055"), ("abc", "abc"), ("nan", "nan"), ("", "")],
)  # fmt: skip
def test_position_arrondie(brut, arrondi):
    assert position_arrondie(brut) == arrondi


def test_requete_arrondie_garde_le_reste():
    requete = requete_a_position_arrondie(QueryDict("lat=43.05462&lon=2.21871&rayon=5&page=2"))
    assert requete.dict() == {"lat": "43.055", "lon": "2.219", "rayon": "5", "page": "2"}
    assert not requete._mutable


@pytest.mark.django_db
def test_la_page_ne_reemet_que_la_position_arrondie(client):
    """A crafted URL with a precise position: links and map carry only the rounded one."""
    page = texte(client.get("/trouver/", {**PRECISE, "rayon": "2"}))  # no place there
    assert "Chercher jusqu'à 100 km" in page
    assert "lat=43.055&lon=2.219" in page
    assert "43.05462" not in page and "2.21871" not in page


@pytest.mark.django_db
def test_la_recherche_et_la_carte_utilisent_la_position_arrondie(client):
    LieuFactory(nom="Médiathèque de Limoux", commune_ref=commune("11206"))
    page = texte(client.get("/trouver/", {**PRECISE, "rayon": "20"}))
    assert "Médiathèque de Limoux" in page
    assert '"lat": 43.055, "lon": 2.219' in page  # the searched point on the map
    assert "43.05462" not in page and "2.21871" not in page


def test_le_script_arrondit_avant_l_url():
    import sun

    script = (Path(sun.__file__).parent / "web/static/sun/js/autour.js").read_text()
    assert "latitude.toFixed(3)" in script and "longitude.toFixed(3)" in script
    assert "toFixed(5)" not in script


class _Reponse:
    status = "200 OK"
    sent = 1234
    headers = [("Content-Type", "text/html")]


class _Requete:
    def __init__(self, referent: str):
        self.headers = [("REFERER", referent), ("USER-AGENT", "Navigateur/1.0")]


def _ligne(chemin: str, requete: str, referent: str = "-") -> str:
    config = Config()
    config.set("accesslog", "-")
    config.set("logger_class", "sun.journal_acces.JournalAcces")
    journal = config.logger_class(config)
    lignes = []

    class Collecte(logging.Handler):
        def emit(self, record):
            lignes.append(record.getMessage())

    journal.access_log.addHandler(Collecte())
    environ = {
        "REQUEST_METHOD": "GET", "RAW_URI": f"{chemin}?{requete}" if requete else chemin,
        "PATH_INFO": chemin, "QUERY_STRING": requete, "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.7", "HTTP_REFERER": referent,
    }  # fmt: skip
    journal.access(_Reponse(), _Requete(referent), environ, timedelta(milliseconds=12))
    (ligne,) = lignes
    return ligne


def test_la_configuration_gunicorn_installe_le_journal():
    from sun import gunicorn_conf

    assert gunicorn_conf.logger_class == "sun.journal_acces.JournalAcces"
    config = Config()
    config.set("logger_class", gunicorn_conf.logger_class)
    assert config.logger_class is JournalAcces


@pytest.mark.parametrize(
    ("chemin", "requete"),
    [("/trouver/", "lat=43.055&lon=2.219&rayon=5"), ("/trouver/", "ou=12+rue+des+Lilas+Limoux"),
     ("/communes/", "q=lezignan"), ("/api/communes", "q=11300"),
     ("/api/lieux", "lat=43.055&lon=2.219"), ("/api/lieux.geojson", "commune=11206")],
)  # fmt: skip
def test_journal_sans_les_termes_de_recherche(chemin, requete):
    ligne = _ligne(chemin, requete, referent=f"https://sun.example/trouver/?{requete}")
    assert f'"GET {chemin}?… HTTP/1.1" 200 1234' in ligne
    assert '"https://sun.example/trouver/?…"' in ligne  # the referer, too
    assert requete not in ligne
    assert ligne.startswith("203.0.113.7 ")


def test_journal_des_autres_pages_inchange():
    ligne = _ligne("/espace/activites/", "page=2", referent="https://sun.example/espace/")
    assert '"GET /espace/activites/?page=2 HTTP/1.1" 200' in ligne
    assert '"https://sun.example/espace/"' in ligne


def test_journal_sans_le_jeton_de_reinitialisation():
    ligne = _ligne("/mot-de-passe-oublie/Mg/diyiw3-cf44cc0123456789/", "")
    assert '"GET /mot-de-passe-oublie/…/ HTTP/1.1" 200' in ligne and "diyiw3" not in ligne
    assert '"GET /mot-de-passe-oublie/envoye/ HTTP/1.1"' in _ligne(
        "/mot-de-passe-oublie/envoye/", ""
    )
