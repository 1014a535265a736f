"""The public pages of a commune and an EPCI: help nearby with distance and state, distance to
help per service, fragility index, the plan's actions that concern communes."""

import math
import re
from datetime import date

import pytest

from sun.inclusion.analyses.couverture import couverture
from sun.inclusion.analyses.ifn import importer
from sun.inclusion.models import Lieu
from sun.pilotage.models import Action
from sun.territoire.models import Commune
from tests.inclusion.factories import DEMARCHES, OUTILS, LieuFactory
from tests.outils import texte
from tests.pilotage.factories import ActionFactory, OrientationDuPlanFactory, PlanFactory
from tests.territoire.factories import commune

pytestmark = pytest.mark.django_db
ENTETE_IFN = "name,division,code,no_thd_coverage_rate,no_4g_coverage_rate,poverty_rate,older_65_rate,nscol15p_rate,total\n"


def _haversine(lat1, lon1, lat2, lon2) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def _km(valeur: float) -> str:
    return f"{valeur:.1f}".replace(".", ",") + " km"


def _section(page: str, identifiant: str) -> str:
    return page.split(f'id="{identifiant}"')[1].split("</section>")[0]


def _ligne(page: str, entete: str) -> str:
    return re.search(rf"<th scope=\"row\">{re.escape(entete)}</th>(.*?)</tr>", page, re.S).group(1)


@pytest.fixture
def lieux():
    """Two places in Limoux (one open around the clock offering help with procedures, one
    being checked, without hours), one in Carcassonne offering everyday tools, one in Paris."""
    limoux, carcassonne = commune("11206"), commune("11069")
    return {
        "toujours": LieuFactory(nom="Espace France services de Limoux", commune_ref=limoux,
                                horaires="24/7", services=[DEMARCHES]),
        "a_verifier": LieuFactory(nom="Médiathèque de Limoux", commune_ref=limoux, horaires="",
                                  services=[DEMARCHES], statut=Lieu.Statut.A_VERIFIER),
        "carcassonne": LieuFactory(nom="Tiers-lieu de Carcassonne", commune_ref=carcassonne,
                                   services=[OUTILS]),
        "paris": LieuFactory(nom="Espace numérique parisien", commune_ref=commune("75056")),
    }  # fmt: skip


def test_aide_a_proximite_avec_distance_et_etat(client, lieux):
    limoux = Commune.objects.get(code_insee="11206")
    page = texte(client.get("/communes/11206/"))
    section = _section(page, "proximite-titre")
    assert "2 lieux de médiation numérique dans la commune, et les plus proches autour" in section
    assert section.index("Espace France services de Limoux") < section.index(
        "Tiers-lieu de Carcassonne"
    )
    assert "Espace numérique parisien" not in section  # 700 km away
    assert f'href="/lieux/{lieux["toujours"].pk}/"' in section
    assert "Ouvert" in _ligne(section, f'<a href="/lieux/{lieux["toujours"].pk}/">'
                              "Espace France services de Limoux</a>")  # fmt: skip
    ligne = section.split("Médiathèque de Limoux")[1].split("</tr>")[0]
    assert "informations en cours de vérification" in ligne and "Horaires non communiqués" in ligne
    carcassonne = lieux["carcassonne"]
    attendu = _haversine(limoux.latitude, limoux.longitude, carcassonne.latitude,
                         carcassonne.longitude)  # fmt: skip
    assert _km(attendu) in section.split("Tiers-lieu de Carcassonne")[1].split("</tr>")[0]
    assert "Source : registre des lieux de médiation numérique de SUN" in section


def test_distance_a_l_aide_par_service(client, lieux):
    limoux = Commune.objects.get(code_insee="11206")
    page = texte(client.get("/communes/11206/"))
    section = _section(page, "distances-titre")
    carcassonne = lieux["carcassonne"]
    vers_carcassonne = _haversine(limoux.latitude, limoux.longitude, carcassonne.latitude,
                                  carcassonne.longitude)  # fmt: skip
    assert _km(vers_carcassonne) in _ligne(section, OUTILS)
    resultat = couverture("11")
    i = resultat.codes.index("11206")
    assert _km(resultat.distances[DEMARCHES][i]) in _ligne(section, DEMARCHES)
    assert resultat.distances[DEMARCHES][i] < 1  # in Limoux itself
    assert "aucun lieu ne le propose" in _ligne(
        section, "Insertion professionnelle via le numérique"
    )
    assert "calcul de couverture de SUN" in section and "calculé le" in section


