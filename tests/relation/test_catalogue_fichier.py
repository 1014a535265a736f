"""Catalogue files: the Aude's starter catalogue loads, loads again without change, and a file
with errors is refused whole with every error listed."""

from pathlib import Path

import pytest

from sun.core.models import JournalImport
from sun.relation.catalogue.fichier import CatalogueInvalide
from sun.relation.catalogue.services import charger
from sun.relation.models import Canal, Demande, Demarche, ServiceInstructeur
from tests.relation.factories import demande

pytestmark = pytest.mark.django_db
AUDE = Path(__file__).resolve().parents[2] / "catalogues" / "aude.yaml"

SERVICE = """services:
  - code: s1
    nom: Service un
    adresse_postale: 1 rue X, 11000 Carcassonne
    telephone: 04 68 00 00 00
"""


def _ecrire(tmp_path, texte: str, nom="catalogue.yaml") -> Path:
    chemin = tmp_path / nom
    chemin.write_text(texte, encoding="utf-8")
    return chemin


def test_catalogue_de_l_aude_charge_puis_inchange():
    rapport = charger(AUDE)
    assert rapport.crees >= 20 and not rapport.modifies
    assert Demarche.objects.filter(a_verifier=True).count() == Demarche.objects.count() >= 11
    apa = Demarche.objects.get(slug="apa-domicile")
    assert (apa.regime, apa.delai_valeur, apa.delai_unite) == ("sva", 2, "mois")
    assert "L232-14" in apa.base_legale
    assert Demarche.objects.get(slug="reclamation").reclamation
    assert Demarche.objects.get(slug="pch").delai_valeur == 4
    for d in Demarche.objects.exclude(regime="aucun"):
        assert d.base_legale, d.slug
    encore = charger(AUDE)
    assert (encore.crees, encore.modifies) == (0, 0)
    assert JournalImport.objects.filter(genre="catalogue-demarches").count() == 2


def test_erreurs_toutes_listees_rien_ecrit(tmp_path):
    fichier = _ecrire(
        tmp_path,
        SERVICE
        + """demarches:
  - code: a
    titre: A
    resume: R
    theme: autonomie
    service: s1
    ouverte_le: 2020-01-01
    regime: silence
    canaux: [{type: courrier, adresse: X}]
  - code: b
    titre: B
    resume: R
    theme: inconnu
    service: s1
    ouverte_le: 2020-01-01
    regime: sva
    base_legale: L231-1
    delai: {valeur: -2, unite: mois}
    canaux: [{type: courrier, adresse: X}]
  - code: c
    titre: C
    resume: R
    theme: autonomie
    service: absent
    ouverte_le: 2020-01-01
    regime: sva
    canaux: [{type: en_ligne}]
""",
    )
    with pytest.raises(CatalogueInvalide) as exc:
        charger(fichier)
    erreurs = "\n".join(exc.value.erreurs)
    assert "demarches.0.regime" in erreurs and "valeurs possibles" in erreurs
    assert "demarches.1.delai.valeur : doit être supérieur ou égal à 1" in erreurs
    assert "thème inconnu « inconnu »" in erreurs
    assert "base_legale" in erreurs
    assert "« url »" in erreurs
    assert not ServiceInstructeur.objects.exists() and not Demarche.objects.exists()
    journal = JournalImport.objects.get(genre="catalogue-demarches")
    assert journal.statut == "refuse" and "regime" in journal.message


def test_service_inconnu_liste(tmp_path):
    fichier = _ecrire(
        tmp_path,
        """demarches:
  - {code: c, titre: C, resume: R, theme: autonomie, service: absent, ouverte_le: 2020-01-01,
     regime: aucun, canaux: [{type: courrier, adresse: X}]}
""",
    )
    with pytest.raises(CatalogueInvalide, match="1 erreur") as exc:
        charger(fichier)
    assert exc.value.erreurs == ["demarches.0.service : service inconnu « absent »"]


def test_yaml_casse(tmp_path):
    with pytest.raises(CatalogueInvalide) as exc:
        charger(_ecrire(tmp_path, "demarches: [\n  - code: a\n"))
    assert exc.value.erreurs[0].startswith("YAML invalide")


def test_csv(tmp_path):
    charger(_ecrire(tmp_path, SERVICE + "demarches: []\n"))
    fichier = _ecrire(
        tmp_path,
        (
            "code;titre;resume;theme;service;ouverte_le;regime;delai_valeur;delai_unite;base_legale;publics;"
            "documents;demarche_phare;en_ligne_outil;en_ligne_url;telephone\n"
            "carte;Demander la carte;Une carte.;handicap;s1;2017-01-01;svr;4;mois;CASF R241-33;"
            "personnes-handicapees|particuliers;Photo|Certificat;oui;demarches_simplifiees;"
            "https://www.demarches-simplifiees.fr/commencer/carte;04 68 00 00 00\n"
        ),
        nom="catalogue.csv",
    )
    charger(fichier)
    d = Demarche.objects.get(slug="carte")
    assert d.publics == ["personnes-handicapees", "particuliers"] and d.demarche_phare
    assert list(d.canaux.values_list("type", flat=True)) == ["en_ligne", "telephone"]


def test_csv_erreurs_par_ligne(tmp_path):
    charger(_ecrire(tmp_path, SERVICE + "demarches: []\n"))
    fichier = _ecrire(
        tmp_path,
        (
            "code,titre,resume,theme,service,ouverte_le,regime,delai_valeur,demarche_phare,courrier_adresse\n"
            "a,A,R,autonomie,s1,2020-01-01,sva,2,peut-être,X\n"
            "b,B,R,autonomie,s1,2020-01-01,aucun,-1,non,X\n"
        ),
        nom="catalogue.csv",
    )
    with pytest.raises(CatalogueInvalide) as exc:
        charger(fichier)
    erreurs = "\n".join(exc.value.erreurs)
    assert "ligne 2, demarche_phare : « oui » ou « non » attendu" in erreurs
    assert "ligne 3" in erreurs and "supérieur ou égal à 1" in erreurs
    assert not Demarche.objects.exists()


def test_changement_de_regime_par_le_fichier_recalcule_les_demandes(tmp_path):
    charger(AUDE)
    apa = Demarche.objects.get(slug="apa-domicile")
    d = demande(apa, recue_le=__import__("datetime").date(2022, 12, 30))
    assert str(d.date_decision_implicite) == "2023-02-28"
    texte = AUDE.read_text(encoding="utf-8").replace(
        '    regime: sva\n    delai: {valeur: 2, unite: mois}\n    base_legale: "CASF L232-14',
        '    regime: sva\n    delai: {valeur: 3, unite: mois}\n    base_legale: "CASF L232-14',
        1,
    )
    rapport = charger(_ecrire(tmp_path, texte))
    assert rapport.regimes_changes == ["apa-domicile"]
    assert str(Demande.objects.get(pk=d.pk).date_decision_implicite) == "2023-03-30"
    assert Canal.objects.filter(demarche=apa).count() == 3


def test_telephone_d_un_canal_verifie(tmp_path):
    fichier = _ecrire(
        tmp_path,
        SERVICE
        + """demarches:
  - {code: c, titre: C, resume: R, theme: autonomie, service: s1, ouverte_le: 2020-01-01,
     regime: aucun, canaux: [{type: telephone, telephone: abc}, {type: telephone}]}
""",
    )
    with pytest.raises(CatalogueInvalide) as exc:
        charger(fichier)
    erreurs = "\n".join(exc.value.erreurs)
    assert "numéro de téléphone invalide « abc »" in erreurs
    assert "le canal « Par téléphone » demande un numéro de téléphone" in erreurs
