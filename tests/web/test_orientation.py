"""Desk orientation: questionnaire, level of autonomy, proposed places, sheet and PDF,
anonymous statistics, and who may do what."""

import pytest

from sun.comptes.roles import Role
from sun.inclusion.lieux import orientation as o
from sun.inclusion.lieux.services import importer_lieux
from sun.inclusion.models import Orientation
from tests.inclusion.outils import ecrire_csv, lieu_v1
from tests.outils import texte

pytestmark = pytest.mark.django_db

REPONSES = {"commune": "Limoux", "equipements": ["smartphone"], "connexion": "mobile",
            "savoir_faire": ["appareil", "courriel"], "besoins": ["demarche"], "rayon": "20"}  # fmt: skip


@pytest.fixture
def lieux(tmp_path):
    lignes = [
        lieu_v1(id="limoux", nom="France services de Limoux", commune="Limoux", code_postal="11300",
                code_insee="11206", latitude="43.0546", longitude="2.2187", adresse="6 place du Marché",
                telephone="04 68 31 00 00", services="Aide aux démarches administratives"),
        lieu_v1(id="pieusse", nom="Médiathèque de Pieusse", commune="Pieusse", code_postal="11300",
                code_insee="11284", latitude="43.0781", longitude="2.2336", adresse="1 rue des Écoles",
                telephone="04 68 31 11 11", services="Maîtrise des outils numériques du quotidien"),
    ]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", lignes), "Source test")


@pytest.mark.parametrize(
    ("savoir_faire", "niveau"),
    [([], "pas_a_pas"), (["appareil"], "pas_a_pas"), (["appareil", "courriel"], "debutant"),
     (list(o.SAVOIR_FAIRE)[:4], "intermediaire"), (list(o.SAVOIR_FAIRE), "autonome")],
)  # fmt: skip
def test_niveau_d_autonomie(savoir_faire, niveau):
    assert o.diagnostiquer(["smartphone"], "domicile", savoir_faire, []).niveau.code == niveau


def test_services_qui_conviennent():
    sans_rien = o.diagnostiquer(["aucun"], "aucune", [], [])
    assert "Accès internet et matériel informatique" in sans_rien.services
    assert "Acquisition de matériel informatique à prix solidaire" in sans_rien.services
    demande = o.diagnostiquer(["ordinateur"], "domicile", list(o.SAVOIR_FAIRE), ["emploi"])
    assert demande.services_recherches == ["Insertion professionnelle via le numérique"]


