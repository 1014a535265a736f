"""Helpers of the catalogue's tests: files in a temporary VAR_DIR, and a dataset published
through the services (deposit, check, publication) as an agent would."""

from pathlib import Path

import pytest

from sun.comptes.roles import Role
from sun.donnees.catalogue import services

# The valid example of the schema Archivistes75/registre_entrees 0.4.1, byte for byte
# (github.com/Archivistes75/registre_entrees, exemple-valide.csv, Licence Ouverte 2.0; copied
# in shared/reference/donnees/).
CSV_REGISTRE_VALIDE = b'ID,nomArch,coteArch,dateEntree,statutJur,modeEntree,orgaVers,servVers,orgaProducteur,servProd,typeProd,activiteProd,descContenu,datesExD,datesExF,natureSupport,mlEntree,nbreArt,volElec,objElec\nFRAC_13001_2020_001,Archives municipales d\'Aix-en-Provence,1238W,2020-08-26,Archives publiques,Versement,"Ville d\'Aix-en-Provence FR78422804100033_000000011 - Tribunal administratif",service qui verse l\'entr\xc3\xa9e,"Ville d\'Aix-en-Provence, FR78422804100033_000000011 - Tribunal administratif",Service de l\'Achat public,Commune et \xc3\xa9tablissement public communal,"Culture, jeunesse et sports",March\xc3\xa9s publics de prestations intellectuelles,2014,2020,Support physique,1.60,56,2.30,234'
SCHEMA_REGISTRE = ("Archivistes75/registre_entrees", "0.4.1")
# The same file with a legal status outside the schema's list: readable, non-conforming.
CSV_REGISTRE_FAUTIF = CSV_REGISTRE_VALIDE.replace(
    b"Archives publiques,Versement", b"Archives secretes,Versement"
)
CSV_SIMPLE = b"code,valeur\n11069,12\n11262,7\n"


@pytest.fixture
def stockage(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


@pytest.fixture
def agent(utilisateur_avec_role):
    return utilisateur_avec_role(Role.AGENT)


@pytest.fixture
def administrateur(utilisateur_avec_role):
    return utilisateur_avec_role(Role.ADMINISTRATEUR)


def fichier(dossier: Path, nom: str, contenu: bytes) -> Path:
    chemin = dossier / "envois" / nom
    chemin.parent.mkdir(parents=True, exist_ok=True)
    chemin.write_bytes(contenu)
    return chemin


def metadonnees(**valeurs) -> services.MetadonneesJeu:
    defaut = dict(titre="Subventions aux associations", description="Les subventions "
                  "versées par le Département aux associations, une ligne par convention.",
                  editeur="Département de l'Aude", contact_nom="Service de la donnée",
                  contact_email="donnees@example.org", themes=["solidarites"],
                  mots_cles=["subventions", "associations"], couverture_spatiale=["11"],
                  frequence="annual")  # fmt: skip
    return services.MetadonneesJeu(**(defaut | valeurs))


def jeu_avec_version(par, dossier: Path, *, contenu: bytes = CSV_SIMPLE, nom: str = "a.csv",
                     schema=None, format: str = "csv", **valeurs):  # fmt: skip
    """A draft dataset with one resource and one uploaded, unpublished version."""
    jeu = services.creer_jeu(metadonnees(**valeurs), par=par)
    schema_id, version = schema or ("", "")
    ressource = services.ajouter_ressource(jeu, titre="Fichier principal", format=format,
                                           schema_id=schema_id, schema_version=version,
                                           description="Le fichier.", par=par)  # fmt: skip
    v = services.deposer_fichier(ressource, fichier(dossier, nom, contenu), nom_fichier=nom,
                                 par=par)  # fmt: skip
    return jeu, ressource, v


def jeu_publie(par, dossier: Path, **kwargs):
    jeu, ressource, v = jeu_avec_version(par, dossier, **kwargs)
    services.publier_version_deposee(v, par=par)
    jeu = services.publier_jeu(jeu, par=par)
    v.refresh_from_db()
    return jeu, ressource, v
