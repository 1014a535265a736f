"""Purchase shares of décret n° 2024-134 on a small known answer, the purchase service's
refusals, and the national declaration file (columns, frictionless validation, refusal
without SIRET)."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from frictionless import Resource, Schema

from sun.parc.cycle_vie import RefusCycleVie
from sun.parc.models import AchatLigne
from sun.parc.referentiel import Achat, CategorieAchat
from sun.parc.taux import achats, declaration
from sun.parc.taux.services import enregistrer_achat
from tests.parc.factories import AchatLigneFactory, EquipementFactory

pytestmark = pytest.mark.django_db
SIRET = "22110001700016"


@pytest.fixture
def achats_2025():
    AchatLigneFactory(montant_ht=Decimal("1000"), issu_reemploi=True)
    AchatLigneFactory(montant_ht=Decimal("3000"))
    AchatLigneFactory(montant_ht=Decimal("1000"), avec_recycle=True)
    AchatLigneFactory(montant_ht=Decimal("0"), issu_don=True, valeur_forfaitaire_don=Decimal("500"))
    AchatLigneFactory(montant_ht=Decimal("9999"), demonstration=True)
    AchatLigneFactory(montant_ht=Decimal("7777"), date=date(2024, 12, 31))
    EquipementFactory(date_acquisition=date(2025, 2, 1), prix_acquisition=Decimal("900"),
                      achat=Achat.RECONDITIONNE)  # fmt: skip
    lie = EquipementFactory(date_acquisition=date(2025, 3, 1), prix_acquisition=Decimal("1100"))
    # The same purchase entered as a line tied to the equipment: counted once, recycled.
    AchatLigneFactory(montant_ht=Decimal("1100"), avec_recycle=True, equipement=lie)
    EquipementFactory(date_acquisition=date(2025, 3, 1), prix_acquisition=None)
    EquipementFactory(date_acquisition=date(2025, 3, 1), prix_acquisition=Decimal("5"),
                      demonstration=True)  # fmt: skip
    AchatLigneFactory(categorie=CategorieAchat.MOBILIER, montant_ht=Decimal("2000"))
    AchatLigneFactory(categorie=CategorieAchat.MOBILIER, montant_ht=Decimal("500"),
                      issu_reemploi=True, avec_recycle=True)  # fmt: skip


def test_parts_de_l_informatique_sur_une_reponse_connue(achats_2025):
    p = achats.informatique(2025)
    assert (p.total, p.reemploi, p.recycle, p.dons) == (7000, 1900, 2100, 500)
    assert (p.lignes, p.equipements) == (4, 2)
    assert (p.part_reemploi, p.part_recycle, p.part_ensemble) == (32.0, 28.0, 60.0)
    assert (p.objectif, p.ecart) == (20, 40.0)
    mobilier = next(x for x in achats.parts(2025) if x.categorie == CategorieAchat.MOBILIER)
    assert (mobilier.total, mobilier.part_reemploi, mobilier.part_recycle) == (2500, 20.0, 20.0)
    assert mobilier.part_ensemble == 20.0 and mobilier.objectif is None


def test_objectifs_par_palier_et_reglage(settings):
    assert [achats.objectif("informatique", a) for a in (2023, 2024, 2026, 2027, 2031)] == [
        None, 20, 20, 25, 30,
    ]  # fmt: skip
    settings.SUN_PARC_OBJECTIFS_ACHATS = {"papier": {"2024": 40}}
    assert achats.objectif("papier", 2025) == 40 and achats.objectif("informatique", 2025) is None


@pytest.mark.parametrize("donnees, message", [
    ({"montant_ht": "-12,50"}, "ne peut pas être négatif"),
    ({"montant_ht": "douze"}, "n'est pas un montant"),
    ({"issu_don": True}, "valeur forfaitaire"),
    ({"valeur_forfaitaire_don": "-1", "issu_don": True}, "ne peut pas être négatif"),
    ({"valeur_forfaitaire_don": "10"}, "que pour un bien issu d'un don"),
    ({"categorie": "inconnue"}, "catégorie"),
])  # fmt: skip
def test_un_achat_refuse_n_ecrit_rien(donnees, message):
    base = {"date": date(2025, 5, 1), "categorie": "informatique", "libelle": "Écrans",
            "montant_ht": "1 234,50"}  # fmt: skip
    with pytest.raises(RefusCycleVie, match=message):
        enregistrer_achat(base | donnees)
    assert not AchatLigne.objects.exists()
    ligne = enregistrer_achat(base)
    assert ligne.montant_ht == Decimal("1234.50")


def test_la_declaration_a_les_colonnes_du_schema_et_le_valide(achats_2025, settings, tmp_path):
    settings.SUN_PARC_SIRET, settings.SUN_PARC_RAISON_SOCIALE = SIRET, "Département de l'Aude"
    texte = declaration.fichier(2025)
    schema = json.loads(declaration.SCHEMA.read_text(encoding="utf-8"))
    lignes = texte.splitlines()
    assert lignes[0].split(",") == [f["name"] for f in schema["fields"]]
    assert len(lignes) == 3  # IT and furniture: categories without purchases are left out
    assert lignes[1].startswith(f"2025,{SIRET},Département de l'Aude,Matériel informatique et "
                                "téléphonie,7000.00,1900.00,500.00,2100.00,")  # fmt: skip
    (tmp_path / "declaration.csv").write_text(texte, encoding="utf-8")
    rapport = Resource(path="declaration.csv", basepath=str(tmp_path),
                       schema=Schema.from_descriptor(schema)).validate()  # fmt: skip
    assert rapport.valid, rapport.flatten(["rowNumber", "fieldName", "type", "note"])


def test_une_annee_sans_achat_declare_l_informatique_a_zero(settings, tmp_path):
    settings.SUN_PARC_SIRET, settings.SUN_PARC_RAISON_SOCIALE = SIRET, "Département"
    rangs = list(csv.reader(io.StringIO(declaration.fichier(2023))))
    assert rangs[1:] == [["2023", SIRET, "Département", "Matériel informatique et téléphonie",
                          "0.00", "0.00", "0.00", "0.00", "Source : Achats saisis dans SUN et "
                          "inventaire tenu dans SUN ; 0 ligne(s) d'achat, 0 équipement(s) "
                          "inventorié(s) acquis dans l'année"]]  # fmt: skip


@pytest.mark.parametrize("siret, raison, message", [
    ("", "Département", "SIRET du Département n'est pas renseigné"),
    ("2211", "Département", "n'a pas 14 chiffres"),
    (SIRET, "", "raison sociale"),
])  # fmt: skip
def test_sans_siret_la_declaration_est_refusee(settings, siret, raison, message):
    settings.SUN_PARC_SIRET, settings.SUN_PARC_RAISON_SOCIALE = siret, raison
    assert message in declaration.manque()
    with pytest.raises(RefusCycleVie, match=message):
        declaration.fichier(2025)
