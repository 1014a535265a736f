"""Costly public pages and exports cannot be used to deny service: computed once per version
of their data, served from the cache or a generated file with an ETag, with their own
anonymous rate limits; the previous result is served while a new one is computed."""

import dataclasses
import gzip
import json

import pytest
from django.core.cache import cache

from sun.core import calculs_versionnes
from sun.core.calculs_versionnes import calcul_versionne, fichier_versionne
from sun.inclusion.analyses import fne
from sun.inclusion.lieux import exports
from sun.inclusion.lieux.exports_fichiers import EXPORTS
from tests.inclusion.factories import LieuFactory
from tests.territoire.factories import commune

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _horloge_fixe(monkeypatch):
    """Windows of the limits are aligned on the clock: a fixed one, so none ends mid-test."""
    monkeypatch.setattr("sun.core.limites.horloge", lambda: 1_800_000_030.0)


CSV = "/lieux/export/lieux-de-mediation-numerique.csv"


@pytest.fixture
def compte_appels(monkeypatch):
    """`compte_appels(module, "fonction")`: the number of calls, as a list that grows."""

    def espionner(module, nom):
        appels, originale = [], getattr(module, nom)

        def espion(*args, **kwargs):
            appels.append(1)
            return originale(*args, **kwargs)

        monkeypatch.setattr(module, nom, espion)
        return appels

    return espionner


def _contenu(reponse) -> bytes:
    return b"".join(reponse.streaming_content) if reponse.streaming else reponse.content


def test_fne_calcule_une_fois_par_version_des_donnees(client, compte_appels):
    appels = compte_appels(fne, "tableau")
    for _ in range(3):
        assert client.get("/france-numerique-ensemble/").status_code == 200
    assert len(appels) == 1
    LieuFactory(commune_ref=commune("11206"))  # a new place: the register's version changes
    page = client.get("/france-numerique-ensemble/")
    assert len(appels) == 2 and page.status_code == 200


def test_fne_etag_et_304_pour_les_anonymes(client):
    premiere = client.get("/france-numerique-ensemble/")
    etag = premiere["ETag"]
    assert "Cookie" in premiere["Vary"]
    assert client.get("/france-numerique-ensemble/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    LieuFactory(commune_ref=commune("11206"))
    assert client.get("/france-numerique-ensemble/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_un_agent_connecte_n_a_jamais_la_page_des_anonymes(client, utilisateur_avec_role):
    from sun.comptes.roles import Role

    assert "Connexion agents" in client.get("/france-numerique-ensemble/").content.decode()
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = client.get("/france-numerique-ensemble/").content.decode()
    assert "Espace agents" in page and "Connexion agents" not in page


def test_export_genere_une_fois_servi_avec_etag_et_gzip(client, monkeypatch):
    LieuFactory(commune_ref=commune("11206"), nom="=HYPERLINK(1)")
    appels = []

    def flux():
        appels.append(1)
        return exports.csv_standard()

    monkeypatch.setitem(EXPORTS, "csv", dataclasses.replace(EXPORTS["csv"], flux=flux))
    premiere = client.get(CSV)
    contenu = _contenu(premiere)
    assert premiere.status_code == 200 and premiere["ETag"] and b"HYPERLINK" in contenu
    compressee = client.get(CSV, HTTP_ACCEPT_ENCODING="gzip, br")
    assert compressee["Content-Encoding"] == "gzip"
    assert gzip.decompress(_contenu(compressee)) == contenu
    assert client.get(CSV, HTTP_IF_NONE_MATCH=premiere["ETag"]).status_code == 304
    assert len(appels) == 1  # three downloads, one generation
    LieuFactory(commune_ref=commune("11206"), nom="Médiathèque nouvelle")
    nouvelle = client.get(CSV, HTTP_IF_NONE_MATCH=premiere["ETag"])
    assert nouvelle.status_code == 200 and b"diath\xc3\xa8que nouvelle" in _contenu(nouvelle)
    assert len(appels) == 2


def test_exports_data_inclusion_en_fichiers(client):
    LieuFactory(commune_ref=commune("11206"))
    for chemin in ["/lieux/export/data-inclusion/structures.json",
                   "/lieux/export/data-inclusion/services.json"]:  # fmt: skip
        reponse = client.get(chemin)
        assert reponse.status_code == 200 and isinstance(json.loads(_contenu(reponse)), list)


def test_limite_anonyme_des_exports_et_des_pages_couteuses(client, settings):
    settings.SUN_LIMITE_EXPORTS = "2/h"
    settings.SUN_LIMITE_PAGES_COUTEUSES = "3/min"
    assert [client.get(CSV).status_code for _ in range(3)] == [200, 200, 429]
    refus = client.get("/lieux/export/lieux-de-mediation-numerique.geojson")
    assert refus.status_code == 429 and int(refus["Retry-After"]) > 60
    assert "Trop de demandes" in refus.content.decode()
    statuts = [client.get("/france-numerique-ensemble/").status_code for _ in range(4)]
    assert statuts == [200, 200, 200, 429]


def test_limite_ne_touche_pas_les_agents(client, settings, utilisateur_avec_role):
    from sun.comptes.roles import Role

    settings.SUN_LIMITE_EXPORTS = "1/h"
    client.force_login(utilisateur_avec_role(Role.AGENT))
    assert {client.get(CSV).status_code for _ in range(3)} == {200}


# --- while another process computes ------------------------------------------------------------
def test_pendant_un_calcul_ailleurs_le_resultat_precedent_est_servi(monkeypatch):
    assert calcul_versionne("essai", "v1", lambda: "ancien") == "ancien"
    cache.add("calcul-verrou:essai", 99999)  # another process is computing version 2
    monkeypatch.setattr(calculs_versionnes, "ATTENTE_PREMIER_S", 0)
    assert calcul_versionne("essai", "v2", lambda: pytest.fail("calculé deux fois")) == "ancien"
    cache.delete("calcul-verrou:essai")
    assert calcul_versionne("essai", "v2", lambda: "nouveau") == "nouveau"
    assert calcul_versionne("essai", "v2", lambda: pytest.fail("recalculé")) == "nouveau"


def test_fichier_ecrit_une_fois_atomiquement_et_anciens_retires(tmp_path, settings, monkeypatch):
    settings.VAR_DIR = tmp_path
    ecritures = []

    def ecrire(fichier):
        ecritures.append(1)
        fichier.write(b"contenu")

    premier = fichier_versionne("essai", "csv", "a" * 20, ecrire)
    assert fichier_versionne("essai", "csv", "a" * 20, ecrire) == premier and len(ecritures) == 1
    assert (
        premier.read_bytes() == b"contenu"
        and gzip.decompress((premier.parent / f"{premier.name}.gz").read_bytes()) == b"contenu"
    )
    cache.add("calcul-verrou:fichier:essai", 99999)
    monkeypatch.setattr(calculs_versionnes, "ATTENTE_PREMIER_S", 0)
    assert fichier_versionne("essai", "csv", "b" * 20, ecrire) == premier  # being written elsewhere
    cache.delete("calcul-verrou:fichier:essai")

    def echoue(fichier):
        fichier.write(b"moit")
        raise OSError("disque plein")

    with pytest.raises(OSError):
        fichier_versionne("essai", "csv", "c" * 20, echoue)
    assert sorted(f.name for f in premier.parent.iterdir()) == [premier.name, f"{premier.name}.gz"]
