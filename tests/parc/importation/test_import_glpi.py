"""Import of GLPI exports as GLPI writes them: the real export of a lycée (read from the
reference folder, never copied here), small GLPI-shaped files in French and English, with and
without group prefixes, `;` or `,`, BOM or not; idempotence; sites, dates, warranty, exits."""

from datetime import date
from decimal import Decimal

import pytest

from sun.core.models import JournalImport
from sun.parc.importation.services import importer_inventaire
from sun.parc.models import (
    CorrespondanceStatut,
    CorrespondanceType,
    Equipement,
    EvenementCycleVie,
    Site,
    Sortie,
)
from sun.parc.referentiel import Etat, TypeEquipement, Voie
from tests.parc.importation.outils import ENTETE_FR, REEL, F, ecrire_glpi, ligne_fr

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(not REEL.exists(), reason="export GLPI réel absent de ../shared/reference")
def test_export_reel_d_un_lycee():
    rapport = importer_inventaire(REEL)
    assert rapport.lues == 549 and "glpi-fr" in rapport.format
    # 2 rows without type, 11 « Recyclé » without a decommissioning date: refused.
    assert rapport.refusees == 13 and rapport.nouveaux == 536
    raisons = {r.raison.split(" : ")[0] for r in rapport.lignes_rejetees}
    assert raisons == {"type inconnu", "sortie sans date"}
    assert rapport.autres["reformes_sans_date"] == 46
    assert Equipement.objects.filter(etat=Etat.REFORME, date_reforme=None).count() == 46
    assert Equipement.objects.filter(etat=Etat.EN_STOCK).count() == 16  # Spare, Inactif
    site = Site.objects.get()
    assert site.nom == "0504 - ARISTIDE BRIAND" and site.genre == Site.Genre.COLLEGE
    # Multi-line MAC cells read as one record; 60 months after the delivery date.
    pc = Equipement.objects.get(numero_inventaire="UC2201705")
    assert (pc.nom, pc.type, pc.fabricant, pc.site_id) == (
        "0504-310-PROF",
        "poste_fixe",
        "LENOVO",
        site.pk,
    )
    assert pc.date_acquisition == date(2022, 11, 24) and pc.date_fin_garantie == date(2027, 11, 24)
    # « Chassis Asset Tag » is a firmware placeholder: the serial number is the key.
    assert Equipement.objects.filter(cle="ns:CND1122QDM", numero_inventaire="").exists()
    assert EvenementCycleVie.objects.filter(genre="entree").count() == 536
    journal = JournalImport.objects.get(genre="parc")
    assert journal.compteurs["nouveaux"] == 536
    # Re-importing the same export writes nothing.
    encore = importer_inventaire(REEL)
    assert (encore.nouveaux, encore.modifies, encore.inchanges) == (0, 0, 536)
    assert EvenementCycleVie.objects.count() == 536


def test_glpi_francais_avec_date_de_reforme_et_sortie(tmp_path):
    entete = [*ENTETE_FR, f"{F}Date d'achat", f"{F}Valeur", f"{F}Date de réforme"]
    lignes = [
        ligne_fr(n=1, **{f"{F}Date d'achat": "10-11-2022", f"{F}Valeur": "1 234,50"}),
        ligne_fr(n=2, Statut="Recyclé", Type="Portable", **{f"{F}Date de réforme": "03-02-2025"}),
        ligne_fr(n=3, Statut="Campagne_DEEE", **{f"{F}Date de réforme": "15-01-2025 10:30"}),
        ligne_fr(n=4, **{"Composants - Adresse MAC": "aa:bb:cc:dd:ee:ff\n11:22:33:44:55:66"}),
    ]
    rapport = importer_inventaire(ecrire_glpi(tmp_path / "glpi.csv", lignes, entete))
    assert (rapport.lues, rapport.nouveaux, rapport.refusees) == (4, 4, 0)
    premier = Equipement.objects.get(numero_inventaire="UC2200001")
    assert premier.date_acquisition == date(2022, 11, 10)  # purchase date before delivery
    assert premier.prix_acquisition == Decimal("1234.50")
    assert premier.date_fin_garantie == date(2027, 11, 24)  # from the delivery date
    sorti = Equipement.objects.get(numero_inventaire="UC2200002")
    assert (sorti.etat, sorti.date_reforme, sorti.type) == (
        Etat.SORTI,
        date(2025, 2, 3),
        "portable",
    )
    sortie = Sortie.objects.get()
    assert (sortie.equipement_id, sortie.voie, sortie.date) == (
        sorti.pk,
        Voie.RECYCLAGE,
        date(2025, 2, 3),
    )
    assert sortie.destination == "prestataire" and "Recyclé" in sortie.justification
    reforme = Equipement.objects.get(numero_inventaire="UC2200003")
    assert (reforme.etat, reforme.date_reforme) == (Etat.REFORME, date(2025, 1, 15))
    assert rapport.autres["sorties"] == 1
    again = importer_inventaire(ecrire_glpi(tmp_path / "glpi.csv", lignes, entete))
    assert (again.nouveaux, again.modifies, again.inchanges) == (0, 0, 4)
    assert Sortie.objects.count() == 1


