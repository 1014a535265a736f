"""Indice de fragilité numérique: import, commune page, priority list of the coverage page."""

import pytest

from sun.comptes.roles import Role
from sun.core.imports import ImportImpossible
from sun.inclusion.analyses.ifn import importer
from sun.inclusion.lieux.services import importer_lieux
from sun.inclusion.models import IndiceFragilite
from tests.inclusion.outils import ecrire_csv, lieu_v1
from tests.outils import texte

pytestmark = pytest.mark.django_db

ENTETE = "name,division,code,no_thd_coverage_rate,no_4g_coverage_rate,poverty_rate,older_65_rate,nscol15p_rate,total\n"


def _fichier(tmp_path, lignes: str):
    chemin = tmp_path / "ifn.csv"
    chemin.write_text(ENTETE + lignes, encoding="utf-8")
    return chemin


def test_import_et_lignes_refusees(tmp_path):
    chemin = _fichier(tmp_path, (
        "Limoux,city,11206,2.0,3.0,8.0,7.0,6.0,5.2\n"
        "Axat,city,11021,9.0,8.0,7.0,9.0,8.0,8.2\n"
        "Vide,city,11001,,3.0,8.0,7.0,6.0,5.2\n"
        "Trop,city,11002,12,3.0,8.0,7.0,6.0,5.2\n"
        "Ain,city,1001,1,1,1,1,1,1\n"
        "CC Limouxin,epci,200043776,3,3,3,3,3,3\n"
        "Faux,epci,ZZZ,1,1,1,1,1,1\n"
    ))  # fmt: skip
    rapport = importer(chemin)
    assert (rapport.lues, rapport.nouveaux) == (7, 4)
    assert [(r[0], r[1], r[3]) for r in rapport.rejets] == [
        (4, "no_thd_coverage_rate", "nombre attendu"),
        (5, "no_thd_coverage_rate", "hors de l'échelle 0 à 10"),
        (8, "code", "code INSEE (5 caractères) ou SIREN (9 chiffres) invalide"),
    ]
    assert IndiceFragilite.objects.get(code="01001").total == 1  # leading zero restored
    again = importer(chemin)
    assert (again.nouveaux, again.modifies, again.inchanges) == (0, 0, 4)


def test_fichier_sans_les_bonnes_colonnes(tmp_path):
    chemin = tmp_path / "ifn.csv"
    chemin.write_text("nom,code\nLimoux,11206\n", encoding="utf-8")
    with pytest.raises(ImportImpossible, match="Colonnes absentes"):
        importer(chemin)
    assert IndiceFragilite.objects.count() == 0


def test_fiche_commune_et_communes_prioritaires(client, utilisateur_avec_role, tmp_path):
    importer(
        _fichier(
            tmp_path, "Axat,city,11021,9.0,8.0,7.0,9.0,8.0,8.2\nLimoux,city,11206,2,3,8,7,6,5.2\n"
        )
    )
    page = texte(client.get("/communes/11021/"))
    assert (
        "Indice de fragilité numérique : <strong>8,2 sur 10</strong>" in page
        and "Sans couverture 4G" in page
    )
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", [lieu_v1(id="lezignan")]), "Source test")
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = texte(client.get("/espace/couverture/", {"km": "20"}))
    assert "Priorités : communes fragiles et éloignées" in page and "Axat" in page
    prioritaires = page.split("Communes prioritaires, les plus peuplées")[1].split("</table>")[0]
    assert "Axat" in prioritaires and "Limoux" not in prioritaires  # Limoux is not fragile enough
