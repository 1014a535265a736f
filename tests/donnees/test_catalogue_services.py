"""The catalogue's writes: each refusal with its French message and nothing written; the
override of a non-conforming file by an administrator only, with a reason kept."""

from datetime import date

import pytest

from sun.comptes.roles import Role, RoleManquant
from sun.donnees.catalogue import services
from sun.donnees.catalogue.qualite import qualite
from sun.donnees.catalogue.queries import jeu_espace
from sun.donnees.models import JeuDeDonnees, Origine, Ressource, StatutJeu, VersionRessource
from tests.donnees import fabriques_catalogue
from tests.donnees.fabriques_catalogue import (
    CSV_REGISTRE_FAUTIF,
    CSV_REGISTRE_VALIDE,
    SCHEMA_REGISTRE,
    fichier,
    jeu_avec_version,
    jeu_publie,
    metadonnees,
)
from tests.donnees.factories import JeuFactory

pytestmark = pytest.mark.django_db

# Fixtures shared by the catalogue's tests.
administrateur = fabriques_catalogue.administrateur
agent = fabriques_catalogue.agent
stockage = fabriques_catalogue.stockage


def test_creer_un_jeu_slug_unique_et_licence_ouverte_par_defaut(agent):
    a = services.creer_jeu(metadonnees(titre="Équipements sportifs"), par=agent)
    b = services.creer_jeu(metadonnees(titre="Équipements sportifs"), par=agent)
    assert (a.slug, b.slug) == ("equipements-sportifs", "equipements-sportifs-2")
    assert a.licence == "lo-2.0" and a.statut == StatutJeu.BROUILLON
    assert a.origine == Origine.DEPOT and a.cree_par == agent
    r = services.creer_jeu(metadonnees(titre="R"), par=agent)
    assert r.slug == "r-donnees"  # /donnees/r/ is the resources' address


@pytest.mark.parametrize("valeurs, champ, morceau", [
    ({"titre": "  "}, "titre", "titre"),
    ({"themes": ["cuisine"]}, "themes", "Thème(s) inconnu(s) : cuisine"),
    ({"couverture_spatiale": ["11069", "99999"]}, "couverture_spatiale", "99999"),
    ({"couverture_debut": date(2024, 1, 1), "couverture_fin": date(2023, 1, 1)},
     "couverture_fin", "commence après sa fin"),
    ({"contact_email": "pas-un-courriel"}, "contact_email", "courriel invalide"),
    ({"licence": "cc-by"}, "licence", "Licence Ouverte"),
    ({"frequence": "parfois"}, "frequence", "Fréquence"),
])  # fmt: skip
def test_metadonnees_refusees_rien_n_est_ecrit(agent, valeurs, champ, morceau):
    with pytest.raises(services.RefusCatalogue) as refus:
        services.creer_jeu(metadonnees(**valeurs), par=agent)
    assert refus.value.champ == champ and morceau in refus.value.message
    assert not JeuDeDonnees.objects.exists()


def test_codes_insee_de_communes_et_de_departement_acceptes(agent):
    jeu = services.creer_jeu(metadonnees(couverture_spatiale=["11069", " 11 ", "11069"]),
                             par=agent)  # fmt: skip
    assert jeu.couverture_spatiale == ["11069", "11"]


def test_seul_le_personnel_depose(utilisateur_avec_role):
    for role in (Role.MEDIATEUR, Role.ARCHIVISTE):
        with pytest.raises(RoleManquant):
            services.creer_jeu(metadonnees(), par=utilisateur_avec_role(role))


def test_jeu_produit_par_sun_seuls_contact_editeur_licence_modifiables(agent):
    jeu = JeuFactory(origine=Origine.SUN, declaration="inclusion.lieux", titre="Lieux")
    services.modifier_jeu(jeu, metadonnees(titre="Autre titre", contact_email="a@example.org",
                                           licence="odbl-1.0", themes=["sports"]), par=agent)  # fmt: skip
    jeu.refresh_from_db()
    assert (jeu.titre, jeu.themes) == ("Lieux", ["institutions"])
    assert (jeu.contact_email, jeu.licence) == ("a@example.org", "odbl-1.0")
    with pytest.raises(services.RefusCatalogue, match="écrites par SUN"):
        services.ajouter_ressource(jeu, titre="x", format="csv", par=agent)


def test_ressource_schema_inconnu_refuse(agent):
    jeu = services.creer_jeu(metadonnees(), par=agent)
    with pytest.raises(services.RefusCatalogue, match="Schéma inconnu"):
        services.ajouter_ressource(jeu, titre="x", format="csv", schema_id="scdl/inconnu",
                                   schema_version="1.0", par=agent)  # fmt: skip
    assert not Ressource.objects.exists()


def _ressource(agent, **kwargs):
    jeu = services.creer_jeu(metadonnees(), par=agent)
    return services.ajouter_ressource(jeu, titre="Fichier", par=agent,
                                      **({"format": "csv"} | kwargs))  # fmt: skip


@pytest.mark.parametrize("nom, contenu, morceau", [
    ("vide.csv", b"", "vide"),
    ("tableau.docx", b"PK\x03\x04", "format non reconnu"),
    ("donnees.json", b"{}", "n'a pas le format de cette ressource"),
])  # fmt: skip
def test_fichier_refuse_rien_n_est_ecrit(agent, stockage, nom, contenu, morceau):
    ressource = _ressource(agent)
    with pytest.raises(services.RefusCatalogue, match=morceau):
        services.deposer_fichier(ressource, fichier(stockage, nom, contenu), nom_fichier=nom,
                                 par=agent)  # fmt: skip
    assert not VersionRessource.objects.exists()
    assert not list((stockage / "donnees").rglob("*.csv")) if (stockage / "donnees").exists() \
        else True  # fmt: skip


