"""Public pages: the list of services with their state, the declaration of each in the RGAA
model, the multi-year plan with this year's actions, SUN's own accessibility page linked to
them, and the footer mention that agrees with SUN's own register entry."""

import html
import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from sun.accessibilite.demo import creer_registre_demo, enregistrer_site_sun
from sun.accessibilite.models import ActionAccessibilite, Categorie
from sun.accessibilite.services import ajouter_contenu, enregistrer_schema, enregistrer_service

pytestmark = pytest.mark.django_db


def texte(reponse) -> str:
    return html.unescape(re.sub(r"\s+", " ", reponse.content.decode()))


def test_declaration_au_modele_rgaa(client):
    sn = enregistrer_service({
        "nom": "Portail des aides", "url": "https://aides.exemple.fr/", "type": "site",
        "date_audit": date(2024, 5, 2), "audite_par": "Cabinet Exemple", "criteres_valides": 37,
        "criteres_applicables": 51, "declaration_etablie_le": date(2024, 6, 1),
        "technologies": "HTML, CSS", "outils": "NVDA\nWAVE", "pages_testees": "Accueil\nContact",
        "environnement_test": "Firefox et NVDA", "contact_courriel": "a11y@exemple.fr",
    })  # fmt: skip
    ajouter_contenu(
        sn, {"categorie": Categorie.NON_CONFORMITE, "description": "Champs sans étiquette"}
    )
    ajouter_contenu(sn, {"categorie": Categorie.DEROGATION, "description": "Plans",
                         "justification": "Coût", "alternative": "Envoi par courriel"})  # fmt: skip
    page = texte(client.get(reverse("accessibilite_declaration", args=[sn.slug])))
    assert "s'engage à rendre ses sites internet" in page and "article 47" in page
    assert "« Portail des aides » est partiellement conforme</strong>" in page
    assert "version 4.1.2, en raison des non-conformités" in page
    assert "72,55 % des critères du RGAA 4.1.2 sont respectés (37 critères validés sur 51" in page
    for titre in ("Non-conformités", "Dérogations pour charge disproportionnée",
                  "Contenus non soumis à l'obligation d'accessibilité",
                  "Établissement de cette déclaration", "Technologies utilisées",
                  "Environnement de test", "Outils pour évaluer", "Pages du service",
                  "Retour d'information et contact", "Voies de recours"):  # fmt: skip
        assert titre in page, titre
    assert "Alternative accessible : Envoi par courriel" in page
    assert "établie le 1 juin 2024" in page and "valable jusqu'au 1 juin 2027" in page
    assert "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07" in page
    assert "mailto:a11y@exemple.fr" in page
    assert client.get(reverse("accessibilite_declaration", args=["inconnu"])).status_code == 404


def test_liste_publique_et_demonstration_a_part(client):
    enregistrer_service({"nom": "Sans audit", "url": "https://x.exemple.fr/", "type": "demarche"})
    creer_registre_demo(date(2025, 6, 1))
    creer_registre_demo(date(2025, 6, 1))  # idempotent
    page = texte(client.get(reverse("accessibilite_services")))
    reels, demo = page.split("Exemples de démonstration")
    assert "Sans audit" in reels and "(démonstration)" not in reels
    assert 'Non conforme<br><span class="detail">Aucun audit de conformité' in reels
    assert "Totalement conforme (100 %)" in demo and "Partiellement conforme" in demo
    assert demo.count('<span class="etiquette">démonstration</span>') == 4


def test_schema_et_plan_de_l_annee(client):
    assert "pas encore publié" in texte(client.get(reverse("accessibilite_schema")))
    annee = timezone.localdate().year
    schema = enregistrer_schema({"titre": "Schéma d'accessibilité", "debut": date(annee, 1, 1),
                                 "fin": date(annee + 2, 12, 31), "referent": "Une référente."})  # fmt: skip
    ActionAccessibilite.objects.create(schema=schema, annee=annee, intitule="Former les agents",
                                       nature="formation")  # fmt: skip
    ActionAccessibilite.objects.create(schema=schema, annee=annee + 1, intitule="Plus tard",
                                       nature="audit")  # fmt: skip
    page = texte(client.get(reverse("accessibilite_schema")))
    assert f"Plan d'actions {annee}" in page
    assert "Former les agents" in page and "Plus tard" not in page
    assert "Rôle du référent accessibilité" in page and "Une référente." in page


def test_page_accessibilite_de_sun_et_mention_du_pied(client):
    page = texte(client.get("/accessibilite/"))
    assert 'href="/accessibilite/services/"' in page
    assert 'href="/accessibilite/schema-pluriannuel/"' in page
    sun = enregistrer_site_sun("https://sun.exemple.fr")
    assert sun.contenus.count() == 1 and len(sun.urls_a_controler()) == 8
    assert enregistrer_site_sun("https://sun.exemple.fr").pk == sun.pk
    etat = sun.conformite(timezone.localdate())
    # The footer states SUN's own state, the one its register entry computes.
    assert f"Accessibilité : {etat.libelle} (audit à réaliser)" in page
    assert etat.motif == "aucun audit de conformité"
