"""« Nos résultats », read as a resident would: the figures of a service and of the département
with their date, source and definition, nothing invented when data are missing, demonstration
never shown as real, the public actions of the chosen year, the open-data CSV in the fields of
the etalab schema, and the page kept for anonymous visitors until its data change."""

# ruff: noqa: F811  (the fixtures imported from test_engagements)

import csv
import io
import json
import re
from datetime import date, datetime
from html import unescape as html_unescape
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from sun.qualite.engagements import opendata
from sun.qualite.engagements.services import SaisieAction, creer_action, modifier_action
from sun.qualite.models import ActionAmelioration
from tests.qualite.test_engagements import (  # noqa: F401
    appels,
    avis,
    engagements,
    file_de,
    jour_fixe,
)
from tests.relation.factories import DemarcheFactory, ServiceFactory
from tests.relation.test_statistiques import creer

pytestmark = pytest.mark.django_db
SCHEMA = (Path("/work/shared/reference/donnees")
          / "etalab-impact-service-public-numerique_0.5.0_schema.json")  # fmt: skip


def carte(html: str, code: str) -> str:
    """The text of the figure `code` on the page (its card)."""
    trouve = re.search(rf'id="chiffre-{code.replace(".", "")}">(.*?)</li>', html, re.S)
    assert trouve, code
    return html_unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", trouve.group(1))).strip())


@pytest.fixture
def social():
    return ServiceFactory(code="social", nom="Direction de l'action sociale",
                          telephone="04 68 11 68 11", horaires="du lundi au vendredi, 9 h - 17 h")  # fmt: skip


def _donnees(social):
    file = file_de(social, abandon_court_s=5)
    appels(file, 18)
    appels(file, 2, "abandon_attente", attente_s=50)  # 90 %
    avis(7, "good", service=social)
    avis(3, "bad", service=social)  # 7/10 on 10 answers
    recue = date(2025, 1, 6)
    demarche = DemarcheFactory(service=social)
    creer(demarche, 6, recue_le=recue, jours=12, dans_les_temps=True)
    creer(demarche, 2, recue_le=recue, jours=80, dans_les_temps=False)


def test_page_d_un_service(client, social, engagements, jour_fixe):
    _donnees(social)
    creer_action(social, SaisieAction("Rappeler chaque appel manqué", engagements[1],
                                      statut="en_cours", avancement=40,
                                      origine="Avis des usagers"), None)  # fmt: skip
    creer_action(social, SaisieAction("Action interne", None, publique=False), None)
    r = client.get(reverse("nos_resultats_service", args=["social"]))
    assert r.status_code == 200
    html = r.content.decode()
    assert "Nos résultats : Direction de l&#x27;action sociale" in html
    assert carte(html, "qualite.satisfaction").startswith(
        "7 sur 10 Satisfaction des usagers, sur 10 avis"
    )
    taux = carte(html, "qualite.taux_decroche")
    assert taux.startswith("90 %") and "Objectif de l'État : 85 % — atteint" in taux
    assert "moins de 5 secondes" in taux and "données jusqu'au 3 mars 2025" in taux
    assert carte(html, "relation.part_dans_les_temps").startswith("75 %")  # 6 of 8 in time
    assert carte(html, "relation.delai_median").startswith("12 jours")
    assert "Rappeler chaque appel manqué" in html and "En cours, avancement 40 %" in html
    assert "Action interne" not in html
    assert "Simplicité du langage" in html  # a figure other wings may add: said, not invented
    assert reverse("nos_resultats_service_csv", args=["social"]) in html
    assert client.get(reverse("nos_resultats_service", args=["inconnu"])).status_code == 404


def test_rien_d_invente_et_demonstration_a_part(client, social, jour_fixe):
    url = reverse("nos_resultats_service", args=["social"])
    html = client.get(url).content.decode()
    assert "Pas encore de résultats mesurés" in html
    for code in ("qualite.satisfaction", "qualite.taux_decroche", "relation.delai_median",
                 "relation.part_dans_les_temps", "qualite.nombre_avis"):  # fmt: skip
        assert carte(html, code).startswith("pas encore mesuré"), code
    assert carte(html, "qualite.simplicite_langage").startswith("non mesuré") or (
        "pas encore mesuré" in carte(html, "qualite.simplicite_langage"))  # fmt: skip
    appels(file_de(social, demonstration=True), 200, demonstration=True)
    avis(50, service=social, demonstration=True)
    avis(2, service=social)
    html = client.get(url).content.decode()
    assert "que des données de démonstration" in html
    assert carte(html, "qualite.nombre_avis").startswith("non affiché (moins de 5)")
    taux = carte(html, "qualite.taux_decroche")
    assert taux.startswith("pas encore mesuré") and "jamais comptées" in taux
    assert "200" not in taux


