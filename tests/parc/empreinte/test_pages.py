"""The footprint pages of the agent space: who may read them, what they show (the edition and
the lifetime on every figure, a table under every chart), the renewal view with its links to
the filtered inventory, the CSV, and the public summary."""

import re
from datetime import date

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from sun.comptes.roles import Role
from sun.parc.empreinte.pages import page_scenarios, resume_public, tableau
from sun.parc.models import Site
from sun.parc.referentiel import Achat, Etat, TypeEquipement
from tests.comptes.factories import UtilisateurFactory
from tests.outils import texte
from tests.parc.empreinte.outils import equipements
from tests.parc.factories import EquipementFactory, SiteFactory

pytestmark = pytest.mark.django_db

PAGES = ("espace:parc_empreinte", "espace:parc_scenarios", "espace:parc_renouvellement",
         "espace:parc_empreinte_csv")  # fmt: skip
ANNEE = 2024


@pytest.fixture
def parc():
    dsi = SiteFactory(nom="Direction des systèmes d'information", effectif=40)
    college = SiteFactory(nom="Collège Jules Ferry", genre=Site.Genre.COLLEGE)
    equipements(10, ANNEE - 5, site=dsi, prix_acquisition=900)  # reach 5 years in 2024
    equipements(4, ANNEE - 4, TypeEquipement.ECRAN, site=college, prix_acquisition=150)
    equipements(2, ANNEE - 2, TypeEquipement.IMPRIMANTE, site=college)
    equipements(1, ANNEE - 1, achat=Achat.RECONDITIONNE, site=dsi)
    EquipementFactory(demonstration=True, date_acquisition=date(ANNEE - 1, 1, 1), site=dsi)
    EquipementFactory(etat=Etat.SORTI, date_reforme=date(ANNEE - 2, 6, 1),
                      date_acquisition=date(ANNEE - 9, 1, 1), site=dsi)  # fmt: skip
    return dsi, college


def _client(client, *roles, nom=None):
    client.force_login(UtilisateurFactory(username=nom or f"e-{'-'.join(roles) or 'x'}",
                                          roles=roles))  # fmt: skip
    return client


@pytest.mark.parametrize("nom", PAGES)
def test_anonyme_va_a_la_connexion(client, nom):
    reponse = client.get(reverse(nom))
    assert reponse.status_code == 302 and "se-connecter" in reponse["Location"]


@pytest.mark.parametrize("nom", PAGES)
@pytest.mark.parametrize("roles, statut", [
    ((), 403), ((Role.AGENT,), 403), ((Role.MEDIATEUR,), 403), ((Role.INSTRUCTEUR,), 403),
    ((Role.COMMUNE,), 403), ((Role.PARTENAIRE,), 403),
    ((Role.PILOTE,), 200), ((Role.ADMINISTRATEUR,), 200), ((Role.INFORMATIQUE,), 200),
])  # fmt: skip
def test_les_roles(client, parc, nom, roles, statut):
    reponse = _client(client, *roles).get(reverse(nom))
    assert reponse.status_code == statut


def _tableaux_sous_les_graphiques(html: str) -> None:
    svgs = [m.end() for m in re.finditer(r"<svg[^>]*role=\"img\"", html)]
    assert svgs, "aucun graphique"
    for fin in svgs:
        suite = html[fin:]
        assert suite.index("<table") < suite.find("<svg") if "<svg" in suite else "<table" in suite


def test_la_page_de_l_empreinte(client, parc):
    reponse = _client(client, Role.INFORMATIQUE).get(reverse("espace:parc_empreinte"),
                                                     {"annee": ANNEE})  # fmt: skip
    html = texte(reponse)
    assert reponse.status_code == 200
    assert "ADEME–Arcep 2022 (ImpactCO2), édition du 19/01/2022" in html
    assert html.lower().count("facteurs ademe–arcep 2022") >= 7  # on every figure and table
    _tableaux_sous_les_graphiques(html)
    assert "Imprimante (2)" in html  # without factor, counted apart
    assert "Direction des systèmes d'information" in html and "Collège Jules Ferry" in html
    assert "Durées de vie prévues par type" in html
    assert "1 équipement de démonstration non compté" in html
    t = tableau(ANNEE)
    # 10 laptops of 2019 (5 years: the last half year of amortisation), 1 refurbished of 2023
    # (a full year, 80 % avoided), 4 screens of 2020 (8 years).
    fab = 10 * 185.4 / 5 / 2 + 185.4 * 0.2 / 5 + 4 * 69.8 / 8
    usage = 10 * 1.7 + 1.7 + 4 * 4.0
    assert t.total.fabrication == pytest.approx(fab)
    assert t.total.usage == pytest.approx(usage)
    assert t.total.nombre == 15
    dsi = next(ligne for ligne in t.par_site if ligne.libelle.startswith("Direction"))
    assert t.par_agent == pytest.approx(dsi.total / 40)
    assert t.stock.nombre == 15


def test_l_edition_boavizta_et_ses_autres_criteres(client, parc):
    reponse = _client(client, Role.PILOTE).get(reverse("espace:parc_empreinte"),
                                               {"annee": ANNEE, "edition": "boavizta-2.5.0"})  # fmt: skip
    html = texte(reponse)
    assert "Boavizta (boaviztapi), version 2.5.0" in html
    assert "Épuisement des ressources minérales" in html and "Énergie primaire" in html
    assert "0,098 kg CO2e/kWh" in html


def test_une_valeur_refusee_400(client, parc):
    reponse = _client(client, Role.PILOTE).get(reverse("espace:parc_empreinte"),
                                               {"annee": "douze"})  # fmt: skip
    assert reponse.status_code == 400
    assert "Valeur refusée" in texte(reponse)