def test_fichier_trop_gros_refuse(agent, stockage, settings):
    settings.SUN_DONNEES_TAILLE_MAX_MO = 1
    ressource = _ressource(agent)
    gros = fichier(stockage, "gros.csv", b"a\n" + b"1\n" * (600 * 1024))
    with pytest.raises(services.RefusCatalogue, match="1 Mo au plus"):
        services.deposer_fichier(ressource, gros, nom_fichier="gros.csv", par=agent)
    assert not VersionRessource.objects.exists()


def test_fichier_conforme_depose_puis_publie(agent, stockage):
    _jeu, _ressource, v = jeu_avec_version(agent, stockage, contenu=CSV_REGISTRE_VALIDE,
                                         schema=SCHEMA_REGISTRE, nom="registre.csv")  # fmt: skip
    assert (v.numero, v.statut_validation, v.publiee) == (1, "valide", False)
    assert v.nom_fichier == "registre.csv" and v.taille == len(CSV_REGISTRE_VALIDE)
    services.publier_version_deposee(v, par=agent)
    v.refresh_from_db()
    assert v.publiee and not v.derogation_motif
    with pytest.raises(services.PublicationRefusee, match="déjà publiée"):
        services.publier_version_deposee(v, par=agent)


def test_fichier_non_conforme_seul_un_administrateur_le_publie_avec_un_motif(
    agent, administrateur, stockage
):
    _jeu, _ressource, v = jeu_avec_version(agent, stockage, contenu=CSV_REGISTRE_FAUTIF,
                                         schema=SCHEMA_REGISTRE)  # fmt: skip
    assert v.statut_validation == "invalide"
    with pytest.raises(RoleManquant, match="seul un administrateur"):
        services.publier_version_deposee(v, par=agent, motif="urgent")
    with pytest.raises(services.PublicationRefusee, match="motif"):
        services.publier_version_deposee(v, par=administrateur, motif="  ")
    v.refresh_from_db()
    assert not v.publiee
    services.publier_version_deposee(v, par=administrateur, motif="Colonnes renommées en 2025.")
    v.refresh_from_db()
    assert v.publiee and v.derogation_motif == "Colonnes renommées en 2025."
    assert v.derogation_par == administrateur


@pytest.mark.parametrize("valeurs, morceau", [
    ({"licence": ""}, "une licence"),
    ({"contact_email": ""}, "le courriel d'un point de contact"),
    ({"description": ""}, "une description"),
])  # fmt: skip
def test_publication_du_jeu_refusee_sans_licence_contact_ou_description(
    agent, stockage, valeurs, morceau
):
    jeu, _ressource, v = jeu_avec_version(agent, stockage, **valeurs)
    services.publier_version_deposee(v, par=agent)
    with pytest.raises(services.PublicationRefusee, match=morceau):
        services.publier_jeu(jeu, par=agent)
    jeu.refresh_from_db()
    assert jeu.statut == StatutJeu.BROUILLON and jeu.publie_le is None


def test_publication_refusee_sans_ressource_publiee(agent, stockage):
    jeu, _ressource, _v = jeu_avec_version(agent, stockage)
    with pytest.raises(services.PublicationRefusee, match="ressource dont une version"):
        services.publier_jeu(jeu, par=agent)


def test_publier_puis_retirer(agent, stockage):
    jeu, _ressource, _v = jeu_publie(agent, stockage)
    assert jeu.statut == StatutJeu.PUBLIE and jeu.publie_le and jeu.modifie_le
    jeu = services.retirer_jeu(jeu, par=agent)
    assert jeu.statut == StatutJeu.RETIRE
    with pytest.raises(services.RefusCatalogue, match="publié peut être retiré"):
        services.retirer_jeu(jeu, par=agent)


def test_qualite_neuf_criteres(agent, stockage):
    jeu, _, _ = jeu_publie(agent, stockage, couverture_debut=date(2020, 1, 1))
    q = qualite(jeu_espace(jeu.pk))
    assert len(q.criteres) == 9
    # A description under 100 characters is the one criterion missing: 8 / 9.
    assert [c.code for c in q.manquants] == ["dataset_description_quality"]
    assert (q.remplis, q.score) == (8, 89)
    brouillon = JeuFactory(description="Court.", licence="", frequence="unknown",
                           couverture_spatiale=[])  # fmt: skip
    q = qualite(jeu_espace(brouillon.pk))
    assert q.remplis == 0 and q.score == 0


@pytest.mark.parametrize("contenu", [b"a,b\n1,2\n", "é,è\n".encode("utf-16-le")],
                         ids=["en-tete", "encodage"])  # fmt: skip
def test_un_fichier_illisible_ou_d_un_autre_en_tete_n_est_pas_garde(agent, stockage, contenu):
    from sun.donnees.catalogue.versions import FichierRefuse
    from sun.donnees.models import VersionRessource

    with pytest.raises(FichierRefuse, match="Rien n'a été enregistré") as refus:
        jeu_avec_version(agent, stockage, contenu=contenu, schema=SCHEMA_REGISTRE)
    assert refus.value.rapport.groupes or refus.value.rapport.message
    assert not VersionRessource.objects.exists()
    assert not list((stockage / "donnees").glob("*/*.csv"))