def test_page_du_departement_et_graphique(client, social, engagements, jour_fixe):
    _donnees(social)
    routes = ServiceFactory(code="routes", nom="Direction des routes")
    appels(file_de(routes), 6)
    appels(file_de(routes), 4, "abandon_sonnerie", attente_s=30)  # 60 %
    creer_action(routes, SaisieAction("Afficher les heures d'affluence", engagements[1]), None)
    html = client.get(reverse("nos_resultats")).content.decode()
    assert "Nos résultats de qualité de service" in html
    assert carte(html, "qualite.taux_decroche").startswith("80 %")  # (18 + 6) / (20 + 10)
    assert "pas encore atteint" in carte(html, "qualite.taux_decroche")
    assert carte(html, "relation.part_dans_les_temps").startswith("75 %")
    assert "<svg" in html and "objectif 85 %" in html and "<table" in html
    ligne = re.search(r"Direction des routes</a></th>(.*?)</tr>", html, re.S).group(1)
    assert "60 %" in ligne and "pas encore mesuré" in ligne  # no answers, no requests
    assert reverse("nos_resultats_service", args=["routes"]) in html
    assert "Afficher les heures d&#x27;affluence" in html
    assert "8 engagements" in html and "juillet 2024" in html


def test_selecteur_d_annee(client, social, engagements, jour_fixe):
    action = creer_action(social, SaisieAction("Nouvelle signalétique", None, statut="en_cours",
                                               echeance=date(2024, 10, 1)), None)  # fmt: skip
    modifier_action(action, SaisieAction("Nouvelle signalétique", None, statut="realisee",
                                         echeance=date(2024, 10, 1)), None)  # fmt: skip
    ActionAmelioration.objects.filter(pk=action.pk).update(  # committed to in 2024
        cree_le=timezone.make_aware(datetime(2024, 2, 1)))  # fmt: skip
    url = reverse("nos_resultats_service", args=["social"])
    assert "Aucune action publiée pour 2025" in client.get(url).content.decode()
    html = client.get(url + "?annee=2024").content.decode()
    assert "Nouvelle signalétique" in html and "Réalisée, avancement 100 %" in html
    html = client.get(url + "?annee=1850").content.decode()
    assert "Année sans résultats" in html and "Résultats de 2025 affichés" in html


def test_csv_aux_champs_du_schema_etalab(client, social, jour_fixe):
    _donnees(social)
    r = client.get(reverse("nos_resultats_service_csv", args=["social"]))
    assert r.status_code == 200 and r["Content-Type"].startswith("text/csv")
    lignes = list(csv.DictReader(io.StringIO(r.content.decode())))
    schema = json.loads(SCHEMA.read_text()) if SCHEMA.exists() else None
    champs = [f["name"] for f in schema["fields"]] if schema else list(opendata.CHAMPS)
    assert list(lignes[0]) == champs == list(opendata.CHAMPS)
    par_indicateur = {ligne["indicateur"]: ligne for ligne in lignes}
    taux = par_indicateur["Taux de décroché par un agent"]
    # The year published, cut at today while it runs (jour_fixe: 16 June 2025).
    assert (taux["valeur"], taux["unite_mesure"], taux["date"]) == ("90", "%", "2025-06-16")
    assert taux["est_periode"] == "true" and taux["date_debut"] == "2025-01-01"
    assert taux["est_cible"] == "false"
    assert taux["nom_service_public_numerique"] == "Direction de l'action sociale"
    assert par_indicateur["Satisfaction des usagers"]["unite_mesure"] == "note sur 10"
    assert "Demandes décidées dans le délai" in par_indicateur
    for ligne in lignes:  # every required field filled, enums respected, no invented zero
        if schema:
            for f in schema["fields"]:
                if f["constraints"].get("required"):
                    assert ligne[f["name"]] != "", f["name"]
                if "enum" in f["constraints"] and ligne[f["name"]]:
                    assert ligne[f["name"]] in f["constraints"]["enum"], f["name"]
    assert "Qualité des démarches en ligne" not in par_indicateur  # not measured: no row
    departement = client.get(reverse("nos_resultats_csv")).content.decode()
    assert "Direction de l'action sociale" in departement and "(tous les services)" in departement


def test_page_gardee_pour_les_anonymes_jusqu_a_un_changement(client, social, engagements,
                                                           jour_fixe, django_assert_max_num_queries):  # fmt: skip
    url = reverse("nos_resultats_service", args=["social"])
    premiere = client.get(url)
    assert premiere.status_code == 200 and premiere["ETag"]
    with django_assert_max_num_queries(3):
        assert client.get(url, HTTP_IF_NONE_MATCH=premiere["ETag"]).status_code == 304
    creer_action(social, SaisieAction("Nouvelle action publique", None), None)
    apres = client.get(url)
    assert apres["ETag"] != premiere["ETag"]
    assert "Nouvelle action publique" in apres.content.decode()
