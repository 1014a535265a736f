"""Activity records on La Coop's vocabulary: rules, La Coop's API JSON and the CSV template
(imports idempotent, every rejection reported), the quick form, and lossless round trips."""

import copy
import json
import uuid
from datetime import date

import pytest

from sun.comptes.roles import Role
from sun.core.imports import ImportImpossible
from sun.inclusion.activites import coop
from sun.inclusion.activites import regles as activites
from sun.inclusion.activites.exports import vers_coop
from sun.inclusion.activites.importation import COLONNES_CSV, importer
from sun.inclusion.lieux.services import importer_lieux
from sun.inclusion.models import Activite, Lieu, Mediateur
from tests.inclusion.outils import ecrire_csv, lieu_v1
from tests.outils import texte

pytestmark = pytest.mark.django_db

STRUCTURE = "6a1b6c2e-3f4d-4e5f-8a9b-0c1d2e3f4a5b"
MEDIATEUR = "0b9f1e2d-7c6b-4a5f-9e8d-1c2b3a4f5e6d"


def activite_coop(identifiant: str, **attributs) -> dict:
    """One item of `GET /api/v1/activites`, every attribute the OpenAPI document requires."""
    base = {
        "type": "individuel", "mediateur_id": MEDIATEUR, "accompagnements": 1, "date": "2025-03-10",
        "duree": 45, "type_lieu": "lieu_activite", "structure_id": STRUCTURE, "lieu_code_postal": None,
        "lieu_commune": None, "lieu_code_insee": None, "creation": "2025-03-10T16:00:00Z",
        "modification": "2025-03-11T09:30:00Z", "suppression": None, "autonomie": "partiellement_autonome",
        "oriente_vers_structure": True, "structure_de_redirection": "administration",
        "materiel": ["telephone"], "thematiques": ["email", "navigation_sur_internet"], "tags": ["salon seniors"],
        "precisions_demarche": None, "titre_atelier": None, "niveau_atelier": None,
    }  # fmt: skip
    base.update(attributs)
    return {"type": "activite", "id": identifiant, "attributes": base}


def page(*elements) -> dict:
    return {"data": list(elements), "links": {"self": "https://coop-numerique.anct.gouv.fr/api/v1/activites"},
            "meta": {"total_count": len(elements), "items_per_page": 500, "total_pages": 1,
                     "has_next_page": False, "has_prev_page": False}}  # fmt: skip


def ecrire(tmp_path, contenu, nom="activites.json"):
    chemin = tmp_path / nom
    chemin.write_text(json.dumps(contenu, ensure_ascii=False), encoding="utf-8")
    return chemin


@pytest.fixture
def lieu_coop(tmp_path) -> Lieu:
    """A place of the register that came from La Coop through the national cartography."""
    importer_lieux(
        ecrire_csv(tmp_path / "lieux.csv", [lieu_v1(id=f"Coop-numérique_{STRUCTURE}")]),
        "Cartographie nationale",
    )
    return Lieu.objects.get()


IDS = [str(uuid.UUID(int=n)) for n in range(1, 7)]
ELEMENTS = [
    activite_coop(IDS[0]),
    activite_coop(IDS[1], type="collectif", accompagnements=8, type_lieu="autre", structure_id=None,
                  lieu_code_insee="11069", lieu_code_postal="11000", lieu_commune="Carcassonne", autonomie=None,
                  oriente_vers_structure=None, structure_de_redirection=None, titre_atelier="Découvrir le courriel",
                  niveau_atelier="debutant", materiel=["ordinateur"], thematiques=["email"], duree=120),
    activite_coop(IDS[2], type="demarche_administrative", thematiques=["logement"], precisions_demarche="dossier APL"),
    activite_coop(IDS[3], thematiques=["astrologie"]),
    activite_coop(IDS[4], type="collectif", accompagnements=None, autonomie=None),
    activite_coop(IDS[5], structure_id="ffffffff-ffff-4fff-8fff-ffffffffffff", type_lieu="a_distance"),
]  # fmt: skip


