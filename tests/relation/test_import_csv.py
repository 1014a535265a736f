"""Import of requests from SUN's CSV template (and a mapped file): rows refused with their
reason, keyed sync, dry run, one transaction, counters and journal."""

from datetime import date
from pathlib import Path

import pytest

from sun.core.imports import ColonnesManquantes
from sun.core.models import JournalImport
from sun.relation.importation import modele
from sun.relation.importation.commun import lire_date
from sun.relation.models import CompteurDemandes, Demande, Evenement, Usager
from tests.relation.factories import DemarcheFactory, demande

pytestmark = pytest.mark.django_db
DONNEES = Path(__file__).parent / "donnees"
JOUR = date(2024, 6, 1)


@pytest.fixture
def apa():
    return DemarcheFactory(slug="apa", titre="Allocation personnalisée d'autonomie")


def _importer(chemin, **options):
    return modele.importer(chemin, aujourd_hui=JOUR, **options)


def test_lire_date_formats():
    assert lire_date("2024-01-10") == date(2024, 1, 10)
    assert lire_date("10/01/2024") == date(2024, 1, 10)
    assert lire_date("10/01/2024 23:30") == date(2024, 1, 10)
    assert lire_date("2024-01-10 23:30:00 +0100") == date(2024, 1, 10)
    assert lire_date("2024-01-10T23:30:00Z") == date(2024, 1, 11)  # 00:30 in Paris
    assert lire_date("") is None
    with pytest.raises(ValueError):
        lire_date("demain")


def test_modele_importe_refuse_et_rapporte(apa):
    rapport = _importer(DONNEES / "modele-demandes.csv")
    assert (rapport.lues, rapport.nouveaux, rapport.refusees) == (8, 3, 5)
    raisons = {(r.ligne, r.champ): r.raison for r in rapport.lignes_rejetees}
    assert raisons[(5, "demarche")] == "démarche inconnue du catalogue"
    assert "canal inconnu" in raisons[(6, "canal")]
    assert "statut inconnu" in raisons[(6, "statut")]
    assert "dans le futur" in raisons[(6, "recue_le")]
    assert "précède l'ouverture de la démarche" in raisons[(7, "recue_le")]
    assert "date de décision absente" in raisons[(7, "decidee_le")]
    assert raisons[(8, "decidee_le")] == "décision antérieure à la réception"
    assert raisons[(9, "numero")] == "numéro en double (déjà en ligne 2)"
    a1 = Demande.objects.get(source_externe="csv", numero_externe="A-1")
    assert (a1.canal, a1.statut, a1.regime, a1.date_decision_implicite) == (
        "telephone",
        "en_instruction",
        "sva",
        date(2024, 3, 10),
    )
    assert a1.usager.nom == "Jeanne Martin" and a1.usager.code_postal == "11000"
    assert len(a1.code_suivi) == 9 and a1.evenements.get().type == Evenement.Type.CREATION
    a2 = Demande.objects.get(numero_externe="A-2")
    assert (a2.date_decision_implicite, a2.decidee_le, a2.dans_les_temps) == (
        date(2023, 2, 28),
        date(2023, 2, 15),
        True,
    )
    assert a2.lien_externe == "https://outil.example.fr/2" and a2.usager.telephone
    assert Demande.objects.get(numero_externe="A-3").usager is None  # no contact given
    assert sum(c.nombre for c in CompteurDemandes.objects.all()) == 3
    journal = JournalImport.objects.get(pk=rapport.journal_id)
    assert journal.genre == "relation-demandes" and journal.compteurs["nouveaux"] == 3


def test_reimport_inchange_puis_changement_de_statut(apa, tmp_path):
    fichier = tmp_path / "d.csv"
    fichier.write_text("numero;demarche;recue_le;statut;decidee_le;nom;courriel\n"
                       "B-1;apa;2024-01-10;en_instruction;;Ana Lopez;ana@example.fr\n")  # fmt: skip
    assert _importer(fichier).nouveaux == 1
    deuxieme = _importer(fichier)
    assert (deuxieme.nouveaux, deuxieme.modifies, deuxieme.inchanges) == (0, 0, 1)
    fichier.write_text("numero;demarche;recue_le;statut;decidee_le\n"
                       "B-1;apa;2024-01-10;accepte;2024-03-01\n")  # fmt: skip
    troisieme = _importer(fichier)
    assert (troisieme.modifies, troisieme.inchanges) == (1, 0)
    d = Demande.objects.get(numero_externe="B-1")
    assert (d.statut, d.decidee_le, d.dans_les_temps) == ("accepte", date(2024, 3, 1), True)
    evenement = d.evenements.get(type=Evenement.Type.IMPORT)
    assert (evenement.de_statut, evenement.vers_statut) == ("en_instruction", "accepte")
    assert CompteurDemandes.objects.get(statut="accepte").nombre == 1
    assert not CompteurDemandes.objects.filter(statut="en_instruction", nombre__gt=0).exists()


