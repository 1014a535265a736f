"""The shipped factor tables against the sources' own figures, and the validation of a
factor file: every malformed file is refused with one French sentence naming file and line."""

from pathlib import Path

import pytest

from sun.parc.empreinte.facteurs import (
    FacteursInvalides,
    analyser,
    charger_table,
    editions,
    facteur_mix,
)

ENTETE = "type,critere,phase,valeur,min,max,unite,periode,equipement_source\n"
DUREE = "portable,duree_de_vie,parametre,5,,,an,,test\n"


def test_les_deux_editions_livrees_se_chargent():
    assert editions() == ["ademe-arcep-2022", "boavizta-2.5.0"]
    ademe = charger_table("ademe-arcep-2022")
    assert ademe.mention == "ADEME–Arcep 2022 (ImpactCO2), édition du 19/01/2022"
    assert charger_table("ademe-arcep-2022") is ademe  # cached


def test_ademe_les_chiffres_de_la_source():
    t = charger_table("ademe-arcep-2022")
    portable = t.types["portable"]
    assert portable.intrinseque["gwp"].valeur == 185.4  # total hors usage
    assert portable.detail == {"fabrication": 170.3, "assemblage_distribution": 12.3,
                               "fin_de_vie": 2.8}  # fmt: skip
    assert portable.usage_annuel["gwp"].valeur == 1.7
    assert portable.duree_de_vie_source == 5
    assert t.types["poste_fixe"].intrinseque["gwp"].valeur == 211.0
    assert t.types["ecran"].intrinseque["gwp"].valeur == 69.8
    assert t.types["smartphone"].intrinseque["gwp"].valeur == 85.3
    assert t.types["telephone"].intrinseque["gwp"].valeur == 23.4
    assert "approximation" in t.types["reseau"].approximation
    assert t.sans_facteur == ["imprimante", "serveur", "videoprojecteur", "autre"]
    assert facteur_mix(t) == 1.0  # ADEME's use is taken as published


def test_boavizta_les_chiffres_mesures():
    t = charger_table("boavizta-2.5.0")
    portable = t.types["portable"]
    assert portable.duree_de_vie_source == 4  # 35,040 h
    assert portable.intrinseque["gwp"].valeur == 181
    assert portable.usage_annuel["gwp"].valeur * 4 == pytest.approx(77)
    assert portable.usage_annuel["gwp"].min * 4 == pytest.approx(51.5)
    assert portable.usage_annuel["gwp"].max * 4 == pytest.approx(103)
    assert portable.intrinseque["adpe"].valeur == 0.0086
    assert portable.intrinseque["adpf"].valeur == 2410
    assert "pe" not in portable.intrinseque and portable.usage_annuel["pe"].valeur * 4 == 8900
    assert portable.parametres["puissance"].valeur == 75
    assert t.types["poste_fixe"].duree_de_vie_source == 6
    assert t.types["ecran"].duree_de_vie_source == pytest.approx(6.6)
    assert t.mix_reference == 0.098
    assert set(t.sans_facteur) == {"imprimante", "telephone", "serveur", "reseau",
                                   "videoprojecteur", "autre"}  # fmt: skip


def test_le_mix_electrique_change_l_usage_boavizta(settings):
    settings.SUN_PARC_MIX_ELECTRIQUE = 0.049
    assert facteur_mix(charger_table("boavizta-2.5.0")) == pytest.approx(0.5)


