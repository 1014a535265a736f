"""Exports of the inventory: the CNIL register (XLSX), the cartography and the répertoire
(CSV), the `scdl/catalogue` file (valid against the national schema), the indicators."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from sun.core.indicators import obtenir
from sun.donnees.declarations import obtenir as declaration
from sun.donnees.inventaire import catalogue_scdl, exports, registre_cnil
from sun.donnees.inventaire.synchronisation import synchroniser_traitements_sun
from sun.donnees.models import StatutJeu
from sun.donnees.validation import valider
from tests.donnees.factories import EntreeInventaireFactory, JeuFactory, RessourceFactory

pytestmark = pytest.mark.django_db


def test_registre_cnil(settings):
    settings.SUN_NOM_ORGANISATION = "Département de l'Aude"
    settings.SUN_DPO_EMAIL = "dpo@example.org"
    synchroniser_traitements_sun()
    EntreeInventaireFactory(nom="Sans données personnelles")
    tampon = io.BytesIO()
    n = registre_cnil.ecrire_registre(tampon)
    classeur = load_workbook(io.BytesIO(tampon.getvalue()))
    assert classeur.sheetnames[0] == "Registre" and len(classeur.sheetnames) == n + 1
    commun = classeur["Registre"]
    valeurs = [c for ligne in commun.iter_rows(values_only=True) for c in ligne if c]
    assert "Registre des activités de traitement de Département de l'Aude" in valeurs
    assert "dpo@example.org" in valeurs and "Sans données personnelles" not in valeurs
    fiche = classeur[classeur.sheetnames[1]]
    intitules = [ligne[0] for ligne in fiche.iter_rows(values_only=True) if ligne[0]]
    positions = [intitules.index(s) for s in registre_cnil.SECTIONS]
    assert positions == sorted(positions)  # the CNIL's order
    assert "Base légale (RGPD, article 6)" in intitules


def test_cartographie_csv():
    EntreeInventaireFactory(nom="=SOMME(A1)", ouverture="ferme", motif_fermeture="l311_5")
    tampon = io.StringIO()
    assert exports.ecrire_cartographie(tampon) == 1
    lignes = list(csv.reader(io.StringIO(tampon.getvalue())))
    assert lignes[0][:4] == ["Code", "Origine", "Nature", "Nom"]
    assert lignes[1][3].startswith("'=")  # neutralised formula
    assert "Secrets protégés (CRPA L311-5)" in lignes[1]


def test_repertoire_par_annee():
    maintenant = timezone.now()
    EntreeInventaireFactory(nom="Base des collèges")
    jeu = JeuFactory(statut=StatutJeu.PUBLIE, publie_le=maintenant, titre="Subventions")
    synchroniser_traitements_sun()  # processing activities are not in the répertoire
    tampon = io.StringIO()
    assert exports.ecrire_repertoire(tampon, maintenant.year) == 2
    lignes = list(csv.reader(io.StringIO(tampon.getvalue())))
    assert lignes[0][0] == "Année" and {lignes[1][3], lignes[2][3]} == {"Base des collèges",
                                                                        jeu.titre}  # fmt: skip
    assert exports.ecrire_repertoire(io.StringIO(), maintenant.year - 1) == 0


def test_catalogue_scdl_conforme(settings, tmp_path):
    settings.SUN_SIRET_PRODUCTEUR = "22110001100016"
    settings.SUN_NOM_ORGANISATION = "Département de l'Aude"
    settings.SUN_ADRESSE_SITE = "https://sun.example.org"
    maintenant = timezone.now()
    for _ in range(2):
        jeu = JeuFactory(statut=StatutJeu.PUBLIE, publie_le=maintenant - timedelta(days=3),
                         modifie_le=maintenant, themes=["institutions", "economie"],
                         mots_cles=["budget", "aides"])  # fmt: skip
        RessourceFactory(jeu=jeu, format="csv")
        RessourceFactory(jeu=jeu, format="json")
    JeuFactory()  # a draft is not in the catalogue
    chemin = tmp_path / "catalogue.csv"
    with chemin.open("wb") as f:
        assert catalogue_scdl.ecrire_catalogue(f) == 2
    lignes = list(csv.DictReader(chemin.open(encoding="utf-8")))
    assert tuple(lignes[0]) == catalogue_scdl.COLONNES and len(catalogue_scdl.COLONNES) == 20
    assert (
        lignes[0]["LICENCE"] == "Licence Ouverte-LO"
        and lignes[0]["FORMAT_RESSOURCES"] == "CSV;JSON"
    )
    rapport = valider(chemin, ("scdl/catalogue", "0.1.3"))
    assert rapport.statut == "valide", str(rapport.en_dict())[:3000]


def test_catalogue_declare():
    jeu = declaration("donnees.catalogue")
    assert jeu.slug == "catalogue-des-donnees"
    assert jeu.ressources[0].schema == ("scdl/catalogue", "0.1.3")
    avant = catalogue_scdl.empreinte()
    jeu_publie = JeuFactory(statut=StatutJeu.PUBLIE, publie_le=timezone.now())
    RessourceFactory(jeu=jeu_publie)
    assert catalogue_scdl.empreinte() != avant


def test_indicateurs(settings):
    code = settings.SUN_DEPARTEMENT
    assert obtenir("donnees.inventaire_ouverts").calculer("departement", code).valeur is None
    EntreeInventaireFactory(nature="jeu", ouverture="ouvert")
    EntreeInventaireFactory(nature="jeu", ouverture="ferme", motif_fermeture="l311_6")
    EntreeInventaireFactory(nature="jeu")
    EntreeInventaireFactory(nature="application")
    valeur = obtenir("donnees.inventaire").calculer("departement", code)
    assert valeur.valeur == 3 and valeur.source == "Inventaire des données de SUN" and valeur.date
    part = obtenir("donnees.inventaire_ouverts").calculer("departement", code)
    assert part.valeur == 33.3 and obtenir("donnees.inventaire_ouverts").unite == "%"


def test_commandes(tmp_path):
    from sun.cli import main

    EntreeInventaireFactory(nom="Base des collèges")
    assert main(["donnees", "inventaire", "synchroniser"]) == 0
    assert main(["donnees", "inventaire", "exporter", "--cnil", str(tmp_path / "r.xlsx")]) == 0
    assert load_workbook(tmp_path / "r.xlsx").sheetnames[0] == "Registre"
    assert main(["donnees", "inventaire", "exporter", "--csv", str(tmp_path / "c.csv")]) == 0
    annee = str(timezone.localdate().year)
    assert main(["donnees", "repertoire", "--annee", annee, "--sortie",
                 str(tmp_path / "rep.csv")]) == 0  # fmt: skip
    assert "Base des collèges" in (tmp_path / "rep.csv").read_text(encoding="utf-8")