def test_sans_prefixe_de_groupe_virgule_sans_bom(tmp_path):
    entete = ["Nom", "Statut", "Type", "Numéro d'inventaire", "Date de livraison",
              "Durée de garantie", "Lieu"]  # fmt: skip
    lignes = [{"Nom": "PC-1", "Statut": "Spare", "Type": "Poste de travail - Tiny",
               "Numéro d'inventaire": "A1", "Date de livraison": "2021-03-01",
               "Durée de garantie": "36 mois", "Lieu": "Hôtel du Département > Bât. A"}]  # fmt: skip
    chemin = ecrire_glpi(tmp_path / "glpi.csv", lignes, entete, separateur=",", bom=False)
    rapport = importer_inventaire(chemin)
    assert rapport.nouveaux == 1, rapport.lignes()
    pc = Equipement.objects.get()
    assert (pc.etat, pc.date_fin_garantie, pc.site.nom) == (
        Etat.EN_STOCK,
        date(2024, 3, 1),
        "Bât. A",
    )


def test_glpi_anglais(tmp_path):
    f = "Financial and administrative information - "
    entete = ["Name", "Entity", "Status", "Manufacturer", "Type", "Model", "Serial number",
              "Inventory number", f"{f}Date of purchase", f"{f}Value", f"{f}Warranty duration",
              f"{f}Decommission date"]  # fmt: skip
    lignes = [
        {"Name": "LT-001", "Entity": "Root entity > IT", "Status": "Actif", "Type": "Laptop",
         "Serial number": "5CD1", "Inventory number": "", f"{f}Date of purchase": "2020-06-15",
         f"{f}Value": "1,099.90", f"{f}Warranty duration": "36 months"},
        {"Name": "MON-1", "Status": "Spare", "Type": "Monitor", "Serial number": "CN-2",
         "Inventory number": "INV-9"},
    ]  # fmt: skip
    rapport = importer_inventaire(ecrire_glpi(tmp_path / "en.csv", lignes, entete))
    assert "glpi-en" in rapport.format and rapport.nouveaux == 2, rapport.lignes()
    portable = Equipement.objects.get(cle="ns:5CD1")
    assert portable.type == TypeEquipement.PORTABLE and portable.prix_acquisition == Decimal(
        "1099.90"
    )
    assert portable.date_fin_garantie == date(2023, 6, 15) and portable.site.nom == "IT"
    assert Equipement.objects.get(cle="inv:INV-9").type == TypeEquipement.ECRAN


def test_tables_par_defaut_creees_une_fois_puis_modifiables(tmp_path):
    chemin = ecrire_glpi(tmp_path / "g.csv", [ligne_fr(n=1)], ENTETE_FR)
    importer_inventaire(chemin, source="GLPI collèges")
    statut = CorrespondanceStatut.objects.get(source="GLPI collèges", statut_source="Recyclé")
    assert (statut.etat, statut.voie) == (Etat.SORTI, Voie.RECYCLAGE)
    assert CorrespondanceType.objects.filter(source="GLPI collèges", type_source="Poste de travail*",
                                             type="poste_fixe").exists()  # fmt: skip
    CorrespondanceStatut.objects.filter(source="GLPI collèges", statut_source="Actif").update(
        etat=Etat.EN_REPARATION
    )
    rapport = importer_inventaire(chemin, source="GLPI collèges")
    assert rapport.modifies == 1
    assert Equipement.objects.get().etat == Etat.EN_REPARATION
    assert (
        EvenementCycleVie.objects.filter(genre="import", etat_apres=Etat.EN_REPARATION).count() == 1
    )


def test_un_sorti_dans_sun_reste_sorti_et_une_date_completee_reste(tmp_path):
    chemin = ecrire_glpi(tmp_path / "g.csv", [ligne_fr(n=1, Statut="Campagne_DEEE")], ENTETE_FR)
    importer_inventaire(chemin)
    pc = Equipement.objects.get()
    assert pc.etat == Etat.REFORME and pc.date_reforme is None
    Equipement.objects.filter(pk=pc.pk).update(date_reforme=date(2025, 3, 1))
    rapport = importer_inventaire(chemin)
    assert rapport.inchanges == 1 and rapport.modifies == 0
    Equipement.objects.filter(pk=pc.pk).update(etat=Etat.SORTI)
    Sortie.objects.create(equipement=pc, date=date(2025, 4, 1), voie=Voie.DON,
                          destination="don_association", destinataire="Asso", justification="x")  # fmt: skip
    chemin = ecrire_glpi(tmp_path / "g.csv", [ligne_fr(n=1, Statut="Actif")], ENTETE_FR)
    rapport = importer_inventaire(chemin)
    assert Equipement.objects.get().etat == Etat.SORTI and rapport.autres["sorti_garde"] == 1


def test_site_college_et_commune(tmp_path, settings):
    settings.SUN_PARC_COMMUNE = "11069"
    entete = ["Statut", "Type", "Numéro de série", "Entité"]
    lignes = [{"Statut": "Actif", "Type": "Portable", "Numéro de série": "S1",
               "Entité": "Aude > Collèges > 0110012A - Collège Joseph Anglade"}]  # fmt: skip
    importer_inventaire(ecrire_glpi(tmp_path / "g.csv", lignes, entete))
    pc = Equipement.objects.select_related("site", "commune").get()
    assert pc.site.genre == Site.Genre.COLLEGE and pc.site.code_uai == "0110012A"
    assert pc.commune.code_insee == "11069"


def test_essai_a_blanc_n_ecrit_rien(tmp_path):
    rapport = importer_inventaire(ecrire_glpi(tmp_path / "g.csv", [ligne_fr(n=1)], ENTETE_FR),
                                  essai=True)  # fmt: skip
    assert rapport.essai and rapport.nouveaux == 1
    assert not Equipement.objects.exists() and not CorrespondanceStatut.objects.exists()
    assert not Site.objects.exists()
