"""The regeneration of the datasets SUN produces: synchronised datasets and stable resources,
idempotence, a new version when the data change, a non-conforming file kept unpublished,
pruning, one failing producer not stopping the others, the CLI and the daily task."""

import csv
import io

import pytest

from sun.cli import main
from sun.cli.sortie import DONNEES, OK, USAGE
from sun.core.taches import quotidien
from sun.donnees import declarations
from sun.donnees.catalogue import stockage
from sun.donnees.catalogue.regeneration import Etat, regenerer, synchroniser_declarations
from sun.donnees.declarations import JeuDeclare, RessourceDeclaree
from sun.donnees.models import JeuDeDonnees, Origine, Ressource, StatutJeu, VersionRessource
from tests.inclusion.factories import LieuFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _stockage(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.SUN_NOM_ORGANISATION = "Département de l'Aude"
    settings.SUN_CONTACT_EMAIL = "donnees@aude.example"


@pytest.fixture
def jeu_de_test(monkeypatch):
    """A declaration of its own whose data and fingerprint the test drives."""
    etat = {"lignes": [["a", "1"]], "empreinte": "e1", "panne": False}

    def ecrire(fichier) -> int:
        if etat["panne"]:
            fichier.write(b"debut,")
            raise RuntimeError("producteur en panne")
        tampon = io.StringIO()
        csv.writer(tampon, lineterminator="\n").writerows([["nom", "valeur"], *etat["lignes"]])
        fichier.write(tampon.getvalue().encode())
        return len(etat["lignes"])

    jeu = JeuDeclare(code="test.jeu", slug="jeu-de-test", titre="Jeu de test",
                     description="Un jeu de test.", themes=("institutions",), mots_cles=("test",),
                     frequence="daily",
                     ressources=(RessourceDeclaree("csv", "Fichier", "csv", ecrire,
                                                   lambda: etat["empreinte"]),))  # fmt: skip
    monkeypatch.setitem(declarations._JEUX, jeu.code, jeu)
    return etat


def test_les_jeux_declares_sont_enregistres_avec_leurs_metadonnees():
    retires, erreurs = synchroniser_declarations()
    assert erreurs == [] and retires == []
    jeu = JeuDeDonnees.objects.get(declaration="inclusion.lieux")
    # A draft until its first file is published (regenerer), like any dataset.
    assert (jeu.origine, jeu.statut, jeu.licence) == (Origine.SUN, StatutJeu.BROUILLON, "lo-2.0")
    assert jeu.editeur == "Département de l'Aude" and jeu.contact_email == "donnees@aude.example"
    assert jeu.couverture_spatiale == ["11"] and "solidarites" in jeu.themes
    assert "/lieux/export/lieux-de-mediation-numerique.csv" in jeu.description
    csv_ = jeu.ressources.get(declaration="csv")
    assert (csv_.schema_id, csv_.schema_version) == ("LaMednum/standard-mediation-num", "1.0.1")
    codes = set(JeuDeDonnees.objects.values_list("declaration", flat=True))
    assert {
        "inclusion.couverture",
        "inclusion.activites",
        "pilotage.indicateurs",
        "pilotage.avancement",
        "connectivite.communes",
    } <= codes


def test_une_ressource_garde_son_uuid_et_un_jeu_disparu_est_retire(jeu_de_test, monkeypatch):
    synchroniser_declarations()
    uuid = Ressource.objects.get(jeu__declaration="test.jeu").uuid
    modifiee = JeuDeDonnees.objects.get(declaration="test.jeu").metadonnees_modifiees_le
    synchroniser_declarations()
    assert Ressource.objects.get(jeu__declaration="test.jeu").uuid == uuid
    assert JeuDeDonnees.objects.get(declaration="test.jeu").metadonnees_modifiees_le == modifiee
    monkeypatch.delitem(declarations._JEUX, "test.jeu")
    retires, _ = synchroniser_declarations()
    assert retires == ["test.jeu"]
    assert JeuDeDonnees.objects.get(declaration="test.jeu").statut == StatutJeu.RETIRE


def test_idempotente_puis_nouvelle_version_quand_les_donnees_changent(jeu_de_test):
    premier = regenerer(["test.jeu"])
    (r,) = premier.resultats
    assert r.etat == Etat.NOUVELLE and r.numero == 1 and r.lignes == 1 and r.duree > 0
    second = regenerer(["test.jeu"])
    assert second.resultats[0].etat == Etat.INCHANGEE
    assert VersionRessource.objects.filter(ressource__jeu__declaration="test.jeu").count() == 1
    jeu_de_test.update(lignes=[["a", "1"], ["b", "2"]], empreinte="e2")
    (r,) = regenerer(["test.jeu"]).resultats
    assert r.etat == Etat.NOUVELLE and r.numero == 2 and r.lignes == 2
    versions = VersionRessource.objects.filter(ressource__jeu__declaration="test.jeu")
    assert versions.get(numero=2).publiee
    assert stockage.chemin_absolu(versions.get(numero=2).fichier).read_text().count("\n") == 3


def test_meme_contenu_sous_une_nouvelle_empreinte_ne_fait_pas_de_version(jeu_de_test):
    regenerer(["test.jeu"])
    jeu_de_test["empreinte"] = "nouveau-jour"
    (r,) = regenerer(["test.jeu"]).resultats
    assert r.etat == Etat.INCHANGEE and r.numero == 1
    version = VersionRessource.objects.get(ressource__jeu__declaration="test.jeu")
    assert version.empreinte == "nouveau-jour"
    assert len(list(stockage.racine().rglob("*.csv"))) == 1
    assert regenerer(["test.jeu"]).resultats[0].etat == Etat.INCHANGEE


def test_un_producteur_en_panne_n_arrete_pas_les_autres_ni_ne_laisse_de_fichier(jeu_de_test):
    regenerer(["test.jeu"])
    jeu_de_test.update(panne=True, empreinte="e2")
    bilan = regenerer(["test.jeu", "pilotage.avancement"])
    etats = {r.jeu: r.etat for r in bilan.resultats}
    assert etats == {"test.jeu": Etat.ERREUR, "pilotage.avancement": Etat.NOUVELLE}
    assert "producteur en panne" in bilan.resultats[0].message
    assert VersionRessource.objects.filter(ressource__jeu__declaration="test.jeu").count() == 1
    assert not [f for f in stockage.racine().rglob("*") if f.name.endswith(".tmp")]


def test_un_fichier_non_conforme_n_est_pas_publie(jeu_de_test, monkeypatch):
    LieuFactory()
    regenerer(["inclusion.lieux"])
    jeu = declarations.obtenir("inclusion.lieux")
    csv_ = jeu.ressources[0]

    def casse(fichier) -> int:
        fichier.write(b"id,nom\n1,Lieu sans les colonnes du standard\n")
        return 1

    faux = JeuDeclare(
        **{
            **jeu.__dict__,
            "ressources": (
                RessourceDeclaree(
                    **{**csv_.__dict__, "ecrire": casse, "versions": lambda: "cassé"}
                ),
            ),
        }
    )
    monkeypatch.setitem(declarations._JEUX, jeu.code, faux)
    bilan = regenerer(["inclusion.lieux"])
    (r,) = bilan.resultats
    assert r.etat == Etat.NON_CONFORME and "version précédente reste servie" in r.message
    assert "NON CONFORME" in bilan.resume()
    ressource = Ressource.objects.get(jeu__declaration="inclusion.lieux", declaration="csv")
    servie = ressource.versions.filter(publiee=True).order_by("-numero").first()
    assert servie.numero == 1 and servie.statut_validation == "valide"
    assert not ressource.versions.get(numero=2).publiee
    # Nothing changed since: still reported, nothing written again.
    assert regenerer(["inclusion.lieux"]).resultats[0].etat == Etat.NON_CONFORME
    assert ressource.versions.count() == 2


def test_les_anciennes_versions_sont_supprimees(jeu_de_test, settings):
    settings.SUN_DONNEES_VERSIONS_GARDEES = 3
    for n in range(5):
        jeu_de_test.update(lignes=[["a", str(n)]], empreinte=f"e{n}")
        regenerer(["test.jeu"])
    versions = VersionRessource.objects.filter(ressource__jeu__declaration="test.jeu")
    assert sorted(versions.values_list("numero", flat=True)) == [3, 4, 5]
    assert len(list(stockage.racine().rglob("*.csv"))) == 3


def _avec_schema(monkeypatch, empreinte: str) -> None:
    """Give the test resource the impact schema: its file then does not conform."""
    jeu = declarations.obtenir("test.jeu")
    faux = JeuDeclare(
        **{
            **jeu.__dict__,
            "ressources": (
                RessourceDeclaree(
                    **{
                        **jeu.ressources[0].__dict__,
                        "versions": lambda: empreinte,
                        "schema": ("etalab/schema-impact-service-public-numerique", "0.5.0"),
                    }
                ),
            ),
        }
    )
    monkeypatch.setitem(declarations._JEUX, jeu.code, faux)


def test_la_derniere_version_publiee_n_est_jamais_supprimee(jeu_de_test, settings, monkeypatch):
    settings.SUN_DONNEES_VERSIONS_GARDEES = 1
    regenerer(["test.jeu"])
    _avec_schema(monkeypatch, "e2")
    assert regenerer(["test.jeu"]).resultats[0].etat == Etat.NON_CONFORME
    versions = VersionRessource.objects.filter(ressource__jeu__declaration="test.jeu")
    assert versions.count() == 2 and versions.get(publiee=True).numero == 1


def test_un_code_inconnu_est_refuse():
    with pytest.raises(declarations.DeclarationInconnue):
        regenerer(["inconnu.jeu"])


def test_la_cli_regenerer_et_jeux(capsys, jeu_de_test):
    assert main(["donnees", "regenerer", "--jeu", "test.jeu"]) == OK
    sortie = capsys.readouterr().out
    assert "test.jeu / csv : nouvelle version publiée — version 1, 1 ligne(s)" in sortie
    assert main(["donnees", "regenerer", "--jeu", "test.jeu"]) == OK
    assert "inchangée" in capsys.readouterr().out
    assert main(["donnees", "regenerer", "--jeu", "nimporte.quoi"]) == USAGE
    capsys.readouterr()
    assert main(["donnees", "jeux"]) == OK
    sortie = capsys.readouterr().out
    assert "inclusion.lieux — Lieux de médiation numérique" in sortie
    assert "/donnees/jeu-de-test/" in sortie and "version 1 du" in sortie


def test_la_cli_sort_en_3_sur_un_fichier_non_conforme(capsys, jeu_de_test, monkeypatch):
    _avec_schema(monkeypatch, "e1")
    assert main(["donnees", "regenerer", "--jeu", "test.jeu"]) == DONNEES
    assert "NON CONFORME" in capsys.readouterr().out


def test_la_tache_quotidienne(jeu_de_test):
    from sun.donnees.catalogue import tasks  # noqa: F401  (sun.donnees.tasks loads it)

    tache = next(t for t in quotidien.toutes() if t.code == "donnees.regenerer")
    resume = tache.fonction()
    assert resume.startswith("Jeux de données produits par SUN : ") and "nouvelle" in resume


def test_un_jeu_de_sun_n_est_publie_qu_avec_un_fichier_conforme_et_un_contact(settings):
    settings.SUN_CONTACT_EMAIL = ""
    bilan = regenerer(["pilotage.avancement"])
    jeu = JeuDeDonnees.objects.get(declaration="pilotage.avancement")
    assert jeu.statut == StatutJeu.BROUILLON
    assert "point de contact" in bilan.resume() and "Non publiés" in bilan.resume()
    jeu.contact_email = "donnees@aude.example"  # an agent fills it in the agent space
    jeu.save()
    assert regenerer(["pilotage.avancement"]).en_attente == []
    jeu.refresh_from_db()
    assert jeu.statut == StatutJeu.PUBLIE and jeu.publie_le is not None
