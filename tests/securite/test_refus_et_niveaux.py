"""A refused access is one log line; the indicator API documents and checks its levels."""

import logging

import pytest

pytestmark = pytest.mark.django_db


def test_schema_openapi_liste_les_niveaux(client):
    schema = client.get("/api/openapi.json").json()
    chemin = schema["paths"]["/api/indicateurs/{code}/{niveau}/{territoire}"]["get"]
    (parametre,) = [p for p in chemin["parameters"] if p["name"] == "niveau"]
    definition = parametre["schema"]
    if "$ref" in definition:
        definition = schema["components"]["schemas"][definition["$ref"].rsplit("/", 1)[1]]
    assert sorted(definition["enum"]) == ["commune", "departement", "direction", "epci", "service"]
    assert "400" in chemin["responses"]  # the API's status for every invalid parameter


def test_niveau_inconnu_refuse_en_francais(client):
    """Not a 500: the API's French validation error, naming the accepted levels."""
    reponse = client.get("/api/indicateurs/territoire.population/planete/11")
    assert reponse.status_code == 400
    (erreur,) = reponse.json()["erreurs"]
    assert erreur["champ"] == "niveau"
    assert erreur["message"] == (
        "valeur non admise (valeurs possibles : 'commune', 'epci', 'departement', 'service' ou 'direction')"
    )


def test_niveau_connu_toujours_servi(client):
    reponse = client.get("/api/indicateurs/territoire.population/departement/11")
    assert reponse.status_code == 200
    assert reponse.json()["niveau"] == "departement"


def test_un_refus_403_est_une_ligne_sans_trace(client, caplog, django_user_model):
    agent = django_user_model.objects.create_user("sans-role", password="x-Motdepasse-1")
    client.force_login(agent)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        reponse = client.get("/espace/pilotage/")
    assert reponse.status_code == 403
    (ligne,) = [r for r in caplog.records if r.name == "django.request"]
    assert ligne.levelno == logging.WARNING
    assert ligne.exc_info is None and not ligne.exc_text
    message = ligne.getMessage()
    assert "GET /espace/pilotage/" in message
    assert f"utilisateur {agent.pk}" in message
    assert "Traceback" not in caplog.text
    assert "réservé aux rôles" in message  # the reason, legible


def test_pas_d_injection_de_lignes_dans_le_journal():
    from django.core.exceptions import PermissionDenied

    from sun.core.journalisation import RefusSurUneLigne

    class Requete:
        method, path, user = "GET", "/espace/\nFAUX 200 /admin/", None

    try:
        raise PermissionDenied("Refusé\r\nici")
    except PermissionDenied:
        import sys

        record = logging.LogRecord("django.request", logging.WARNING, "", 0, "x %s", ("y",),
                                   sys.exc_info())  # fmt: skip
    record.request = Requete()
    assert RefusSurUneLigne().filter(record)
    assert record.getMessage() == (
        "Accès refusé (403) : GET /espace/\\nFAUX 200 /admin/, anonyme — Refusé\\r\\nici"
    )
