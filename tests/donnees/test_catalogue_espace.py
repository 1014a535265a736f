"""Agent space › catalogue: who opens each address (agent, pilote, administrateur allowed;
médiateur, commune, archiviste 403; anonymous to the login page), and the deposit flow from
a new dataset to its publication, with the override of a non-conforming file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sun.comptes.roles import Role
from sun.donnees.models import JeuDeDonnees, StatutJeu, VersionRessource
from tests.donnees import fabriques_catalogue
from tests.donnees.fabriques_catalogue import (
    CSV_REGISTRE_FAUTIF,
    SCHEMA_REGISTRE,
    jeu_avec_version,
    jeu_publie,
)
from tests.outils import texte

pytestmark = pytest.mark.django_db

# Fixtures shared by the catalogue's tests.
administrateur = fabriques_catalogue.administrateur
agent = fabriques_catalogue.agent
stockage = fabriques_catalogue.stockage

AUTORISES = (Role.AGENT, Role.PILOTE, Role.ADMINISTRATEUR)
REFUSES = (Role.MEDIATEUR, Role.COMMUNE, Role.ARCHIVISTE)


@pytest.fixture
def monde(agent, stockage):
    jeu, ressource, version = jeu_avec_version(agent, stockage)
    publie, _, _ = jeu_publie(agent, stockage, titre="Déjà publié")
    return {"jeu": jeu, "ressource": ressource, "version": version, "publie": publie}


def _adresses(m) -> list[tuple[str, str]]:
    j, r, v = m["jeu"].pk, m["ressource"].pk, m["version"].pk
    return [
        ("get", reverse("espace:donnees")),
        ("get", reverse("espace:donnees_nouveau")),
        ("get", reverse("espace:donnees_jeu", args=[j])),
        ("get", reverse("espace:donnees_modifier", args=[j])),
        ("get", reverse("espace:donnees_ressource_nouvelle", args=[j])),
        ("get", reverse("espace:donnees_depot", args=[r])),
        ("get", reverse("espace:donnees_version", args=[v])),
        ("post", reverse("espace:donnees_version_publier", args=[v])),
        ("post", reverse("espace:donnees_publier", args=[j])),
        ("post", reverse("espace:donnees_retirer", args=[m["publie"].pk])),
    ]


def test_anonyme_vers_la_connexion(client, monde):
    for methode, adresse in _adresses(monde):
        reponse = getattr(client, methode)(adresse)
        assert reponse.status_code == 302 and "/se-connecter/" in reponse["Location"], adresse


@pytest.mark.parametrize("role", REFUSES)
def test_roles_refuses(client, monde, utilisateur_avec_role, role):
    client.force_login(utilisateur_avec_role(role))
    for methode, adresse in _adresses(monde):
        assert getattr(client, methode)(adresse).status_code == 403, adresse
    assert not VersionRessource.objects.filter(publiee=True, ressource=monde["ressource"]).exists()


@pytest.mark.parametrize("role", AUTORISES)
def test_roles_autorises(client, monde, utilisateur_avec_role, role):
    client.force_login(utilisateur_avec_role(role, identifiant=f"autre-{role.value}"))
    attendus = [200] * 7 + [302, 302, 302]
    for (methode, adresse), attendu in zip(_adresses(monde), attendus, strict=True):
        assert getattr(client, methode)(adresse).status_code == attendu, adresse


def test_du_depot_a_la_publication(client, agent, stockage):
    client.force_login(agent)
    reponse = client.post(reverse("espace:donnees_nouveau"), {
        "titre": "Délibérations du conseil départemental", "description": "Les délibérations.",
        "contact_email": "donnees@example.org", "licence": "lo-2.0", "themes": ["democratie"],
        "mots_cles": "délibérations, assemblée", "couverture_spatiale": "11",
        "maille": "Départementale", "frequence": "monthly",
    })  # fmt: skip
    jeu = JeuDeDonnees.objects.get()
    assert reponse.status_code == 302 and jeu.mots_cles == ["délibérations", "assemblée"]
    reponse = client.post(reverse("espace:donnees_ressource_nouvelle", args=[jeu.pk]), {
        "titre": "Délibérations 2025", "format": "csv", "type": "main", "schema": "",
    })  # fmt: skip
    ressource = jeu.ressources.get()
    assert reponse["Location"] == reverse("espace:donnees_depot", args=[ressource.pk])
    envoi = SimpleUploadedFile("delib.csv", b"id,objet\n1,Budget\n", "text/csv")
    reponse = client.post(reverse("espace:donnees_depot", args=[ressource.pk]),
                          {"fichier": envoi})  # fmt: skip
    version = VersionRessource.objects.get()
    assert reponse["Location"] == reverse("espace:donnees_version", args=[version.pk])
    page = texte(client.get(reponse["Location"]))
    assert "Publier cette version" in page and "rapport-validation" in page
    client.post(reverse("espace:donnees_version_publier", args=[version.pk]))
    client.post(reverse("espace:donnees_publier", args=[jeu.pk]))
    jeu.refresh_from_db()
    assert jeu.statut == StatutJeu.PUBLIE
    assert client.get(reverse("donnees_jeu", args=[jeu.slug])).status_code == 200


def test_depot_refuse_message_en_francais(client, agent, monde):
    client.force_login(agent)
    envoi = SimpleUploadedFile("vide.csv", b"", "text/csv")
    reponse = client.post(reverse("espace:donnees_depot", args=[monde["ressource"].pk]),
                          {"fichier": envoi})  # fmt: skip
    assert reponse.status_code == 400
    assert "Rien n'a été enregistré" in texte(reponse) or "vide" in texte(reponse)
    assert VersionRessource.objects.filter(ressource=monde["ressource"]).count() == 1


def test_depot_d_un_en_tete_etranger_au_schema_montre_le_rapport_sans_rien_garder(
    client, agent, stockage
):
    _, ressource, _ = jeu_avec_version(agent, stockage, contenu=fabriques_catalogue.CSV_REGISTRE_FAUTIF,
                                       schema=fabriques_catalogue.SCHEMA_REGISTRE)  # fmt: skip
    client.force_login(agent)
    envoi = SimpleUploadedFile("autre.csv", b"code,valeur\n11069,12\n", "text/csv")
    reponse = client.post(reverse("espace:donnees_depot", args=[ressource.pk]), {"fichier": envoi})
    page = texte(reponse)
    assert reponse.status_code == 400 and "Rien n'a été enregistré" in page
    assert "En-tête non conforme au schéma" in page  # the report says which columns
    assert VersionRessource.objects.filter(ressource=ressource).count() == 1


def test_publication_du_jeu_refusee_affiche_ce_qui_manque(client, agent, stockage):
    jeu, _, _ = jeu_avec_version(agent, stockage, contact_email="")
    client.force_login(agent)
    reponse = client.post(reverse("espace:donnees_publier", args=[jeu.pk]))
    assert reponse.status_code == 400 and "point de contact" in texte(reponse)


def test_derogation_formulaire_pour_l_administrateur_seul(client, agent, administrateur,
                                                          stockage):  # fmt: skip
    _, _, version = jeu_avec_version(
        agent, stockage, contenu=CSV_REGISTRE_FAUTIF, schema=SCHEMA_REGISTRE
    )
    adresse = reverse("espace:donnees_version", args=[version.pk])
    client.force_login(agent)
    assert "Publier malgré les erreurs" not in texte(client.get(adresse))
    assert client.post(reverse("espace:donnees_version_publier", args=[version.pk]),
                       {"motif": "urgent"}).status_code == 403  # fmt: skip
    client.force_login(administrateur)
    assert "Publier malgré les erreurs" in texte(client.get(adresse))
    reponse = client.post(reverse("espace:donnees_version_publier", args=[version.pk]))
    assert reponse.status_code == 400 and "motif" in texte(reponse)
    client.post(reverse("espace:donnees_version_publier", args=[version.pk]),
                {"motif": "Fichier historique."})  # fmt: skip
    version.refresh_from_db()
    assert version.publiee and version.derogation_motif == "Fichier historique."


def test_liste_filtres_et_qualite(client, agent, monde):
    client.force_login(agent)
    page = texte(client.get(reverse("espace:donnees")))
    assert "Déjà publié" in page and "Subventions aux associations" in page and " %" in page
    page = texte(client.get(reverse("espace:donnees"), {"statut": "publie"}))
    assert "Déjà publié" in page and "Subventions aux associations" not in page


def test_chaque_id_cite_existe(client, administrateur, monde):
    """The check of tests/web/test_formulaires_aria.py on the catalogue's pages, forms sent
    empty included (their errors tied to their fields)."""
    from tests.web.test_formulaires_aria import _verifier

    client.force_login(administrateur)
    r = monde["ressource"]
    pages = [reverse("donnees_catalogue"), reverse("donnees_jeu", args=[monde["publie"].slug]),
             *(a for m, a in _adresses(monde) if m == "get")]  # fmt: skip
    problemes = []
    for adresse in pages:
        reponse = client.get(adresse)
        assert reponse.status_code == 200, adresse
        problemes += _verifier(reponse, adresse, "affichée")[0]
    for adresse in (reverse("espace:donnees_nouveau"),
                    reverse("espace:donnees_ressource_nouvelle", args=[monde["jeu"].pk]),
                    reverse("espace:donnees_depot", args=[r.pk])):  # fmt: skip
        reponse = client.post(adresse, {})
        assert reponse.status_code == 400, adresse
        problemes += _verifier(reponse, adresse, "envoyée vide")[0]
    assert problemes == []