def test_orientation_de_bout_en_bout(client, utilisateur_avec_role, lieux):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    reponse = client.post("/espace/orientation/", REPONSES)
    assert reponse.status_code == 302
    orientation = Orientation.objects.get()
    assert orientation.commune.code_insee == "11206" and orientation.niveau == "debutant"
    # Only places offering what the person came for: help with an online procedure.
    assert orientation.besoins == ["demarche"] and len(orientation.lieux_proposes) == 1
    page = texte(client.get(reponse["Location"]))
    assert "Niveau : Débutant." in page and "France services de Limoux" in page
    assert "Médiathèque de Pieusse" not in page
    reponse = client.post(reponse["Location"], {"lieux": orientation.lieux_proposes})
    fiche = texte(client.get(reponse["Location"]))
    assert "Où trouver de l'aide numérique près de chez vous" in fiche
    assert "04 68 31 00 00" in fiche and "6 place du Marché" in fiche and "<svg" in fiche
    pdf = client.get(f"/espace/orientation/{orientation.pk}/fiche.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_orientation_anonyme():
    champs = {f.name for f in Orientation._meta.get_fields()}
    # The departure point is the centre of a commune or former commune, never an address
    # (tests/web/test_orientation_commune.py).
    assert champs == {"id", "date", "commune", "niveau", "besoins", "services", "lieux_proposes",
                      "lieux_retenus", "depart_nom", "depart_latitude", "depart_longitude"}  # fmt: skip


def test_commune_introuvable_sans_rien_perdre(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    reponse = client.post("/espace/orientation/", {**REPONSES, "commune": "Limouxx"})
    page = texte(reponse)
    assert reponse.status_code == 200 and "Aucune commune ne correspond" in page
    assert (
        "Communes proches : Limoux" in page
        and 'value="courriel" id="id_savoir_faire_1" checked' in page
    )
    assert Orientation.objects.count() == 0


def test_choisir_au_moins_un_lieu(client, utilisateur_avec_role, lieux):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    adresse = client.post("/espace/orientation/", REPONSES)["Location"]
    page = texte(client.post(adresse, {"lieux": []}, follow=True))
    assert "Choisissez au moins un lieu" in page


@pytest.mark.parametrize(
    ("role", "orienter", "statistiques"),
    [(Role.AGENT, 200, 200), (Role.MEDIATEUR, 200, 403), (Role.PILOTE, 403, 200),
     (Role.ADMINISTRATEUR, 200, 200), (None, 403, 403)],
)  # fmt: skip
def test_droits_par_role(client, utilisateur_avec_role, role, orienter, statistiques):
    client.force_login(utilisateur_avec_role(role) if role else utilisateur_avec_role())
    assert client.get("/espace/orientation/").status_code == orienter
    assert client.get("/espace/orientation/statistiques/").status_code == statistiques


def test_anonyme_renvoye_a_la_connexion(client):
    reponse = client.get("/espace/orientation/")
    assert reponse.status_code == 302 and "/se-connecter/" in reponse["Location"]
    assert client.get("/espace/orientation/1/fiche.pdf").status_code == 302


def test_statistiques(client, utilisateur_avec_role, lieux):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    client.post("/espace/orientation/", REPONSES)
    client.post("/espace/orientation/", {**REPONSES, "besoins": ["demarche", "emploi"]})
    page = texte(client.get("/espace/orientation/statistiques/"))
    assert "2 orientations enregistrées" in page and "Limoux" in page
    assert "Faire une démarche administrative" in page and "Débutant" in page


def test_fiche_d_une_page_avec_quatre_lieux(client, utilisateur_avec_role, tmp_path, rf):
    from django.template.loader import render_to_string
    from weasyprint import HTML

    from sun.web.views.espace_orientation import _contexte_fiche

    horaires = "Mo 09:00-12:00; Tu 14:00-18:00; We 09:00-12:00,14:00-17:00; Th 10:00-12:00; Fr 13:00-16:00; Sa 09:30-11:30"
    lignes = [lieu_v1(id=f"l{i}", nom=f"Lieu {nom} au nom assez long pour tenir sur deux lignes",
                      adresse=f"{i} avenue {nom}", telephone=f"04 68 20 00 0{i}", horaires=horaires,
                      latitude=f"{43.05 + i * 0.01:.2f}", longitude="2.2187", code_insee="11206",
                      commune="Limoux", code_postal="11300")
              for i, nom in enumerate(["Arago", "Barbès", "Courbet", "Diderot"])]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", lignes), "Source test")
    client.force_login(utilisateur_avec_role(Role.AGENT))
    adresse = client.post("/espace/orientation/", {**REPONSES, "besoins": []})["Location"]
    orientation = Orientation.objects.get()
    assert len(orientation.lieux_proposes) == 4
    page = texte(
        client.post(adresse, {"lieux": [*orientation.lieux_proposes, "inconnu"]}, follow=True)
    )
    assert "Où trouver de l'aide" in page  # the unknown id is ignored, four places fit
    orientation.refresh_from_db()
    document = render_to_string(
        "web/espace/orientation/fiche_document.html", _contexte_fiche(rf.get("/"), orientation)
    )
    # The type size estimated for the sheet (the one the browser prints) fits one page.
    assert len(HTML(string=document).render().pages) == 1


def test_propositions_avec_distance_ouverture_et_services(client, utilisateur_avec_role, lieux):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = texte(client.get(client.post("/espace/orientation/", REPONSES)["Location"]))
    # From the centre of Limoux (the commune's centroid) to the France services.
    assert "À 1,7 km du centre de Limoux, à vol d'oiseau" in page
    assert "Utile pour : <strong>Faire ses démarches en ligne</strong>" in page
    assert page.count("Prochaine ouverture") + page.count("Ouvert maintenant") == 1
