"""The GLPI ticket import on the shared pipeline, with a synthetic export (tests/projets/
fichiers/tickets-glpi-synthetique.csv): counts, refused lines and their reasons, dry run,
idempotent re-import, typology seeded, the guard of the pipeline."""

from pathlib import Path

import pytest
from django.utils.timezone import localtime

from sun.core.imports import ConfirmationRequise, ImportImpossible
from sun.core.models import JournalImport
from sun.projets.importation.services import importer_tickets
from sun.projets.models import Demande, TypeDemande
from tests.projets.factories import TypeDemandeFactory

FIXTURE = Path(__file__).parent / "fichiers" / "tickets-glpi-synthetique.csv"
ENTETE = ('"ID";"Titre";"Statut";"Dernière modification";"Date d\'ouverture";"Priorité";'
          '"Demandeur - Demandeur";"Attribué à - Technicien";"Catégorie";"TTR";\n')  # fmt: skip

pytestmark = pytest.mark.django_db


def _ecrire(tmp_path, lignes: list[str], entete: str = ENTETE, nom="t.csv") -> Path:
    chemin = tmp_path / nom
    chemin.write_text(entete + "".join(lignes), encoding="utf-8-sig")
    return chemin


def test_import_du_fichier_synthetique():
    rapport = importer_tickets(FIXTURE)
    assert (rapport.lues, rapport.nouveaux, rapport.refusees) == (30, 28, 2)
    assert Demande.objects.filter(source="glpi").count() == 28
    raisons = {(r.ligne, r.champ): r.raison for r in rapport.lignes_rejetees}
    assert "illisible" in raisons[(14, "date_ouverture")]
    assert raisons[(24, "statut")].startswith("statut GLPI inconnu")
    assert JournalImport.objects.get(pk=rapport.journal_id).statut == "enregistre"


def test_chaque_ticket_devient_une_demande():
    importer_tickets(FIXTURE)
    multi = Demande.objects.get(reference_externe="4103")
    assert multi.titre == "Impression impossible sur le copieur du 1er étage (message « bac vide »)"
    assert multi.statut == "en_cours" and multi.close_le is None
    assert multi.type.libelle == "Matériel > Poste de travail" and multi.nature == "incident"
    resolu = Demande.objects.get(reference_externe="4105")  # « Résolu »
    assert resolu.statut == "realisee"
    assert localtime(resolu.close_le).strftime("%Y-%m-%d %H:%M") == "2026-05-08 17:30"
    jour_d_abord = Demande.objects.get(reference_externe="4106")  # dates JJ-MM-AAAA
    assert localtime(jour_d_abord.creee_le).strftime("%Y-%m-%d %H:%M") == "2026-06-14 10:05"
    assert Demande.objects.get(reference_externe="4104").statut == "qualifiee"
    assert Demande.objects.get(reference_externe="4101").statut == "nouvelle"
    acces = Demande.objects.filter(type__libelle="Demande > Accès à une application").first()
    assert acces.nature == "evolution"
    sans = Demande.objects.get(reference_externe="4109")
    assert sans.type is None and sans.nature == "incident"


def test_les_noms_ne_sont_pas_enregistres():
    importer_tickets(FIXTURE)
    for d in Demande.objects.all():
        assert "FICTIF" not in d.titre + d.description
        assert d.demandeur_id is None


def test_la_typologie_est_amorcee():
    TypeDemandeFactory(libelle="Logiciel > Messagerie", nature="question", source="sun")
    rapport = importer_tickets(FIXTURE)
    glpi = set(TypeDemande.objects.filter(source="glpi").values_list("libelle", flat=True))
    assert "Logiciel > Messagerie" not in glpi  # already there: kept as it is
    assert {"Matériel > Imprimante", "Réseau > Wi-Fi"} <= glpi
    assert rapport.autres["types_crees"] == len(glpi) == 7
    # the existing type gives its nature to the tickets of its category
    assert set(Demande.objects.filter(type__libelle="Logiciel > Messagerie")
               .values_list("nature", flat=True)) == {"question"}  # fmt: skip


def test_essai_a_blanc_rien_d_ecrit():
    rapport = importer_tickets(FIXTURE, essai=True)
    assert rapport.nouveaux == 28 and rapport.essai
    assert Demande.objects.count() == 0 and TypeDemande.objects.count() == 0
    assert JournalImport.objects.get(pk=rapport.journal_id).statut == "essai"


