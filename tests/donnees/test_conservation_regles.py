"""Loading a tableau de gestion: every bad line refused with its number and a French reason,
nothing written; idempotent update by code; the shipped defaults; one rule edited with the
same checks; the CSV and Vitam exports; the contacts' purge reads the rule."""

import csv
import io
from datetime import date

import pytest

from sun.comptes.roles import Role, RoleManquant
from sun.donnees.conservation import exports, regles, services, types
from sun.donnees.conservation.erreurs import RefusConservation
from sun.donnees.models import RegleConservation

pytestmark = pytest.mark.django_db
ENTETE = ",".join(regles.COLONNES)


def _fichier(*lignes: str) -> bytes:
    return "\n".join([ENTETE, *lignes]).encode()


def _ligne(code="R1", type_="qualite.appel", dua="2", unite="annees", point="creation",
           sort="D", rgpd="12", rgpd_unite="mois") -> str:  # fmt: skip
    return f"{code},{type_},Relevés,Accueil,,{dua},{unite},{point},{sort},{rgpd},{rgpd_unite},,,,,,"


def test_lignes_fautives_refusees_rien_ecrit():
    contenu = _fichier(
        _ligne("OK1"),
        _ligne("NEG", dua="-3"),
        _ligne("TXT", dua="deux"),
        _ligne("UNI", unite="siècles"),
        _ligne("PDD", point="naissance"),
        _ligne("SRT", sort="Archiver"),
        _ligne("TYP", type_="compta.facture"),
        _ligne("OK1"),
    )
    rapport = services.importer_regles(contenu, "t.csv")
    assert not rapport.accepte and not RegleConservation.objects.exists()
    textes = {r.ligne: r.texte() for r in rapport.refus}
    assert sorted(textes) == [3, 4, 5, 6, 7, 8, 9]
    assert "négative" in textes[3] and "n'est pas un nombre entier" in textes[4]
    assert "unité de la DUA inconnue" in textes[5] and "point de départ inconnu" in textes[6]
    assert "sort final inconnu" in textes[7] and "type d'enregistrement inconnu" in textes[8]
    assert "déjà donné ligne 2" in textes[9]
    assert textes[3].startswith("Ligne 3 (règle « NEG »)")
    assert "rien n'a été enregistré" in rapport.resume()


def test_fichier_illisible_ou_sans_colonnes():
    assert "colonnes obligatoires" in services.importer_regles(b"a,b\n1,2", "x.csv").erreur
    assert services.importer_regles(b"- [1, 2", "x.yaml").erreur
    assert not RegleConservation.objects.exists()


def test_import_idempotent_et_libelles(utilisateur_avec_role):
    contenu = _fichier(
        _ligne("R1", sort="Détruire"),
        _ligne("R2", sort="Conserver", point="Clôture du dossier", type_=""),
    )
    r = services.importer_regles(contenu, "t.csv")
    assert r.accepte and r.crees == ["R1", "R2"]
    assert RegleConservation.objects.get(code="R2").sort_final == "C"
    assert RegleConservation.objects.get(code="R2").point_depart == "cloture"
    again = services.importer_regles(contenu, "t.csv")
    assert again.inchanges == ["R1", "R2"] and not again.crees
    modifie = services.importer_regles(_fichier(_ligne("R1", dua="3")), "t.csv")
    assert modifie.modifies == ["R1"] and RegleConservation.objects.get(code="R1").dua_valeur == 3


def test_yaml():
    contenu = "regles:\n  - code: Y1\n    typologie: Avis\n    type_enregistrement: qualite.avis\n    dua_valeur: 2\n    point_depart: creation\n    sort_final: T\n"
    assert services.importer_regles(contenu.encode(), "t.yaml").crees == ["Y1"]


def test_defauts_livres_couvrent_chaque_type_et_ne_remplacent_rien(utilisateur_avec_role):
    r = services.charger_defauts()
    assert r.accepte, [x.texte() for x in r.refus]
    couverts = set(RegleConservation.objects.values_list("type_enregistrement", flat=True))
    assert couverts == set(types.codes())
    assert not RegleConservation.objects.filter(valide_archives_le__isnull=False).exists()
    assert all(
        "Archives départementales" in o
        for o in RegleConservation.objects.values_list("observations", flat=True)
    )
    regle = RegleConservation.objects.get(code="SUN-QUA-APP")
    admin = utilisateur_avec_role(Role.ADMINISTRATEUR)
    services.modifier_regle(
        regle, {**{c: getattr(regle, c) for c in regles.COLONNES}, "dua_valeur": "4"}, admin
    )
    assert services.charger_defauts().inchanges
    assert RegleConservation.objects.get(code="SUN-QUA-APP").dua_valeur == 4


def test_modifier_regle_memes_controles(utilisateur_avec_role):
    services.charger_defauts()
    regle = RegleConservation.objects.get(code="SUN-INC-SIG")
    donnees = {c: getattr(regle, c) for c in regles.COLONNES}
    archiviste = utilisateur_avec_role(Role.ARCHIVISTE)
    with pytest.raises(RefusConservation, match="négative"):
        services.modifier_regle(regle, {**donnees, "dua_valeur": "-1"}, archiviste)
    with pytest.raises(RefusConservation, match="type d'enregistrement inconnu"):
        services.modifier_regle(regle, {**donnees, "type_enregistrement": "x.y"}, archiviste)
    with pytest.raises(RoleManquant):
        services.modifier_regle(regle, donnees, utilisateur_avec_role(Role.PILOTE))
    services.modifier_regle(regle, {**donnees, "valide_archives_le": "02/03/2026"}, archiviste)
    assert RegleConservation.objects.get(pk=regle.pk).valide_archives_le == date(2026, 3, 2)


def test_exports_csv_et_vitam():
    services.charger_defauts()
    texte = io.StringIO()
    n = exports.ecrire_csv(texte)
    assert n == RegleConservation.objects.count()
    # the export loads back unchanged
    assert services.importer_regles(texte.getvalue().encode(), "t.csv").inchanges
    vitam = io.StringIO()
    exports.ecrire_vitam(vitam)
    lignes = list(csv.reader(io.StringIO(vitam.getvalue())))
    assert lignes[0] == [
        "RuleId",
        "RuleType",
        "RuleValue",
        "RuleDescription",
        "RuleDuration",
        "RuleMeasurement",
    ]
    par_code = {l[0]: l for l in lignes[1:]}
    assert par_code["SUN-COM-CNX"][1:][0] == "AppraisalRule"
    assert par_code["SUN-COM-CNX"][4:] == ["180", "DAY"]
    assert par_code["SUN-REL-DEM"][4:] == ["5", "YEAR"]


def test_la_purge_des_contacts_lit_la_regle(settings):
    from sun.relation.registre.conservation import limite_conservation

    settings.SUN_RELATION_CONSERVATION_ANS = 5
    assert limite_conservation(date(2026, 6, 1)) == date(2021, 6, 1)
    services.importer_regles(
        _fichier(
            _ligne(
                "U",
                type_="relation.usager",
                point="derniere_activite",
                rgpd="2",
                rgpd_unite="annees",
            )
        ),
        "t.csv",
    )
    assert limite_conservation(date(2026, 6, 1)) == date(2024, 6, 1)


def test_type_inconnu_refuse():
    with pytest.raises(RefusConservation, match="inconnu"):
        types.obtenir("compta.facture")