def test_commune_sans_lieu_ni_indice_ni_plan(client):
    """A commune of the Cantal, with no place in the register: useful messages, no blank."""
    page = texte(client.get("/communes/15014/"))
    assert "Aucun lieu de médiation numérique connu à moins de 50 km" in page
    assert "Chercher jusqu'à 100 km" in page
    assert "aucun lieu ne le propose" in _ligne(_section(page, "distances-titre"), DEMARCHES)
    assert "n'est pas chargé pour" in _section(page, "fragilite-titre")
    assert "Aucun plan départemental n'est encore chargé" in page


def test_commune_eloignee_sans_lieu_dans_la_commune(client, lieux):
    page = texte(client.get("/communes/11021/"))  # Axat, 30 km south of Limoux
    section = _section(page, "proximite-titre")
    assert "Aucun lieu de médiation numérique n'est situé dans la commune" in section
    assert "Espace France services de Limoux" in section


def test_indice_de_fragilite_de_la_commune_et_de_l_epci(client, tmp_path):
    chemin = tmp_path / "ifn.csv"
    chemin.write_text(ENTETE_IFN + "Limoux,city,11206,2,3,8,7,6,5.2\n"
                      "CC du Limouxin,epci,200071926,7,7,6.8,8.2,5.9,6.98\n", encoding="utf-8")  # fmt: skip
    importer(chemin)
    page = texte(client.get("/communes/11206/"))
    assert "Indice de fragilité numérique : <strong>5,2 sur 10</strong>" in page
    assert "8,0" in _ligne(page, "Pauvreté") and "importé le" in page
    page = texte(client.get("/epci/200071926/"))
    assert "Indice de fragilité numérique : <strong>7,0 sur 10</strong>" in page
    assert "6,8" in _ligne(page, "Pauvreté")
    communes = page.split('id="communes-epci"')[1]
    ligne_limoux = communes.split('href="/communes/11206/">Limoux</a>')[1].split("</tr>")[0]
    assert ligne_limoux.rstrip().endswith('<td class="nombre">5,2</td>')


def test_actions_du_plan_qui_concernent_les_communes(client):
    plan = PlanFactory(titre="Schéma de test", source="Département, schéma de test")
    orientation = OrientationDuPlanFactory(parent__plan=plan, titre="Inclusion")
    ActionFactory(orientation=orientation, titre="Accompagner les communes rurales",
                  statut=Action.Statut.EN_COURS, date_fin_prevue=date(2020, 1, 1))  # fmt: skip
    ActionFactory(orientation=orientation, titre="Former les agents", description="Avec les maires.",
                  statut=Action.Statut.REALISE)  # fmt: skip
    ActionFactory(orientation=orientation, titre="Définir des règles communes d'attribution")
    page = texte(client.get("/communes/11206/"))
    section = _section(page, "actions-titre")
    ligne = section.split("Accompagner les communes rurales")[1].split("</tr>")[0]
    assert "En cours" in ligne and "en retard" in ligne and "« les communes » (titre)" in ligne
    assert "« maires » (description)" in section and "Réalisé" in section
    assert "règles communes" not in section  # « communes » as an adjective is not about communes
    assert "Actions qui concernent les communes (2)" in section
    assert "Actions qui concernent les communes (2)" in texte(client.get("/epci/200071926/"))


def test_epci_lieux_et_distances_agregees(client, lieux):
    page = texte(client.get("/epci/200071926/"))  # CC du Limouxin
    section = _section(page, "lieux-titre")
    assert "Espace France services de Limoux" in section and "Médiathèque de Limoux" in section
    assert "Tiers-lieu de Carcassonne" not in section  # Carcassonne Agglo
    resultat = couverture("11")
    indices = [i for i, c in enumerate(resultat.codes)
               if Commune.objects.get(code_insee=c).epci_id is not None
               and Commune.objects.get(code_insee=c).epci.code_siren == "200071926"]  # fmt: skip
    populations = [int(resultat.populations[i]) for i in indices]
    distances = [resultat.distances[OUTILS][i] for i in indices]
    moyenne = sum(p * d for p, d in zip(populations, distances, strict=True)) / sum(populations)
    pire = max(range(len(indices)), key=lambda k: distances[k])
    ligne = _ligne(_section(page, "distances-titre"), OUTILS)
    assert _km(moyenne) in ligne
    assert f"{_km(distances[pire])} ({resultat.noms[indices[pire]]})" in ligne
    assert "pondérée par leur population municipale" in page
    communes = page.split('id="communes-epci"')[1]
    ligne_limoux = communes.split('href="/communes/11206/">Limoux</a>')[1].split("</tr>")[0]
    assert '<td class="nombre">2</td>' in ligne_limoux


def test_epci_sans_lieu(client):
    page = texte(client.get("/epci/200071926/"))
    assert "Aucun lieu de médiation numérique connu dans les communes" in page