def test_parc_vide(client):
    reponse = _client(client, Role.INFORMATIQUE).get(reverse("espace:parc_empreinte"))
    assert reponse.status_code == 200
    assert "Aucun équipement dans l'inventaire" in texte(reponse)


def test_les_scenarios(client, parc):
    reponse = _client(client, Role.PILOTE).get(reverse("espace:parc_scenarios"),
                                               {"reconditionne": 50})  # fmt: skip
    html = texte(reponse)
    assert reponse.status_code == 200
    assert "Acheter reconditionné : 50 % des renouvellements" in html
    assert "SUN_PARC" not in html and "réglage" not in html
    assert "MiNumEco" in html and "212 à 296 kg CO2e" in html
    assert "évite 80 %" in html
    # 10 new laptops over 5 years and 4 screens over 8, amortised in the current year (the
    # refurbished one cannot be bought refurbished again): those past their lifetime count 0.
    base = page_scenarios(50).resultat.total.fabrication_neuf
    attendu = base * 0.5 * 0.8
    assert f"{attendu:,.0f}".replace(",", "\u202f") + " kg CO2e par an" in html
    trop = _client(client, Role.PILOTE, nom="e-p2").get(reverse("espace:parc_scenarios"),
                                                        {"reconditionne": 150})  # fmt: skip
    assert trop.status_code == 400


def test_le_renouvellement_et_ses_liens(client, parc):
    dsi, _college = parc
    reponse = _client(client, Role.INFORMATIQUE).get(reverse("espace:parc_renouvellement"),
                                                     {"annee": ANNEE})  # fmt: skip
    html = texte(reponse)
    assert reponse.status_code == 200
    assert f"?type=portable&site={dsi.pk}&etat=en_service" in html
    assert "?type=portable&etat=en_service" in html
    assert "9\u202f000" in html  # 10 laptops × 900 € deferred
    assert "sans facteur" in html  # the printers


def test_le_csv(client, parc):
    reponse = _client(client, Role.INFORMATIQUE).get(reverse("espace:parc_empreinte_csv"),
                                                     {"annee": ANNEE})  # fmt: skip
    contenu = reponse.content.decode()
    assert reponse["Content-Type"].startswith("text/csv")
    lignes = contenu.splitlines()
    assert lignes[0].startswith(f"# Empreinte du parc informatique, {ANNEE - 9}–{ANNEE}")
    assert "ADEME–Arcep 2022" in lignes[1]
    assert any(ligne.startswith("# Durées de vie prévues : ") for ligne in lignes)
    entete = next(ligne for ligne in lignes if ligne.startswith("annee;"))
    assert entete.startswith("annee;type;site;nombre;fabrication_amortie_kg_co2e")
    assert f"{ANNEE};portable;Direction des systèmes d'information;11;" in contenu
    assert f"{ANNEE};imprimante;;2;" in contenu


def test_le_resume_public(parc):
    resume = resume_public(ANNEE)
    html = render_to_string("web/parc/empreinte/_resume.html", {"resume": resume})
    assert "t CO2e" in html and "kg CO2e par agent" in html
    assert "ADEME–Arcep 2022" in html
    assert resume.nombre == 15


def test_le_resume_sans_parc():
    html = render_to_string("web/parc/empreinte/_resume.html", {"resume": resume_public(ANNEE)})
    assert "pas encore calculée" in html


def test_une_edition_reglee_inconnue_est_dite_en_francais(client, settings):
    settings.SUN_PARC_FACTEURS = "ademe-1999"
    reponse = _client(client, Role.PILOTE).get(reverse("espace:parc_empreinte"))
    assert reponse.status_code == 500
    html = texte(reponse)
    assert "Édition de facteurs inconnue « ademe-1999 »" in html
    assert "demandez à l'administrateur du site" in html
    assert "SUN_PARC_FACTEURS" not in html and "sun parc facteurs" not in html


def test_scenarios_et_empreinte_donnent_la_meme_fabrication(client):
    """A laptop bought refurbished and another item in service: the scenarios' « today » is the
    footprint page's amortised manufacturing of the current year, on the pages too."""
    from sun.parc.empreinte.pages import annee_courante

    courante = annee_courante()
    site = SiteFactory(nom="Direction des systèmes d'information")
    equipements(1, courante - 2, achat=Achat.RECONDITIONNE, site=site)
    equipements(1, courante - 1, TypeEquipement.ECRAN, site=site)
    t = tableau()
    s = page_scenarios(30).resultat
    assert t.total.fabrication > 0
    assert s.total.fabrication_par_an == pytest.approx(t.total.fabrication)
    par_type = {ligne.cle: ligne.fabrication for ligne in t.par_type}
    assert {ligne.type: pytest.approx(ligne.fabrication_par_an) for ligne in s.lignes} == par_type
    connecte = _client(client, Role.PILOTE)
    chiffre = f"{t.total.fabrication:,.1f}".replace(",", "\u202f").replace(".", ",")
    assert chiffre in texte(connecte.get(reverse("espace:parc_scenarios")))
    entier = f"{t.total.fabrication:,.0f}".replace(",", "\u202f")
    assert f"{entier} kg de fabrication amortie" in texte(
        connecte.get(reverse("espace:parc_empreinte"))
    )


def test_pas_de_pluriel_pour_zero_ni_un(client):
    EquipementFactory(etat=Etat.SORTI, date_reforme=date(ANNEE - 2, 6, 1),
                      date_acquisition=date(ANNEE - 9, 1, 1))  # fmt: skip
    html = texte(_client(client, Role.PILOTE).get(reverse("espace:parc_scenarios")))
    assert "(0 équipement avec facteur" in html
    assert "équipements avec facteur" not in html
    assert "achats par an" not in html