def test_meme_courriel_reutilise_le_contact(apa, tmp_path):
    existante = demande(apa, courriel="Jeanne@Example.fr")
    fichier = tmp_path / "d.csv"
    fichier.write_text("numero,demarche,recue_le,statut,nom,courriel\n"
                       "C-1,apa,2024-01-10,en_construction,Jeanne M.,jeanne@example.fr\n")  # fmt: skip
    _importer(fichier)
    assert Demande.objects.get(numero_externe="C-1").usager_id == existante.usager_id
    assert Usager.objects.count() == 1


def test_essai_a_blanc_n_ecrit_rien(apa):
    rapport = _importer(DONNEES / "modele-demandes.csv", essai=True)
    assert rapport.essai and rapport.nouveaux == 3
    assert not Demande.objects.exists() and not Usager.objects.exists()
    assert JournalImport.objects.get(pk=rapport.journal_id).statut == JournalImport.Statut.ESSAI


def test_interruption_au_milieu_ne_laisse_rien(apa, tmp_path, monkeypatch):
    lignes = [f"D-{i};apa;2024-01-10;en_construction" for i in range(5000)]
    fichier = tmp_path / "gros.csv"
    fichier.write_text("numero;demarche;recue_le;statut\n" + "\n".join(lignes) + "\n")
    appels = []
    original = modele.ImportModele.normaliser

    def casse(self, numero, brute, rapport):
        appels.append(numero)
        if numero == 4500:  # after two batches of 2000 were written
            raise RuntimeError("coupure")
        return original(self, numero, brute, rapport)

    monkeypatch.setattr(modele.ImportModele, "normaliser", casse)
    with pytest.raises(RuntimeError):
        _importer(fichier)
    assert len(appels) == 4499
    assert not Demande.objects.exists() and not Evenement.objects.exists()
    assert not CompteurDemandes.objects.exists()


def test_colonnes_manquantes_fichier_refuse(apa, tmp_path):
    fichier = tmp_path / "d.csv"
    fichier.write_text("numero;demarche\nA;apa\n")
    with pytest.raises(ColonnesManquantes, match="recue_le, statut"):
        _importer(fichier)
    journal = JournalImport.objects.filter(genre="relation-demandes").latest("pk")
    assert journal.statut == JournalImport.Statut.REFUSE


def test_correspondance_et_xlsx(apa, tmp_path):
    from openpyxl import Workbook

    classeur = Workbook()
    feuille = classeur.active
    feuille.append(["Réf.", "Date d'arrivée", "État", "Démarche"])
    feuille.append(["X-1", date(2024, 2, 1), "En instruction", "apa"])
    classeur.save(tmp_path / "tableur.xlsx")
    (tmp_path / "c.yaml").write_text("colonnes:\n  numero: Réf.\n  recue_le: Date d'arrivée\n"
                                     "  statut: État\n  demarche: Démarche\n", encoding="utf-8")  # fmt: skip
    rapport = _importer(tmp_path / "tableur.xlsx", correspondance=tmp_path / "c.yaml")
    assert rapport.nouveaux == 1, rapport.lignes()
    assert Demande.objects.get().recue_le == date(2024, 2, 1)


def test_cent_mille_lignes_requetes_bornees(apa, tmp_path, django_assert_max_num_queries):
    lignes = [f"E-{i};apa;2024-01-10;en_construction;Nom {i};p{i}@example.fr" for i in range(4100)]
    fichier = tmp_path / "gros.csv"
    fichier.write_text("numero;demarche;recue_le;statut;nom;courriel\n" + "\n".join(lignes))
    # three batches: a fixed number of queries each, whatever its size
    with django_assert_max_num_queries(150):
        rapport = _importer(fichier)
    assert rapport.nouveaux == 4100 and Demande.objects.count() == 4100
    assert Demande.objects.values("code_suivi").distinct().count() == 4100