def test_import_de_l_api_de_la_coop(tmp_path, lieu_coop):
    mediateur = Mediateur.objects.create(
        prenom="Alix", nom="Fabre", profil="conseiller_numerique", coop_id=MEDIATEUR
    )
    rapport = importer(ecrire(tmp_path, page(*ELEMENTS)))
    assert rapport.format == "JSON" and rapport.lues == 6
    assert rapport.nouveaux == 4
    refus = {(ligne, champ) for ligne, champ, *_ in rapport.lignes_rejetees}
    assert refus == {("activité 4", "thematiques"), ("activité 5", "accompagnements")}
    assert any("inconnu du registre" in r.raison for r in rapport.lignes_signalees)
    individuelle = Activite.objects.get(identifiant_source=IDS[0])
    assert individuelle.lieu == lieu_coop and individuelle.commune.code_insee == "11203"
    assert individuelle.mediateur == mediateur and individuelle.accompagnements == 1
    atelier = Activite.objects.get(identifiant_source=IDS[1])
    # La Coop's counting rule: one accompaniment per participant.
    assert atelier.accompagnements == 8 and atelier.commune.nom == "Carcassonne"
    assert atelier.age_non_communique == 8 and atelier.genre_non_communique == 8
    demarche = Activite.objects.get(identifiant_source=IDS[2])
    assert demarche.type == "individuel" and demarche.thematiques == [
        "aide_aux_demarches_administratives",
        "logement",
    ]
    # Importing the same file again changes nothing.
    rapport = importer(ecrire(tmp_path, page(*ELEMENTS)))
    assert rapport.inchanges == 4 and rapport.nouveaux == 0
    assert Activite.objects.count() == 4


def test_modification_et_suppression_dans_la_coop(tmp_path, lieu_coop):
    importer(ecrire(tmp_path, page(*ELEMENTS[:2])))
    modifiee = activite_coop(IDS[0], duree=60, modification="2025-04-01T08:00:00Z")
    supprimee = copy.deepcopy(ELEMENTS[1])
    supprimee["attributes"]["suppression"] = "2025-04-02T08:00:00Z"
    rapport = importer(ecrire(tmp_path, page(modifiee, supprimee)))
    assert rapport.modifies == 1 and rapport.disparus == 0 and rapport.autres["supprimees"] == 1
    assert list(Activite.objects.values_list("duree", flat=True)) == [60]


def test_essai_a_blanc_et_fichiers_illisibles(tmp_path, lieu_coop):
    rapport = importer(ecrire(tmp_path, page(*ELEMENTS)), essai=True)
    assert rapport.nouveaux == 4 and Activite.objects.count() == 0
    (tmp_path / "vide.json").write_text("")
    with pytest.raises(ImportImpossible, match="vide"):
        importer(tmp_path / "vide.json")
    (tmp_path / "x.json").write_text('{"autre": 1}')
    with pytest.raises(ImportImpossible):
        importer(tmp_path / "x.json")


def test_aller_retour_sans_perte_avec_la_coop(tmp_path, lieu_coop):
    """What came from La Coop goes back exactly as La Coop wrote it."""
    gardees = [ELEMENTS[0], ELEMENTS[1]]
    importer(ecrire(tmp_path, page(*gardees)))
    for element in gardees:
        exporte = vers_coop(Activite.objects.get(identifiant_source=element["id"]))
        assert exporte == element


def _csv(tmp_path, lignes: list[dict], colonnes=COLONNES_CSV):
    import csv

    chemin = tmp_path / "activites.csv"
    with chemin.open("w", encoding="utf-8", newline="") as f:
        ecrivain = csv.DictWriter(f, fieldnames=colonnes, delimiter=";", extrasaction="ignore")
        ecrivain.writeheader()
        ecrivain.writerows(lignes)
    return chemin


