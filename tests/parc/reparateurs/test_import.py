"""The CSV import of the directory: SUN's template read back, idempotent (same file twice:
nothing changes), an edited row updates its actor, every refused row reported with its
reason, a file without the required columns refused whole, demonstration actors untouched."""

import pytest

from sun.core.imports import ColonnesManquantes
from sun.parc.models import Reparateur
from sun.parc.reparateurs.importation import COLONNES, ecrire_modele, importer
from tests.parc.reparateurs.outils import SIRET_FAUX, acteur

pytestmark = pytest.mark.django_db

ENTETE = ";".join(c for c, _ in COLONNES)


def _fichier(tmp_path, *lignes: str, entete: str = ENTETE):
    chemin = tmp_path / "annuaire.csv"
    chemin.write_text("\n".join([entete, *lignes]) + "\n", encoding="utf-8")
    return chemin


def _ligne(**champs) -> str:
    valeurs = {"nom": "Atelier du Bit", "activites": "reparation|vente", "adresse": "3 rue Hugo",
               "code_postal": "11000", "commune": "Carcassonne", "telephone": "0468112030",
               "labels": "ESUS", "particuliers": "oui", "collectivites": "non"}  # fmt: skip
    valeurs.update(champs)
    return ";".join(valeurs.get(c, "") for c, _ in COLONNES)


def test_le_modele_s_importe(tmp_path):
    rapport = importer(ecrire_modele(tmp_path / "modele.csv"))
    assert (rapport.nouveaux, rapport.refusees) == (1, 0)
    a = Reparateur.objects.get()
    assert a.nom == "Atelier Répar'Aude" and a.commune.code_insee == "11069"
    assert a.activites == ["reparation", "reconditionnement", "vente"]
    assert a.horaires == "Tu-Sa 09:00-12:00,14:00-18:00" and a.pour_collectivites


def test_idempotent_et_mise_a_jour(tmp_path):
    chemin = _fichier(tmp_path, _ligne(), _ligne(nom="Repair café", activites="repair_cafe"))
    premier = importer(chemin)
    assert (premier.nouveaux, premier.modifies, premier.refusees) == (2, 0, 0)
    second = importer(chemin)
    assert (second.nouveaux, second.modifies, second.inchanges) == (0, 0, 2)
    troisieme = importer(_fichier(tmp_path, _ligne(telephone="04 68 99 99 99")))
    assert (troisieme.nouveaux, troisieme.modifies, troisieme.inchanges) == (0, 1, 0)
    assert Reparateur.objects.get(nom="Atelier du Bit").telephone == "+33468999999"
    assert Reparateur.objects.count() == 2  # absent from the file: kept


def test_lignes_refusees_avec_leur_raison(tmp_path):
    chemin = _fichier(
        tmp_path,
        _ligne(),
        _ligne(nom="Faux SIRET", siret=SIRET_FAUX),
        _ligne(nom="Sans activité", activites=""),
        _ligne(nom="Commune inconnue", commune="Xqzwvtt"),
        _ligne(nom="Mauvais oui", particuliers="peut-être"),
        _ligne(nom="Latitude", latitude="quarante"),
        _ligne(),  # the same actor twice
    )
    rapport = importer(chemin, confirmer=True)
    assert (rapport.nouveaux, rapport.refusees) == (1, 6)
    raisons = {r.champ: r.raison for r in rapport.lignes_rejetees}
    assert "clé de contrôle" in raisons["siret"]
    assert "au moins une activité" in raisons["activites"]
    assert "Commune inconnue" in raisons["commune"]
    assert "oui ou non" in raisons["particuliers"]
    assert "nombre décimal" in raisons["latitude"]
    assert "déjà à la ligne 2" in raisons["nom"]
    assert list(Reparateur.objects.values_list("nom", flat=True)) == ["Atelier du Bit"]


def test_essai_a_blanc_et_colonnes_manquantes(tmp_path):
    rapport = importer(_fichier(tmp_path, _ligne()), essai=True)
    assert rapport.nouveaux == 1 and not Reparateur.objects.exists()
    with pytest.raises(ColonnesManquantes):
        importer(_fichier(tmp_path, "Atelier;11000", entete="nom;code_postal"))
    assert not Reparateur.objects.exists()


def test_la_demonstration_n_est_pas_touchee(tmp_path):
    demo = acteur(demonstration=True)  # same name and postcode as the row
    importer(_fichier(tmp_path, _ligne()))
    demo.refresh_from_db()
    assert demo.demonstration and demo.activites == ["reparation"]
    assert Reparateur.objects.filter(demonstration=False).count() == 1


def test_seules_nom_activites_et_commune_sont_obligatoires(tmp_path):
    # Only the three required columns, the commune by its name: accepted.
    rapport = importer(_fichier(tmp_path, "Repair café;repair_cafe;Narbonne",
                                entete="nom;activites;commune"))  # fmt: skip
    assert (rapport.nouveaux, rapport.refusees) == (1, 0)
    assert Reparateur.objects.get().commune.code_insee == "11262"
    # Without the commune column: the file is refused whole, naming it.
    with pytest.raises(ColonnesManquantes, match="commune"):
        importer(_fichier(tmp_path, "Atelier;reparation;11000",
                          entete="nom;activites;code_postal"))  # fmt: skip
