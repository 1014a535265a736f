"""Issue 14: an import runs under a memory and time budget (checked every 500 rows, rolled back
beyond it), and its report file is its owner's alone (0600) and never left behind by an import
that failed (a dry run's report, or an import waiting for its confirmation, is kept)."""

import itertools
import stat
from pathlib import Path

import pytest

from sun.cli import main
from sun.core.imports import Importeur, ImportImpossible, bornes, executer
from sun.core.imports.erreurs import BudgetDepasse
from sun.core.models import JournalImport
from sun.inclusion.models import IndiceFragilite

pytestmark = pytest.mark.django_db
CHIFFRES = ["no_thd_coverage_rate", "no_4g_coverage_rate", "poverty_rate", "older_65_rate",
            "nscol15p_rate", "total"]  # fmt: skip


class EcritParLots(Importeur):
    """Writes every 100 rows, so that a stop at row 500 has something to roll back."""

    genre, libelle, taille_lot = "essai-budget", "Essai de budget", 100

    def convertir(self, numero, ligne, rapport):
        if numero == 2:
            rapport.refuser(numero, "code", ligne["code"], "pour avoir un rapport")
        return ligne

    def ecrire(self, valeurs, rapport):
        IndiceFragilite.objects.bulk_create(
            IndiceFragilite(niveau="city", code=v["code"], nom="x", **dict.fromkeys(CHIFFRES, 1))
            for v in valeurs
        )


def fichier(tmp_path, lignes: int = 1200) -> Path:
    chemin = tmp_path / "f.csv"
    chemin.write_text("code,nom\n" + "".join(f"{11000 + i},x\n" for i in range(lignes)))
    return chemin


def rapports(settings) -> list[Path]:
    dossier = Path(settings.VAR_DIR) / "imports"
    return sorted(dossier.glob("essai-budget-*")) if dossier.exists() else []


def test_memoire_depassee(tmp_path, settings):
    settings.SUN_IMPORT_MEMOIRE_MAX_MO = 1  # any process is above: stops at the first check
    avant = rapports(settings)
    with pytest.raises(BudgetDepasse, match="Import arrêté après 500 lignes : il occupait"):
        executer(EcritParLots(), fichier(tmp_path))
    assert not IndiceFragilite.objects.exists()  # the batches written are rolled back
    assert rapports(settings) == avant  # no orphan report
    journal = JournalImport.objects.get(genre="essai-budget")
    assert journal.statut == JournalImport.Statut.REFUSE
    assert "SUN_IMPORT_MEMOIRE_MAX_MO" in journal.message


def test_duree_depassee(tmp_path, settings, monkeypatch):
    settings.SUN_IMPORT_DUREE_MAX_S = 60
    secondes = itertools.count(0, 45)  # each reading of the clock: 45 s later
    monkeypatch.setattr(bornes, "horloge", lambda: next(secondes))
    with pytest.raises(BudgetDepasse, match="après 1000 lignes : il durait depuis 90 s"):
        executer(EcritParLots(), fichier(tmp_path))
    assert not IndiceFragilite.objects.exists()


def test_budget_en_ligne_de_commande(tmp_path, settings, capsys):
    settings.SUN_IMPORT_MEMOIRE_MAX_MO = 1
    ifn = tmp_path / "ifn.csv"
    entete = "name,division,code,no_thd_coverage_rate,no_4g_coverage_rate,poverty_rate,"
    ifn.write_text(entete + "older_65_rate,nscol15p_rate,total\n"
                   + "Limoux,city,11206,2,3,8,7,6,5.2\n" * 600)  # fmt: skip
    assert main(["inclusion", "ifn", "importer", str(ifn)]) == 3
    erreur = capsys.readouterr().err
    assert "SUN_IMPORT_MEMOIRE_MAX_MO" in erreur and "Rien n'a été enregistré" in erreur
    assert "Traceback" not in erreur and not IndiceFragilite.objects.exists()


def test_rapport_lisible_par_son_proprietaire_seul(tmp_path, settings):
    rapport = executer(EcritParLots(), fichier(tmp_path, 10), essai=True)
    chemin = Path(rapport.chemin_rapport)
    assert chemin.exists()  # a dry run's report is kept
    assert stat.S_IMODE(chemin.stat().st_mode) == 0o600


class Casse(EcritParLots):
    def ecrire(self, valeurs, rapport):
        raise RuntimeError("panne de la base")


def test_import_en_echec_ne_laisse_pas_de_rapport(tmp_path, settings):
    avant = rapports(settings)
    with pytest.raises(RuntimeError):
        executer(Casse(), fichier(tmp_path, 10))
    assert rapports(settings) == avant
    with pytest.raises(ImportImpossible):  # a file refused half-way: no report either
        chemin = fichier(tmp_path, 10)
        chemin.write_bytes(chemin.read_bytes() + b"1,\x00\n")
        executer(EcritParLots(), chemin)
    assert rapports(settings) == avant