def test_modele_csv(tmp_path):
    lignes = [
        {"type": "Atelier collectif", "date": "2025-02-03", "duree": "90", "type_lieu": "autre", "lieu_code_insee": "11069",
         "thematiques": "E-mail|bureautique", "accompagnements": "6", "genre_feminin": "4", "genre_masculin": "2",
         "age_70_plus": "3", "statut_retraite": "5"},
        {"type": "individuel", "date": "2025-02-03", "duree": "30", "type_lieu": "domicile", "lieu_code_insee": "11069",
         "thematiques": "sante", "autonomie": "autonome", "oriente_vers_structure": "non"},
        {"type": "individuel", "date": "2025-02-03", "duree": "30", "type_lieu": "domicile", "lieu_code_insee": "11069",
         "thematiques": "sante", "autonomie": "autonome", "oriente_vers_structure": "non"},
        {"type": "collectif", "date": "03/02/2025", "duree": "0", "type_lieu": "domicile", "thematiques": "",
         "accompagnements": "3", "genre_feminin": "5"},
    ]  # fmt: skip
    rapport = importer(_csv(tmp_path, lignes))
    assert rapport.nouveaux == 3  # two identical lines are two activities
    champs = {champ for _, champ, *_ in rapport.lignes_rejetees}
    assert {"date", "duree", "thematiques", "lieu_code_insee", "genre"} <= champs
    assert all(r.position == "ligne 5" for r in rapport.lignes_rejetees)
    assert rapport.refusees == 1  # one line, several reasons
    atelier = Activite.objects.get(type="collectif")
    assert (
        atelier.thematiques == ["email", "bureautique"]
        and atelier.age_70_plus == 3
        and atelier.age_non_communique == 3
    )
    assert importer(_csv(tmp_path, lignes)).inchanges == 3
    with pytest.raises(ImportImpossible, match="Colonnes absentes du fichier : thematiques"):
        importer(_csv(tmp_path, lignes, colonnes=["type", "date", "duree", "type_lieu"]))


@pytest.mark.parametrize(
    ("donnees", "champ", "raison"),
    [({"date": "2999-01-01"}, "date", "futur"), ({"duree": 0}, "duree", "entre 1"),
     ({"type": "atelier"}, "type", "valeur inconnue"), ({"thematiques": []}, "thematiques", "au moins une"),
     ({"type_lieu": "domicile", "structure_id": None}, "lieu_code_insee", "commune est obligatoire"),
     ({"accompagnements": 3}, "accompagnements", "une personne"),
     ({"type": "collectif", "accompagnements": 2, "autonomie": None, "statut_retraite": 3}, "statut", "3 personnes comptées pour 2"),
     ({"titre_atelier": "Atelier"}, "titre_atelier", "ateliers collectifs")],
)  # fmt: skip
def test_regles_de_la_coop(donnees, champ, raison):
    base = activite_coop(IDS[0])["attributes"]
    verification = activites.valider({**base, **donnees})
    assert any(p[0] == champ and raison in p[2] for p in verification.problemes), (
        verification.problemes
    )


def test_aucune_donnee_personnelle_dans_le_modele():
    champs = {f.name for f in Activite._meta.get_fields()}
    assert not champs & {
        "nom",
        "prenom",
        "courriel",
        "email",
        "telephone",
        "adresse",
        "annee_naissance",
        "notes",
    }


# --- the quick form ----------------------------------------------------------------------
@pytest.fixture
def mediateur_connecte(client, utilisateur_avec_role, lieu_coop):
    compte = utilisateur_avec_role(Role.MEDIATEUR)
    fiche = Mediateur.objects.create(
        prenom="Alix", nom="Fabre", profil="conseiller_numerique", compte=compte
    )
    fiche.lieux_activite.create(lieu=lieu_coop, debut=date(2024, 1, 1))
    client.force_login(compte)
    return fiche