def test_reimport_idempotent_et_mise_a_jour_du_statut(tmp_path):
    importer_tickets(FIXTURE)
    avant = Demande.objects.count()
    second = importer_tickets(FIXTURE)
    assert (second.nouveaux, second.modifies, second.inchanges) == (0, 0, 28)
    assert Demande.objects.count() == avant
    d = Demande.objects.get(reference_externe="4101")
    d.type = None
    d.save()
    chemin = _ecrire(tmp_path, ['"4101";"Messagerie inaccessible";"Clos";"2026-02-01 12:00";'
                                '"2026-01-01 08:00";"";"";"";"Réseau > Autre";"";\n'])  # fmt: skip
    troisieme = importer_tickets(chemin)
    assert troisieme.modifies == 1
    d.refresh_from_db()
    assert d.statut == "realisee" and localtime(d.close_le).strftime("%Y-%m-%d") == "2026-02-01"
    assert d.type is None  # the qualification done in SUN is kept


def test_fichier_sans_colonne_obligatoire_refuse(tmp_path):
    chemin = _ecrire(tmp_path, ['"1";"x";\n'], entete='"ID";"Titre";\n')
    with pytest.raises(ImportImpossible, match="colonnes absentes"):
        importer_tickets(chemin)
    assert Demande.objects.count() == 0
    assert JournalImport.objects.filter(genre="tickets_glpi").latest("pk").statut == "refuse"


def test_au_dela_du_seuil_rien_n_est_ecrit(tmp_path):
    lignes = [f'"{i}";"Panne";"Inconnu";"";"2026-01-02 10:00";"";"";"";"Logiciel > X";"";\n'
              for i in range(1, 13)]  # fmt: skip
    lignes.append('"99";"Bon";"Nouveau";"";"2026-01-02 10:00";"";"";"";"Logiciel > Y";"";\n')
    with pytest.raises(ConfirmationRequise):
        importer_tickets(_ecrire(tmp_path, lignes))
    assert Demande.objects.count() == 0 and TypeDemande.objects.count() == 0
    rapport = importer_tickets(_ecrire(tmp_path, lignes), confirmer=True)
    assert rapport.nouveaux == 1 and rapport.refusees == 12


def test_en_anglais_avec_virgules(tmp_path):
    entete = '"ID","Title","Status","Last update","Opening date","Priority","Category",\n'
    lignes = ['"7","Printer jam","Solved","2026-03-04 10:00","2026-03-01 09:00","Low",'
              '"Hardware > Printer",\n', '"8","VPN","Processing (assigned)","","2026-03-02 09:00",'
              '"High","Network",\n']  # fmt: skip
    rapport = importer_tickets(_ecrire(tmp_path, lignes, entete=entete))
    assert rapport.nouveaux == 2 and rapport.refusees == 0
    assert Demande.objects.get(reference_externe="7").statut == "realisee"
    assert Demande.objects.get(reference_externe="8").statut == "en_cours"


def test_ticket_repete_et_titre_absent(tmp_path):
    lignes = ['"5";"A";"Nouveau";"";"2026-01-02 10:00";"";"";"";"";"";\n',
              '"5";"B";"Nouveau";"";"2026-01-02 10:00";"";"";"";"";"";\n',
              '"6";"";"Nouveau";"";"2026-01-02 10:00";"";"";"";"";"";\n',
              '"abc";"C";"Nouveau";"";"2026-01-02 10:00";"";"";"";"";"";\n']  # fmt: skip
    rapport = importer_tickets(_ecrire(tmp_path, lignes))
    raisons = {r.ligne: r.raison for r in rapport.lignes_rejetees}
    assert raisons == {3: "ticket déjà lu ligne 2", 4: "titre absent",
                       5: "numéro de ticket absent ou non numérique"}  # fmt: skip


def test_commande_importer_tickets(capsys):
    from sun.cli import main

    assert main(["projets", "importer-tickets", str(FIXTURE), "--essai"]) == 0
    assert "ESSAI À BLANC" in capsys.readouterr().out
    assert Demande.objects.count() == 0
    assert main(["projets", "importer-tickets", str(FIXTURE)]) == 0
    assert Demande.objects.count() == 28


def test_un_type_fusionne_n_est_pas_recree_par_un_reimport():
    from sun.projets.statistiques.services import fusionner_types

    importer_tickets(FIXTURE)
    wifi, autre = (TypeDemande.objects.get(libelle="Réseau > Wi-Fi"),
                   TypeDemande.objects.get(libelle="Logiciel > Messagerie"))  # fmt: skip
    fusionner_types(wifi, autre)
    rapport = importer_tickets(FIXTURE)
    assert rapport.nouveaux == 0 and "types_crees" not in rapport.autres
    assert not TypeDemande.objects.filter(libelle="Réseau > Wi-Fi").exists()