@pytest.mark.parametrize("corps, attendu", [
    ("portable,gwp,fabrication,abc,,,kg CO2e,,x\n" + DUREE, "« abc » n'est pas un nombre"),
    ("portable,gwp,fabrication,-3,,,kg CO2e,,x\n" + DUREE, "négative"),
    ("imprimante3d,gwp,fabrication,3,,,kg CO2e,,x\n", "type d'équipement inconnu"),
    ("portable,gwp,fabrication,3,,,g CO2e,,x\n" + DUREE, "« kg CO2e » attendue"),
    ("portable,eau,fabrication,3,,,l,,x\n" + DUREE, "critère inconnu « eau »"),
    ("portable,gwp,transport,3,,,kg CO2e,,x\n" + DUREE, "phase inconnue"),
    ("portable,gwp,usage,3,,,kg CO2e,,x\n" + DUREE, "période"),
    ("portable,gwp,fabrication,3,4,5,kg CO2e,,x\n" + DUREE, "sort de son intervalle"),
    ("portable,gwp,fabrication,3,,,kg CO2e,,x\n", "pas de durée de vie"),
    ("portable,gwp,fabrication,3,,,kg CO2e,,x\nportable,gwp,fabrication,4,,,kg CO2e,,x\n"
     + DUREE, "en double"),
    ("portable,gwp,fabrication,170.3,,,kg CO2e,,x\nportable,gwp,fin_de_vie,2.8,,,kg CO2e,,x\n"
     "portable,gwp,hors_usage,190,,,kg CO2e,,x\n" + DUREE, "n'est pas la somme de ses phases"),
    ("portable,adpe,fabrication,0.1,,,kg Sb éq.,,x\n" + DUREE, "pas de fabrication en kg CO2e"),
    ("", "aucun facteur"),
])  # fmt: skip
def test_un_fichier_mal_forme_est_refuse_en_francais(corps, attendu):
    with pytest.raises(FacteursInvalides, match=attendu) as exc:
        analyser(ENTETE + corps, "essai.csv")
    assert str(exc.value).startswith("essai.csv")


def test_la_ligne_fautive_est_nommee():
    with pytest.raises(FacteursInvalides, match=r"essai\.csv, ligne 3 : la valeur -1"):
        analyser(ENTETE + DUREE + "portable,gwp,fabrication,-1,,,kg CO2e,,x\n", "essai.csv")


def test_colonnes_manquantes():
    with pytest.raises(FacteursInvalides, match="colonne\\(s\\) manquante\\(s\\) : periode"):
        analyser("type,critere,phase,valeur,min,max,unite,equipement_source\n", "essai.csv")


def _dossier(tmp_path: Path, yaml: str, csv: str | None = None) -> Path:
    (tmp_path / "editions.yaml").write_text(yaml, encoding="utf-8")
    if csv is not None:
        (tmp_path / "essai.csv").write_text(csv, encoding="utf-8")
    return tmp_path


def test_un_dossier_de_facteurs_valide(tmp_path):
    dossier = _dossier(tmp_path, "editions:\n  essai:\n    titre: Essai\n    fichier: essai.csv\n"
                       "    source: test\n    date: 2024-05-01\n",
                       ENTETE + "portable,gwp,fabrication,100,,,kg CO2e,,x\n" + DUREE)  # fmt: skip
    table = charger_table("essai", dossier)
    assert table.types["portable"].intrinseque["gwp"].valeur == 100
    assert table.mention == "Essai, édition du 01/05/2024"


@pytest.mark.parametrize("yaml, attendu", [
    ("editions: [", "YAML mal formé"),
    ("autre: 1\n", "la clé « editions » manque"),
    ("editions:\n  essai:\n    titre: Essai\n    fichier: essai.csv\n", "n'a pas de « source »"),
    ("editions:\n  essai:\n    titre: E\n    fichier: absent.csv\n    source: s\n", "illisible"),
    ("editions:\n  autre:\n    titre: E\n    fichier: essai.csv\n    source: s\n",
     "Édition de facteurs inconnue « essai »"),
])  # fmt: skip
def test_une_provenance_mal_formee_est_refusee(tmp_path, yaml, attendu):
    dossier = _dossier(tmp_path, yaml, ENTETE + DUREE)
    with pytest.raises(FacteursInvalides, match=attendu):
        charger_table("essai", dossier)


def test_un_fichier_qui_n_est_pas_en_utf8(tmp_path):
    dossier = _dossier(tmp_path, "editions:\n  essai:\n    titre: E\n    fichier: essai.csv\n"
                       "    source: s\n")  # fmt: skip
    (tmp_path / "essai.csv").write_bytes((ENTETE + "portable,gwp,fabrication,1,,,kg CO2e,,é\n")
                                         .encode("latin-1"))  # fmt: skip
    with pytest.raises(FacteursInvalides, match="pas en UTF-8"):
        charger_table("essai", dossier)