def test_saisie_rapide_individuelle(client, mediateur_connecte, lieu_coop):
    reponse = client.post("/espace/activites/nouvelle/", {
        "type": "individuel", "date": "2025-05-06", "duree": "30", "type_lieu": "lieu_activite", "lieu": lieu_coop.pk,
        "thematiques": ["email"], "demarches": ["logement"], "materiel": ["telephone"], "autonomie": "autonome",
        "oriente_vers_structure": "oui", "structure_de_redirection": "aide_sociale", "genre": "feminin",
        "tranche_age": "soixante_dix_plus",
    })  # fmt: skip
    assert reponse.status_code == 302
    activite = Activite.objects.get()
    assert activite.mediateur == mediateur_connecte and activite.source == "saisie"
    assert activite.thematiques == ["aide_aux_demarches_administratives", "email", "logement"]
    assert (activite.genre_feminin, activite.age_70_plus, activite.statut_non_communique) == (
        1,
        1,
        1,
    )
    assert activite.commune == lieu_coop.commune_ref
    assert "Accompagnement individuel du 06/05/2025" in texte(client.get("/espace/activites/"))


def test_saisie_d_un_atelier_avec_erreurs_conservees(client, mediateur_connecte):
    donnees = {"type": "collectif", "date": "2025-05-06", "duree": "autre", "duree_minutes": "", "type_lieu": "autre",
               "commune": "Carcassonne", "thematiques": ["bureautique"], "titre_atelier": "Tableur",
               "participants": "4", "genre_feminin": "6"}  # fmt: skip
    page = texte(client.post("/espace/activites/nouvelle/", donnees))
    assert "Indiquez la durée en minutes." in page and 'value="Tableur"' in page
    donnees["duree_minutes"] = "75"
    page = texte(client.post("/espace/activites/nouvelle/", donnees))
    assert "6 personnes comptées pour 4 participant(s)" in page and Activite.objects.count() == 0
    donnees["genre_feminin"] = "3"
    assert client.post("/espace/activites/nouvelle/", donnees).status_code == 302
    atelier = Activite.objects.get()
    assert (atelier.accompagnements, atelier.duree, atelier.commune.code_insee) == (4, 75, "11069")
    assert (atelier.genre_feminin, atelier.genre_non_communique) == (3, 1)


def test_commune_inconnue_et_lieu_manquant(client, mediateur_connecte):
    base = {"type": "individuel", "date": "2025-05-06", "duree": "30", "thematiques": ["email"]}
    assert "Choisissez le lieu" in texte(
        client.post("/espace/activites/nouvelle/", {**base, "type_lieu": "lieu_activite"})
    )
    page = texte(
        client.post(
            "/espace/activites/nouvelle/", {**base, "type_lieu": "domicile", "commune": "Zzyzx"}
        )
    )
    assert "Zzyzx" in page and Activite.objects.count() == 0


@pytest.mark.parametrize(("role", "saisie", "import_"), [
    (Role.MEDIATEUR, 200, 403), (Role.AGENT, 403, 200), (Role.PILOTE, 403, 403), (Role.ADMINISTRATEUR, 200, 200)])  # fmt: skip
def test_roles(client, utilisateur_avec_role, role, saisie, import_):
    client.force_login(utilisateur_avec_role(role))
    assert client.get("/espace/activites/nouvelle/").status_code == saisie
    assert client.get("/espace/activites/importer/").status_code == import_
    assert client.get("/espace/activites/export-la-coop.json").status_code == import_
    assert client.get("/espace/activites/statistiques/").status_code == 200


def test_sans_role(client, utilisateur_avec_role):
    assert client.get("/espace/activites/statistiques/").status_code == 302
    client.force_login(utilisateur_avec_role())
    for url in [
        "/espace/activites/",
        "/espace/activites/statistiques/",
        "/espace/activites/nouvelle/",
    ]:
        assert client.get(url).status_code == 403


def test_on_ne_supprime_que_ses_activites(
    client, utilisateur_avec_role, mediateur_connecte, tmp_path
):
    importer(ecrire(tmp_path, page(ELEMENTS[1])))
    autre = Activite.objects.get()
    assert client.post(f"/espace/activites/{autre.pk}/supprimer/").status_code == 404
    assert Activite.objects.count() == 1


def test_import_depuis_l_espace(client, utilisateur_avec_role, tmp_path, lieu_coop):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    with ecrire(tmp_path, page(*ELEMENTS)).open("rb") as f:
        page_ = texte(client.post("/espace/activites/importer/", {"fichier": f}))
    assert "Nouveaux : 4 ;" in page_ and "astrologie" in page_ and "activité 5" in page_
    modele = client.get("/espace/activites/modele.csv").content.decode()
    assert modele.splitlines()[0] == ",".join(COLONNES_CSV)
    export = json.loads(client.get("/espace/activites/export-la-coop.json").content)
    assert {e["id"] for e in export["data"]} == {IDS[0], IDS[1], IDS[2], IDS[5]}


def test_vocabulaire_complet_de_la_coop():
    # The 28 thématiques of the API plus « gérer ses contenus » and « associations » of the database.
    assert len(coop.THEMATIQUES) == 30
    assert set(coop.TypeActivite.values) == {"individuel", "collectif"}


def _donnees_du_formulaire(initiales: dict) -> dict:
    """What a browser posts for the form's initial values."""
    return {c: (v.isoformat() if isinstance(v, date) else ("on" if v is True else v))
            for c, v in initiales.items() if v not in (None, "", False, [])}  # fmt: skip


@pytest.mark.parametrize("type_", ["individuel", "collectif"])
def test_modifier_et_dupliquer_sa_saisie(client, mediateur_connecte, lieu_coop, type_):
    from sun.web.forms.activites import valeurs_initiales

    communs = {"date": "2025-05-06", "duree": "autre", "duree_minutes": "50", "thematiques": ["email"],
               "demarches": ["logement"], "materiel": ["tablette"]}  # fmt: skip
    if type_ == "individuel":
        donnees = {**communs, "type": type_, "type_lieu": "lieu_activite", "lieu": lieu_coop.pk,
                   "autonomie": "autonome", "oriente_vers_structure": "non", "tranche_age": "quarante_cinquante_neuf",
                   "deja_accompagne": "on"}  # fmt: skip
    else:
        donnees = {**communs, "type": type_, "type_lieu": "autre", "commune": "Limoux", "titre_atelier": "Tablette",
                   "niveau_atelier": "avance", "participants": "9", "deja_accompagnes": "2", "age_60_69": "5"}  # fmt: skip
    assert client.post("/espace/activites/nouvelle/", donnees).status_code == 302
    activite = Activite.objects.get()
    avant = {c: getattr(activite, c) for c in ["type", "duree", "thematiques", "lieu_id", "commune_id", "accompagnements",
                                               "deja_accompagnes", "age_40_59", "age_60_69", "autonomie", "niveau_atelier"]}  # fmt: skip
    # The edit form starts from what was recorded: posting it back changes nothing.
    initiales = _donnees_du_formulaire(valeurs_initiales(activite))
    assert client.post(f"/espace/activites/{activite.pk}/modifier/", initiales).status_code == 302
    activite.refresh_from_db()
    assert {c: getattr(activite, c) for c in avant} == avant and activite.modification is not None
    assert (
        client.post(
            f"/espace/activites/{activite.pk}/modifier/", {**initiales, "duree": "90"}
        ).status_code
        == 302
    )
    activite.refresh_from_db()
    assert activite.duree == 90 and Activite.objects.count() == 1
    # Duplicating proposes the same activity today.
    page = client.get(f"/espace/activites/{activite.pk}/dupliquer/").content.decode()
    assert f'value="{date.today().isoformat()}"' in page
    assert (
        client.post(
            f"/espace/activites/{activite.pk}/dupliquer/", {**initiales, "duree": "90"}
        ).status_code
        == 302
    )
    assert Activite.objects.count() == 2


def test_on_ne_modifie_ni_l_activite_d_un_autre_ni_une_importee(
    client, mediateur_connecte, tmp_path
):
    importer(ecrire(tmp_path, page(ELEMENTS[1])))
    importee = Activite.objects.get()
    assert client.get(f"/espace/activites/{importee.pk}/modifier/").status_code == 404
    assert client.get(f"/espace/activites/{importee.pk}/dupliquer/").status_code == 404
    importee.source, importee.identifiant_source = "saisie", ""
    importee.save()  # entered by someone else
    assert (
        client.post(f"/espace/activites/{importee.pk}/modifier/", {"duree": "10"}).status_code
        == 404
    )
